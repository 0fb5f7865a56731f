"""``checker explain``: everything behind one finding, as plain terminal text."""

from __future__ import annotations

from checker.model import Claim, Finding, Report, format_number
from checker.render.escape import terminal
from checker.render.view import line_of
from checker.triage import fingerprint


def _figure(c: Claim) -> str:
    if c.value is None:
        return "no figure"
    text = format_number(c.value)
    if c.low is not None or c.high is not None:
        low = "-inf" if c.low is None else format_number(c.low)
        high = "inf" if c.high is None else format_number(c.high)
        if (low, high) != (text, text):
            text += f" (allows {low} to {high})"
    return text


def render_explain(report: Report, f: Finding) -> str:
    event = next((e for e in report.events if e.id == f.event), None)
    lines = [
        f"{f.id}  {f.verdict} / {f.kind}  (fingerprint {fingerprint(f)})",
        f"rule: verdict {f.verdict!r}, kind {f.kind!r} on slot {str(f.slot)!r}",
        f"scores: severity {f.severity}, confidence {f.confidence:g}",
        f"why: {f.explanation}",
    ]
    if event is not None:
        lines.append(f"event {event.id} ({len(event.articles)} report(s)): {event.why}")
    lines.append(f"claims ({len(f.claims)}; places are article:line, counted from 1):")
    for c in f.claims:
        scope = []
        for name in ("place", "unit", "predicate", "label", "attribution", "convention"):
            value = getattr(c, name, "")
            if value:
                scope.append(f"{name} {value!r}")
        if getattr(c, "place_inherited", False):
            scope.append("place taken from an earlier sentence")
        if getattr(c, "vague", False):
            scope.append("vague figure: never a numeric contradiction")
        lines += [
            f"  - {c.article}:{line_of(report, c)} (sentence {c.sentence + 1})  {c.kind}  "
            f"slot {str(c.slot)!r}  value {_figure(c)}",
            f"    quote: {c.quote!r}",
            f"    sentence: {c.text}",
        ]
        if scope:
            lines.append("    scope: " + "; ".join(scope))
    return "\n".join(terminal(line) for line in lines) + "\n"
