"""Reference mode: every other report of an event checked against the copy an editor trusts.

Nothing is judged again: the findings already pair the claims, and each one that involves
the reference or a report of its event says whether that report confirms, contradicts, adds
to or drops something of the reference.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from checker.errors import InputError
from checker.model import Claim, Finding, Report, Verdict

CATEGORIES = ("confirms", "contradicts", "adds", "drops")
_CONFLICT = (Verdict.CONTRADICTION, Verdict.DISPUTED)
_ADDED = (Verdict.EMBELLISHMENT, Verdict.UNIQUE)
_SHARED = (Verdict.AGREEMENT, Verdict.OMISSION, Verdict.EXPLAINED)


def resolve(report: Report, key: str) -> str:
    """The id of the article ``key`` names: its id, its path, or its file name."""
    for test in (
        lambda a: a.id == key,
        lambda a: a.path and os.path.abspath(a.path) == os.path.abspath(key),
        lambda a: a.path and os.path.basename(a.path) in (key, os.path.basename(key)),
        lambda a: os.path.splitext(os.path.basename(key))[0] == a.id,
    ):
        hits = [a.id for a in report.articles if test(a)]
        if len(hits) == 1:
            return hits[0]
    raise InputError(
        key, "is not one of the audited articles", "give its id or the path it was read from"
    )


@dataclass(frozen=True, slots=True)
class Traced:
    """One finding seen from one report: its claims and the reference's claims."""

    finding: Finding
    mine: tuple[Claim, ...]
    reference: tuple[Claim, ...]


def against_reference(report: Report) -> dict[str, dict[str, list[Traced]]]:
    """For each other article of the reference's event: category -> traced findings."""
    ref = report.reference
    if ref is None:
        return {}
    event = next((e for e in report.events if ref in e.articles), None)
    if event is None:
        return {}
    out: dict[str, dict[str, list[Traced]]] = {
        a: {c: [] for c in CATEGORIES} for a in event.articles if a != ref
    }
    spoken: dict[str, set[str]] = {a: set() for a in event.articles}  # slots each report has
    for f in report.findings:
        if f.event == event.id:
            for c in f.claims:
                spoken.setdefault(c.article, set()).add(str(c.slot))
    for f in report.findings:
        if f.event != event.id:
            continue
        theirs = tuple(c for c in f.claims if c.article == ref)
        for article, cats in out.items():
            mine = tuple(c for c in f.claims if c.article == article)
            category = _category(f, mine, theirs)
            if category == "drops" and str(f.slot) in spoken[article]:
                continue  # it gives the fact, differently: that is another finding
            if category:
                cats[category].append(Traced(f, mine, theirs))
    return out


def _said(claims: tuple[Claim, ...]) -> set:
    return {c.value if c.value is not None else " ".join(c.quote.lower().split()) for c in claims}


def _category(f: Finding, mine: tuple[Claim, ...], theirs: tuple[Claim, ...]) -> str | None:
    """In a contradiction a report that says what the reference says confirms it."""
    if f.verdict in _CONFLICT:
        if not (mine and theirs):
            return None
        return "confirms" if _said(mine) & _said(theirs) else "contradicts"
    if f.verdict in _ADDED:
        return "adds" if mine else None
    if f.verdict in _SHARED:
        if mine and theirs and f.verdict != Verdict.OMISSION:
            return "confirms"
        if mine and not theirs:
            return "adds"
        if theirs and not mine:
            return "drops"
    return None


def reference_dict(report: Report) -> dict:
    """The JSON part: per article, the finding ids in each category."""
    return {
        article: {cat: [t.finding.id for t in traced] for cat, traced in cats.items()}
        for article, cats in against_reference(report).items()
    }
