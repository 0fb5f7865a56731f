"""The findings as a pandas DataFrame, one row per finding (``Report.to_dataframe``)."""

from __future__ import annotations

from checker.model import Report
from checker.triage import fingerprint

COLUMNS = [
    "id", "fingerprint", "event", "verdict", "kind", "severity", "confidence", "slot",
    "explanation", "articles", "quotes",
]  # fmt: skip


def findings_frame(report: Report):
    import pandas as pd  # heavy: only when a DataFrame is asked for

    rows = [
        {
            "id": f.id,
            "fingerprint": fingerprint(f),
            "event": f.event,
            "verdict": f.verdict,
            "kind": f.kind,
            "severity": f.severity,
            "confidence": f.confidence,
            "slot": str(f.slot),
            "explanation": f.explanation,
            "articles": tuple(dict.fromkeys(c.article for c in f.claims)),
            "quotes": tuple(c.quote for c in f.claims),
        }
        for f in report.findings
    ]
    return pd.DataFrame(rows, columns=COLUMNS)
