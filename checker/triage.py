"""What an editor sees and what a CI gate counts: fingerprints, filters and baselines.

A fingerprint names a finding across runs: a hash of its verdict, its kind and the
normalised quotes and figures of its claims. It does not use finding ids, event ids,
sentence numbers or article ids, so it survives re-runs, added articles and edits elsewhere
in the text. A baseline is a JSON file of accepted fingerprints; findings in it are silenced.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from checker.errors import InputError
from checker.model import VERDICTS, Claim, Finding, Report, format_number
from checker.settings import DEFAULT, Settings

BASELINE_SCHEMA = "checker.baseline/1"
FINGERPRINT_CHARS = 12
_WORD = re.compile(r"\w+")


def _normal(text: str) -> str:
    """Lower case, curly quotes and accents folded, punctuation and spacing ignored."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(_WORD.findall(folded))


def _claim_key(c: Claim) -> str:
    """A marker ("Eyewitnesses", "will likely") says little on its own: its sentence counts."""
    value = "" if c.value is None else format_number(c.value)
    where = f"@{_normal(c.text)}" if c.kind == "marker" else ""
    return f"{_normal(c.quote)}={value}{where}"


def fingerprint(f: Finding) -> str:
    """12 hex characters that stay the same while the finding says the same thing."""
    parts = [f.verdict, f.kind, *sorted({_claim_key(c) for c in f.claims})]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:FINGERPRINT_CHARS]


@dataclass(frozen=True, slots=True)
class Filter:
    """Which findings a report shows. Empty ``only`` means every verdict."""

    only: tuple[str, ...] = ()  # verdicts (or kinds) to keep
    min_severity: int = 0
    min_confidence: float = 0.0
    show_all: bool = False  # also show what settings.hidden_by_default hides
    baseline: frozenset[str] = frozenset()  # accepted fingerprints: silenced
    baseline_name: str = ""


def parse_only(text: str | None) -> tuple[str, ...]:
    """``contradiction,embellishment`` -> a tuple of known verdicts (plurals allowed)."""
    if not text:
        return ()
    out = []
    for word in (w.strip().lower() for w in text.split(",")):
        if not word:
            continue
        name = word[:-1] if word.endswith("s") and word[:-1] in VERDICTS else word
        if name not in VERDICTS:
            raise ValueError(f"unknown verdict {word!r} (known: {', '.join(VERDICTS)})")
        out.append(name)
    return tuple(out)


def _hidden(f: Finding, hidden: Collection[str]) -> bool:
    return f.verdict in hidden or f.kind in hidden


def _dropped(f: Finding, flt: Filter) -> bool:
    if flt.only and f.verdict not in flt.only and f.kind not in flt.only:
        return True
    return f.severity < flt.min_severity or f.confidence < flt.min_confidence


def apply_filter(report: Report, flt: Filter, settings: Settings = DEFAULT) -> Report:
    """The report with only the findings the filter keeps; notes say what was left out."""
    keep: list[Finding] = []
    hidden: list[Finding] = []
    low_value: Counter[str] = Counter()
    silenced = dropped = 0
    for f in report.findings:
        if flt.baseline and fingerprint(f) in flt.baseline:
            silenced += 1
            hidden.append(f)
        elif _dropped(f, flt):
            dropped += 1
            hidden.append(f)
        elif not flt.show_all and not flt.only and _hidden(f, settings.hidden_by_default):
            low_value[f.kind if f.kind in settings.hidden_by_default else f.verdict] += 1
            hidden.append(f)
        else:
            keep.append(f)
    notes = list(report.notes)
    if low_value:
        what = ", ".join(f"{n} {k}" for k, n in sorted(low_value.items()))
        total = sum(low_value.values())
        notes.append(f"{total} low-value finding(s) hidden ({what}); --show-all shows them")
    if dropped:
        notes.append(f"{dropped} finding(s) left out by --only / --min-severity / --min-confidence")
    if silenced:
        where = f" {flt.baseline_name}" if flt.baseline_name else ""
        notes.append(f"{silenced} accepted finding(s) silenced by the baseline{where}")
    return replace(
        report, findings=tuple(keep), notes=tuple(notes), hidden=report.hidden + tuple(hidden)
    )


def baseline_dict(findings: Iterable[Finding]) -> dict:
    entries = {}
    for f in findings:
        entries.setdefault(
            fingerprint(f),
            {"fingerprint": fingerprint(f), "verdict": f.verdict, "kind": f.kind,
             "slot": str(f.slot), "explanation": f.explanation},
        )  # fmt: skip
    return {"schema": BASELINE_SCHEMA, "findings": sorted(entries.values(), key=_entry_key)}


def _entry_key(entry: dict) -> tuple:
    return (entry["verdict"], entry["kind"], entry["slot"], entry["fingerprint"])


def render_baseline(findings: Iterable[Finding]) -> str:
    return json.dumps(baseline_dict(findings), ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: str) -> frozenset[str]:
    """The accepted fingerprints of a baseline file; InputError when it is not one."""
    hint = "write one with: checker baseline PATH... -o accepted.json"
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        reason = f"cannot read the baseline: {error.strerror or error}"
        raise InputError(path, reason, hint) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(path, f"not a baseline (invalid JSON: {error})", hint) from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise InputError(path, f"not a baseline (schema is not {BASELINE_SCHEMA})", hint)
    found = data.get("findings")
    if not isinstance(found, list):
        raise InputError(path, "not a baseline (no findings list)", hint)
    prints = set()
    for entry in found:
        value = entry.get("fingerprint") if isinstance(entry, dict) else entry
        if not isinstance(value, str) or not value:
            raise InputError(path, "a baseline entry has no fingerprint", hint)
        prints.add(value)
    return frozenset(prints)


def find_finding(report: Report, key: str) -> Finding | None:
    """A finding by id (``F3``, case-insensitive) or by fingerprint (or a prefix of 6+)."""
    wanted = key.strip()
    for f in report.findings:
        if f.id.lower() == wanted.lower():
            return f
    if len(wanted) >= 6:
        hits = [f for f in report.findings if fingerprint(f).startswith(wanted.lower())]
        if hits:
            return hits[0]
    return None
