"""The editor's report in markdown: summary, scorecard, then per event what is contested,
what each report added, and what they all agree on, every finding with its quotes.

Every string from an article goes through ``md_text``/``md_cell``/``md_code``: article text is
untrusted and must not be able to break a table, inject a link or render HTML. Identifiers
(article ids, slots) are code spans, so they read as written.
"""

from __future__ import annotations

from collections import Counter

from checker.model import Article, Claim, Finding, Report
from checker.reference import CATEGORIES, against_reference
from checker.render.escape import md_cell, md_code, md_prose
from checker.render.view import (
    LABELS,
    SCORE_COLUMNS,
    EventView,
    Lines,
    counts,
    event_views,
    glances,
    grouped_claims,
    marks,
    outlet_scorecard,
    plural,
    reports_of,
    scorecard,
    share,
    summary_line,
)

PLACES = (
    "Places are `article:line`, lines counted from 1 in the article's text (the title is line 1)."
)


def render_markdown(report: Report) -> str:
    views = event_views(report)
    lines_of = Lines(report)
    out = ["# Consistency audit", "", f"**{summary_line(report)}.**", "", PLACES, ""]
    out += [f"> {md_prose(n)}" for n in report.notes] + ([""] if report.notes else [])
    out += _glance(report, views)
    out += _contents(views, report)
    out += _scorecards(report)
    if report.reference:
        out += _reference(report, lines_of)
    meta = {a.id: a for a in report.articles}
    for view in views:
        out += _event_section(meta, view, lines_of)
    return "\n".join(out).rstrip() + "\n"


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A pipe table of cells that are already escaped."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def _tally(findings) -> str:
    c = counts(findings)
    return ", ".join(plural(n, LABELS.get(v, v)) for v, n in c.items() if n) or "no findings"


def _glance(report: Report, views: tuple[EventView, ...]) -> list[str]:
    found = glances(report, views)
    if not found:
        return []
    out = ["## At a glance", ""]
    for g in found:
        e = g.view.event
        out += [f"**[{md_prose(e.id)}: {md_prose(g.view.title)}](#{_anchor(e.id)})**", ""]
        if g.added_most:
            parts = [
                f"{md_code(aid)} {n} of {whole} claims ({_kinds(kinds)})"
                for aid, n, whole, kinds in g.added_most
            ]
            out.append(
                "- **Added on its own** (embellished claims, most first): " + "; ".join(parts)
            )
        else:
            out.append("- **Added on its own**: nothing")
        if g.disagree:
            parts = [f"[{f.id}](#{f.id.lower()}) {md_prose(f.verdict)}: {md_prose(f.explanation)}"
                     for f in g.disagree]  # fmt: skip
            out.append("- **Disagree on**: " + "; ".join(parts))
        else:
            out.append("- **Disagree on**: nothing")
        agreed = "; ".join(md_prose(a) for a in g.agree) or "no fact given by every report"
        out += [f"- **Every report agrees on**: {agreed}", ""]
    return out


def _kinds(kinds: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{n} {md_prose(k)}" for k, n in kinds)


def _contents(views: tuple[EventView, ...], report: Report) -> list[str]:
    out = ["## Contents", "", "- [Scorecard](#scorecard)"]
    if report.reference:
        out.append("- [Against the reference](#reference)")
    for v in views:
        n = len(v.event.articles)
        out.append(
            f"- [{md_prose(v.event.id)}: {md_prose(v.title)}](#{_anchor(v.event.id)}): "
            f"{plural(n, 'report')}, {_tally(v.findings)}"
        )
    return out + [""]


def _anchor(event_id: str) -> str:
    return "event-" + "".join(ch if ch.isalnum() else "-" for ch in event_id.lower())


def _scorecards(report: Report) -> list[str]:
    out = ['<a id="scorecard"></a>', "", "## Scorecard", "",
           "Each report's checked claims: contradicted by another report, embellished (framing, "
           "speculation, unsourced), unique (a detail only it gives) or corroborated; each claim "
           "counts once, in the first of these that applies.", ""]  # fmt: skip
    headers = ["report", "source", "claims", *SCORE_COLUMNS]
    rows = []
    meta = {a.id: a for a in report.articles}
    for aid, tally in scorecard(report).items():
        whole = tally["claims"]
        rows.append([md_code(aid, in_table=True), md_cell(meta[aid].source or ""), str(whole)]
                    + [share(tally[c], whole) for c in SCORE_COLUMNS])  # fmt: skip
    out += _table(headers, rows)
    outlets = outlet_scorecard(report)
    if outlets:
        rows = [[md_cell(src), str(t["articles"]), str(t["claims"])]
                + [share(t[c], t["claims"]) for c in SCORE_COLUMNS]
                for src, t in outlets.items()]  # fmt: skip
        out += ["Per outlet:", ""] + _table(["outlet", "reports", "claims", *SCORE_COLUMNS], rows)
    return out


def _reference(report: Report, lines_of: Lines) -> list[str]:
    ref = report.reference or ""
    out = ['<a id="reference"></a>', "", f"## Against the reference {md_code(ref)}", ""]
    compared = against_reference(report)
    if not compared:
        return out + ["No other report covers the reference's event.", ""]
    for article, cats in compared.items():
        tally = ", ".join(f"{cat} {len(cats[cat])}" for cat in CATEGORIES)
        out += [f"### {md_code(article)}: {tally}", ""]
        for cat in CATEGORIES:
            for t in cats[cat]:
                out.append(f"- **{cat}** [{t.finding.id}](#{t.finding.id.lower()}) "
                           f"{md_prose(t.finding.explanation)}")  # fmt: skip
                for c in (*t.reference, *t.mine):
                    who = "reference" if c.article == ref else "this report"
                    out.append(f"  - {who} {_place(c, lines_of)}: “{md_prose(c.quote)}”")
        out.append("")
    return out


def _event_section(meta: dict[str, Article], view: EventView, lines_of: Lines) -> list[str]:
    e = view.event
    out = [f'<a id="{_anchor(e.id)}"></a>', "", f"## {md_prose(e.id)}: {md_prose(view.title)}", ""]
    out.append(f"{plural(len(e.articles), 'report')}: {_tally(view.findings)}.")
    out.append("")
    for aid, title in view.titles:
        art = meta.get(aid)
        extra = ", ".join(x for x in (art.source, art.date) if x) if art else ""
        extra = f" ({md_prose(extra)})" if extra else ""
        out.append(f"- {md_code(aid)} “{md_prose(title)}”{extra}")
    out += ["", f"*Why these reports are one event:* {md_prose(e.why)}", ""]
    if len(e.articles) == 1:
        return out + ["Only one report covers this event: nothing to check it against.", ""]
    if view.contested:
        out += [f"### Contested ({len(view.contested)})", ""]
        for f in view.contested:
            out += _finding(f, lines_of)
    if view.added:
        total = len({f.id for _, fs in view.added for f in fs})
        out += [f"### Added by one report ({total}), most serious first", ""]
        for aid, found in view.added:
            kinds = Counter(f.kind for f in found)  # in the order of found: most serious first
            what = ", ".join(f"{n} {md_prose(k)}" for k, n in kinds.items())
            out += [f"#### {md_code(aid)}: {plural(len(found), 'addition')} ({what})", ""]
            for f in found:
                out += _finding(f, lines_of)
    if view.consensus:
        out += [f"### Agreed ({len(view.consensus)}), most reports first", ""]
        for f in view.consensus:
            out += _finding(f, lines_of, reports=len(e.articles))
    if view.other:
        out += [f"### Explained differences and omissions ({len(view.other)})", ""]
        for f in view.other:
            out += _finding(f, lines_of)
    if not view.findings:
        out += ["No findings shown for this event.", ""]
    return out


def _finding(f: Finding, lines_of: Lines, reports: int = 0) -> list[str]:
    behind = f" — {len(reports_of(f))} of {reports} reports" if reports else ""
    behind += "," if behind and "|" in str(f.slot) else ""
    slot = f" {md_code(str(f.slot))}" if "|" in str(f.slot) else ""
    head = (f'<a id="{f.id.lower()}"></a>**{md_prose(f.id)} {md_prose(f.verdict)}, '
            f"{md_prose(f.kind)}**{behind}{slot}: {md_prose(f.explanation)}")  # fmt: skip
    out = [head, ""]
    for claims in grouped_claims(f):
        out.append(f"- {_place(claims[0], lines_of)} {_highlight(claims)}")
    return out + [""]


def _place(c: Claim, lines_of: Lines) -> str:
    return md_code(lines_of.place(c))


def _highlight(claims: list[Claim]) -> str:
    """The sentence with the claims' words in bold, each piece escaped on its own."""
    text = claims[0].text
    out, pos = [], 0
    for start, end in marks(claims):
        out.append(_escaped_piece(text[pos:start]))
        out.append("**" + md_prose(text[start:end]) + "**")
        pos = end
    out.append(_escaped_piece(text[pos:]))
    return "“" + "".join(out).strip() + "”"


def _escaped_piece(piece: str) -> str:
    """Escape a piece of a sentence, keeping the spaces at its ends that md_cell would drop."""
    if not piece.strip():
        return " " if piece else ""
    body = md_prose(piece)
    return (" " if piece[0].isspace() else "") + body + (" " if piece[-1].isspace() else "")
