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
from checker.render.view import CONTESTED, Lines, event_views, per_article, shorten, summary_line

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


def _layout(findings: list[Finding], articles, width: int) -> tuple[list[int], bool]:
    """Column widths (id, verdict, kind, reports..., explanation) and whether one column per
    report fits."""
    kind = min(max(len(f.kind) for f in findings), 16)
    verdict = max(len(f.verdict) for f in findings)
    fixed = 4 + verdict + kind
    for wide in (True, False):
        columns = len(articles) if wide and len(articles) <= MAX_COLUMNS else 1
        free = width - fixed - _GAP * (3 + columns)
        explanation = max(24, int(free * 0.3))
        cell = (free - explanation) // columns
        if cell >= MIN_CELL or not wide or columns == 1:
            return [4, verdict, kind] + [max(cell, MIN_CELL)] * columns + [explanation], columns > 1
    raise AssertionError("unreachable")


def _event_table(findings: list[Finding], articles, width: int, lines_of: Lines) -> str:
    widths, wide = _layout(findings, articles, width)
    cell, explanation = widths[3], widths[-1]
    headers = ["id", "verdict", "kind"]
    headers += [shorten(a, cell) for a in articles] if wide else ["reports"]
    headers.append("explanation")
    rows = []
    for f in findings:
        first = [f.id, f.verdict, _cell(f.kind, widths[2])]
        why = _cell(f.explanation, explanation)
        if wide:
            rows.append(
                first + [_cell(per_article(f, a, None, most=None), cell) for a in articles] + [why]
            )
            continue
        quotes = [(a, c) for c in f.claims for a in [c.article]]
        if f.verdict in CONTESTED or len({a for a, _ in quotes}) <= 2:
            # one row per report: the values that disagree are never cut
            for k, (_, c) in enumerate(quotes):
                text = f"{lines_of.place(c)}: {c.quote}"
                lead = first if k == 0 else ["", "", ""]
                rows.append(lead + [_cell(text, cell)] + [why if k == 0 else ""])
        else:
            shown = "; ".join(f"{lines_of.place(c)}: {shorten(c.quote, 40)}" for _, c in quotes[:4])
            more = f" (+{len(quotes) - 4} more)" if len(quotes) > 4 else ""
            rows.append(first + [_cell(shown + more, cell)] + [why])
    headers = [terminal(h) for h in headers]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
