"""How often the audit reports a GVA incident's headline figures correctly.

For every incident with two or more articles and a non-zero killed (or injured) count in the
incident record (dev.facts.jsonl), the figure counts as reported correctly when a finding on
that incident's articles, with predicate "killed" (or "injured") and a person-like noun, is an
agreement on the record's value, or a contradiction/explained difference among whose values the
record's value is. Figures the reports never state are counted as missed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from checker.model import Report

PEOPLE = frozenset({"person", "man", "woman", "child", "teen", "officer", "soldier"})
JUDGED = frozenset({"agreement", "contradiction", "explained"})


def read_facts(path: Path) -> dict[str, dict]:
    facts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            facts[row["event"]] = row
    return facts


def figure_accuracy(report: Report, gold_events: list[dict], facts: dict[str, dict]) -> dict:
    """{'killed': (correct, total), 'injured': (correct, total)} over multi-article incidents."""
    incident_of = {a: e["id"] for e in gold_events for a in e["articles"]}
    present = {a.id for a in report.articles}
    values: dict[tuple[str, str], dict[str, set[float]]] = defaultdict(lambda: defaultdict(set))
    for f in report.findings:
        if f.verdict not in JUDGED:
            continue
        for c in f.claims:
            if c.kind == "quantity" and c.unit in PEOPLE and c.predicate in ("killed", "injured"):
                incident = incident_of.get(c.article)
                if incident and c.low == c.high:
                    values[(incident, c.predicate)][f.verdict].add(c.value)
    out = {}
    for predicate, field in (("killed", "num_killed"), ("injured", "num_injured")):
        correct = total = 0
        for event in gold_events:
            arts = [a for a in event["articles"] if a in present]
            record = facts.get(event["id"])
            if len(arts) < 2 or not record or not record.get(field):
                continue
            total += 1
            seen = values.get((event["id"], predicate), {})
            correct += any(float(record[field]) in vals for vals in seen.values())
        out[predicate] = (correct, total)
    return out


def describe(result: dict) -> str:
    parts = []
    for predicate in ("killed", "injured"):
        correct, total = result[predicate]
        share = correct / total if total else 0.0
        parts.append(f"{predicate} {correct}/{total} ({share:.0%})")
    return ", ".join(parts)
