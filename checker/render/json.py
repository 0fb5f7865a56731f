"""The audit JSON, schema ``checker.audit/1`` (see the gold FORMAT.md): stable and diffable."""

from __future__ import annotations

import json
import math

from checker.model import Claim, Finding, Report

SCHEMA = "checker.audit/1"


def _number(x: float | None):
    if x is None or math.isinf(x) or math.isnan(x):
        return None
    return int(x) if float(x).is_integer() else round(x, 4)


def claim_dict(c: Claim) -> dict:
    return {
        "article": c.article,
        "sentence": c.sentence,
        "text": c.text,
        "quote": c.quote,
        "value": _number(c.value),
        "low": _number(c.low),
        "high": _number(c.high),
        "kind": str(c.kind),
        "slot": str(c.slot),
        "place": c.place,
        "start": c.start,
        "end": c.end,
        "attribution": c.attribution,
    }


def finding_dict(f: Finding) -> dict:
    from checker.triage import fingerprint

    return {
        "id": f.id,
        "event": f.event,
        "verdict": str(f.verdict),
        "kind": f.kind,
        "severity": f.severity,
        "slot": str(f.slot),
        "explanation": f.explanation,
        "claims": [claim_dict(c) for c in f.claims],
        "fingerprint": fingerprint(f),
        "confidence": f.confidence,
    }


def report_dict(report: Report) -> dict:
    """Fields added since checker.audit/1 was written (allowed, never renamed): a finding's
    ``fingerprint`` and ``confidence``; ``reference`` (the trusted article's id, or null) with
    ``"reference": true`` on that article and ``against_reference`` (finding ids per report)."""
    from checker.reference import reference_dict

    return {
        "schema": SCHEMA,
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "title": a.title,
                "date": a.date,
                "source": a.source,
                "url": a.url,
                "sentences": len(s),
                "reference": a.id == report.reference,
            }
            for a, s in zip(report.articles, report.sentences, strict=True)
        ],
        "events": [
            {"id": e.id, "articles": list(e.articles), "label": e.label, "why": e.why}
            for e in report.events
        ],
        "findings": [finding_dict(f) for f in report.findings],
        "notes": list(report.notes),
        "reference": report.reference,
        "against_reference": reference_dict(report),
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
