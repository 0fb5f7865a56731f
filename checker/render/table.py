"""The terminal discrepancy table: one row per finding, one column per report."""

from __future__ import annotations

from tabulate import tabulate

from checker.model import Report
from checker.render.escape import terminal
from checker.render.view import event_views, per_article, shorten, summary_line

MAX_COLUMNS = 5  # beyond this many reports the quotes share one column
CELL = 34  # characters of a report's quote in a cell: three reports fit a 160-column terminal


def render_table(report: Report) -> str:
    """Plain text for a terminal; every article-derived string passes through ``terminal``."""
    blocks = [summary_line(report)]
    blocks.extend(terminal(n) for n in report.notes)
    for view in event_views(report):
        findings = view.findings
        event = view.event
        head = f"{event.id}  {shorten(event.label, 70)}  [{len(event.articles)} article(s)]"
        blocks.append("\n" + terminal(head) + "\n  " + terminal(shorten(event.why, 160)))
        if not findings:
            blocks.append("  (no findings)")
            continue
        blocks.append(_event_table(findings, event.articles))
    return "\n".join(blocks) + "\n"


def _event_table(findings, articles) -> str:
    wide = len(articles) <= MAX_COLUMNS
    headers = ["id", "verdict", "kind", "slot"]
    headers += [terminal(_short_id(a)) for a in articles] if wide else ["reports"]
    rows = []
    for f in findings:
        row = [f.id, f.verdict, f.kind, shorten(f.slot, 32)]
        if wide:
            row += [per_article(f, a) for a in articles]
        else:
            row.append(
                " · ".join(
                    f"{_short_id(a)}: {per_article(f, a)}"
                    for a in sorted({c.article for c in f.claims})
                )
            )
        widths = [6, 14, 26, 28] + [CELL] * (len(row) - 4)
        rows.append([terminal(shorten(str(cell), w)) for cell, w in zip(row, widths, strict=True)])
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def _short_id(article: str) -> str:
    return shorten(article, 14)
