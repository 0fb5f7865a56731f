"""The editor's report: summary, then per event a findings table and the quoted evidence.

Every string from an article goes through ``md_cell``/``md_text``: article text is untrusted
and must not be able to break a table, inject a link or render HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from tabulate import tabulate

from checker.model import Article, Claim, Finding, Report
from checker.render.escape import md_cell, md_text
from checker.render.view import VERDICTS, EventView, counts, event_views, per_article, summary_line

MAX_COLUMNS = 5
EVIDENCE_VERDICTS = ("contradiction", "disputed", "embellishment", "explained")


def render_markdown(report: Report) -> str:
    lines = ["# Consistency audit", "", summary_line(report) + ".", ""]
    lines += [f"> {md_text(n)}" for n in report.notes] + ([""] if report.notes else [])
    views = event_views(report)
    lines += _events_overview(views)
    meta = {a.id: a for a in report.articles}
    for view in views:
        lines += _event_section(meta, view)
    return "\n".join(lines).rstrip() + "\n"


def _table(headers, rows) -> list[str]:
    cells = [[md_cell(str(c)) for c in row] for row in rows]
    return tabulate(
        cells, headers=[md_cell(h) for h in headers], tablefmt="github", disable_numparse=True
    ).splitlines() + [""]


def _events_overview(views: Sequence[EventView]) -> list[str]:
    rows = []
    for view in views:
        tally = counts(view.findings)
        rows.append([view.event.id, view.event.label, len(view.event.articles)]
                    + [tally[v] for v in VERDICTS])  # fmt: skip
    headers = ["event", "what", "articles", *VERDICTS]
    return ["## Events", ""] + _table(headers, rows)


def _event_section(meta: dict[str, Article], view: EventView) -> list[str]:
    e = view.event
    lines = [
        f"## {e.id}: {md_text(e.label)}",
        "",
        f"*Why these articles belong together:* {md_text(e.why)}",
        "",
    ]
    for aid, title in view.titles:
        art = meta.get(aid)
        extra = ", ".join(x for x in (art.source, art.date) if x) if art else ""
        lines.append(
            f"- **{md_cell(aid)}**: {md_text(title)}" + (f" ({md_cell(extra)})" if extra else "")
        )
    lines.append("")
    if not view.findings:
        return lines + ["No findings for this event.", ""]
    lines += ["### Findings", ""] + _findings_table(view)
    evidence = [f for f in view.findings if f.verdict in EVIDENCE_VERDICTS]
    if evidence:
        lines += ["### Evidence", ""]
        for f in evidence:
            lines += _evidence(f)
    lines += _embellishments_by_article(view)
    return lines


def _findings_table(view: EventView) -> list[str]:
    arts = view.event.articles
    wide = len(arts) <= MAX_COLUMNS
    headers = ["id", "verdict", "kind", "slot"] + (list(arts) if wide else ["reports"])
    headers.append("explanation")
    rows = []
    for f in view.findings:
        row = [f.id, f.verdict, f.kind, f.slot]
        if wide:
            row += [per_article(f, a) for a in arts]
        else:
            row.append(
                "; ".join(
                    f"{a}: {per_article(f, a)}" for a in sorted({c.article for c in f.claims})
                )
            )
        row.append(f.explanation)
        rows.append(row)
    return _table(headers, rows)


def _evidence(f: Finding) -> list[str]:
    lines = [f"**{f.id} {f.verdict} ({md_cell(f.kind)})**: {md_text(f.explanation)}", ""]
    spans: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in f.claims:
        spans[(c.article, c.sentence)].append(c)
    for (article, sentence), claims in spans.items():
        lines.append(f"> **{md_cell(article)}**, sentence {sentence}: {_highlight(claims)}  ")
    return lines + [""]


def _highlight(claims: list[Claim]) -> str:
    """The sentence with the claims' words in bold, each piece escaped on its own."""
    text = claims[0].text
    marks: list[list[int]] = []
    for start, end in sorted((c.start, c.end) for c in claims if c.end > c.start):
        if marks and start <= marks[-1][1]:
            marks[-1][1] = max(marks[-1][1], end)
        else:
            marks.append([start, end])
    out, pos = [], 0
    for start, end in marks:
        out.append(_escaped_piece(text[pos:start], first=pos == 0))
        out.append("**" + md_cell(text[start:end]) + "**")
        pos = end
    out.append(_escaped_piece(text[pos:], first=pos == 0))
    return "".join(out).strip()


def _escaped_piece(piece: str, first: bool) -> str:
    """Escape a piece of a sentence, keeping the spaces at its ends that md_cell would drop."""
    if not piece.strip():
        return " " if piece else ""
    body = md_text(piece) if first else md_cell(piece)
    return (" " if piece[0].isspace() else "") + body + (" " if piece[-1].isspace() else "")


def _embellishments_by_article(view: EventView) -> list[str]:
    by_article: dict[str, list[Finding]] = defaultdict(list)
    for f in view.findings:
        if f.verdict == "embellishment":
            for a in sorted({c.article for c in f.claims}):
                by_article[a].append(f)
    if not by_article:
        return []
    lines = ["### Embellishments by article", ""]
    for a in sorted(by_article):
        items = ", ".join(f"{f.id} {md_cell(f.kind)}" for f in by_article[a])
        lines.append(f"- **{md_cell(a)}**: {items}")
    return lines + [""]
