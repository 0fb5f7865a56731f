"""The terminal table: per event one row per finding, sized to the terminal.

Columns: id, verdict, kind, then each report's quotes (one column per report while they fit,
else one "reports" column), then the explanation. Cells wrap; nothing that disagrees is cut.
With many reports a contradiction gets one row per report. Every article-derived string passes
through ``terminal``.
"""

from __future__ import annotations

import shutil
import textwrap

from tabulate import tabulate

from checker.model import Finding, Report
from checker.render.escape import terminal
from checker.render.view import (
    CONTESTED,
    Lines,
    event_views,
    per_article,
    reference_summary,
    shorten,
    summary_line,
)

MAX_COLUMNS = 5  # beyond this many reports the quotes share one column
MIN_CELL = 16  # a report's column is never narrower than this
FALLBACK = (100, 24)  # when the width cannot be found (not a terminal)
_GAP = 2  # tabulate's "simple" format puts two spaces between columns


def render_table(report: Report, width: int | None = None) -> str:
    """Plain text at most ``width`` characters wide (default: the terminal's width)."""
    width = width or shutil.get_terminal_size(FALLBACK).columns
    lines_of = Lines(report)
    blocks = [_wrap(summary_line(report), width)]
    blocks.extend(_wrap(n, width) for n in report.notes)
    if report.reference:
        blocks.append("\n" + _wrap(f"Against the reference {report.reference}:", width))
        blocks.extend(_wrap(line, width, indent="  ") for line in reference_summary(report))
    for view in event_views(report):
        event = view.event
        head = f"{event.id}  {view.title}  [{len(event.articles)} report(s)]"
        blocks.append("\n" + _wrap(head, width) + "\n" + _wrap(event.why, width, indent="  "))
        if not view.findings:
            blocks.append("  (no findings shown)")
            continue
        ordered = (*view.contested, *(f for _, fs in view.added for f in fs), *view.consensus,
                   *view.other)  # fmt: skip
        blocks.append(_event_table(list(dict.fromkeys(ordered)), event.articles, width, lines_of))
    return "\n".join(blocks) + "\n"


def _wrap(text: str, width: int, indent: str = "") -> str:
    return "\n".join(
        textwrap.wrap(
            terminal(text).replace("\n", " "),
            width,
            initial_indent=indent,
            subsequent_indent=indent or "  ",
            break_on_hyphens=False,
        )  # fmt: skip
    )


def _cell(text: str, width: int) -> str:
    lines = textwrap.wrap(terminal(" ".join(str(text).split())), max(width, 4),
                          break_long_words=True, break_on_hyphens=False)  # fmt: skip
    return "\n".join(lines)


def _layout(findings: list[Finding], articles, width: int) -> tuple[int, int, int, bool]:
    """(verdict column, report column, explanation column or 0, one column per report?).

    The verdict column holds the verdict with its kind below; the explanation gets its own
    column while at least MIN_CELL characters remain for the quotes, else it goes under them.
    """
    verdict = max(13, min(max(len(f.kind) for f in findings), 16))
    fixed = 4 + verdict
    if len(articles) <= MAX_COLUMNS:
        columns = len(articles)
        free = width - fixed - _GAP * (columns + 2)
        explanation = max(24, int(free * 0.3))
        cell = (free - explanation) // columns
        if cell >= MIN_CELL:
            return verdict, cell, explanation, True
    free = width - fixed - _GAP * 3
    explanation = max(24, int(free * 0.35))
    if free - explanation >= MIN_CELL * 2:
        return verdict, free - explanation, explanation, False
    return verdict, max(width - fixed - _GAP * 2, MIN_CELL), 0, False


def _event_table(findings: list[Finding], articles, width: int, lines_of: Lines) -> str:
    verdict, cell, explanation, wide = _layout(findings, articles, width)
    headers = ["id", "verdict"]
    headers += [shorten(a, cell - 2) for a in articles] if wide else ["reports"]  # tabulate pads
    headers += ["explanation"] if explanation else []
    rows = []
    for f in findings:
        first = [f.id, _cell(f"{f.verdict} {f.kind}", verdict)]
        why = _cell(f.explanation, explanation) if explanation else ""
        tail = [why] if explanation else []
        if wide:
            rows.append(first + [_cell(per_article(f, a, None, most=None), cell) for a in articles]
                        + tail)  # fmt: skip
            continue
        quotes = [f"{lines_of.place(c)}: {c.quote}" for c in f.claims]
        if f.verdict not in CONTESTED and len(quotes) > 3:
            more = f" (+{len(quotes) - 4} more)" if len(quotes) > 4 else ""
            quotes = ["; ".join(shorten(q, 48) for q in quotes[:4]) + more]
        if not explanation:
            quotes.append(f"why: {f.explanation}")
        # one row per report: the values that disagree are never cut
        for k, text in enumerate(quotes):
            lead = first if k == 0 else ["", ""]
            rows.append(lead + [_cell(text, cell)] + (tail if k == 0 else [""] * len(tail)))
    headers = [terminal(h) for h in headers]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
