"""Findings as CSV, one row per quoted claim, for spreadsheets and pandas."""

from __future__ import annotations

from checker.model import Report
from checker.render.escape import csv_cell
from checker.render.json import _number

COLUMNS = [
    "finding",
    "event",
    "verdict",
    "kind",
    "severity",
    "slot",
    "explanation",
    "article",
    "sentence",
    "quote",
    "value",
    "low",
    "high",
    "text",
]


def render_csv(report: Report) -> str:
    import pandas as pd  # heavy: imported only when CSV is asked for

    rows = [
        [
            csv_cell(cell)
            for cell in (
                f.id, f.event, str(f.verdict), f.kind, f.severity, f.slot, f.explanation, c.article,
                c.sentence, c.quote, _number(c.value), _number(c.low), _number(c.high), c.text,
            )
        ]
        for f in report.findings
        for c in f.claims
    ]  # fmt: skip
    # object columns: whole numbers stay "40", not "40.0", as in the JSON
    frame = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return frame.to_csv(index=False, lineterminator="\n")
