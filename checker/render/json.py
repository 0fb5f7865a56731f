"""The audit JSON, schema ``checker.audit/1`` (see the gold FORMAT.md): stable and diffable."""

from __future__ import annotations

import math
from json.encoder import encode_basestring

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
    """``json.dumps(report_dict(report), ensure_ascii=False, indent=2)`` and a newline, written
    by ``_indented``: with ``indent``, json encodes in Python with one generator per level,
    which took most of the rendering of a large report."""
    parts: list[str] = []
    _indented(report_dict(report), "\n", parts)
    parts.append("\n")
    return "".join(parts)


def _scalar(o) -> str | None:
    """A JSON scalar as json writes it (str before int, bool before int), None otherwise."""
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o:
            return "NaN"
        return "Infinity" if o == math.inf else "-Infinity" if o == -math.inf else repr(float(o))
    return None


_PLAIN = {str: encode_basestring, int: int.__repr__, float: float.__repr__}


def _indented(o, newline: str, parts: list[str]) -> None:
    """``o`` as ``json.dumps(o, ensure_ascii=False, indent=2)`` writes it, appended to
    ``parts``; ``newline``: the line break and indentation of ``o``'s own level."""
    if isinstance(o, dict):
        items, opening, closing = o.items(), "{", "}"
    elif isinstance(o, list | tuple):
        items, opening, closing = enumerate(o), "[", "]"
    else:
        text = _scalar(o)
        if text is None:
            raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
        parts.append(text)
        return
    if not o:
        parts.append(opening + closing)
        return
    keyed = opening == "{"
    inner, append, separator = newline + "  ", parts.append, opening
    for key, value in items:
        if keyed:
            if type(key) is not str:
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            append(separator + inner + encode_basestring(key) + ": ")
        else:
            append(separator + inner)
        separator = ","
        plain = _PLAIN.get(type(value))
        if plain is not None and (type(value) is not float or value - value == 0):
            append(plain(value))
        else:
            _indented(value, inner, parts)
    append(newline + closing)
