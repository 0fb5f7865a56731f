"""Score an audit against a gold file (rules of the gold FORMAT.md).

Independent of the reference ``score.py`` on purpose: the two are compared in the tests, so a
misreading of the rules shows up as a disagreement.
"""

from __future__ import annotations

import itertools
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker.errors import InputError

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class ExpectResult:
    id: str
    verdict: str
    tier: str
    found: bool
    note: str = ""


@dataclass(frozen=True)
class Score:
    expectations: tuple[ExpectResult, ...]
    forbidden: tuple[tuple[str, str], ...]  # (forbid id, finding id)
    event_precision: float
    event_recall: float
    missing_articles: tuple[str, ...]

    @property
    def event_f1(self) -> float:
        p, r = self.event_precision, self.event_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def tally(self) -> dict[tuple[str, str], tuple[int, int]]:
        out: dict[tuple[str, str], tuple[int, int]] = {}
        for e in self.expectations:
            hit, total = out.get((e.verdict, e.tier), (0, 0))
            out[(e.verdict, e.tier)] = (hit + e.found, total + 1)
        return dict(sorted(out.items()))

    def core(self) -> tuple[int, int]:
        core = [e for e in self.expectations if e.tier == "core"]
        return sum(e.found for e in core), len(core)


def normalise(text: object) -> str:
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES).casefold()
    return " ".join(text.split())


def read_gold(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            gold = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(path, "no such gold file", "check the path") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the gold file: {exc.strerror}", "") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path, f"not valid TOML: {exc}", "see the gold FORMAT.md") from None
    for key in ("event", "expect", "forbid"):
        if not isinstance(gold.get(key, []), list):
            raise InputError(path, f"'{key}' must be an array of tables", f"use [[{key}]]")
    _check_gold(path, gold)
    return gold


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_gold(path: str, gold: Mapping) -> None:
    """A malformed key must be an error, not a wrong score (a string where a list belongs would
    be matched letter by letter)."""
    hint = "see the gold FORMAT.md"
    for k, event in enumerate(gold.get("event", []), start=1):
        if not isinstance(event, dict) or not isinstance(event.get("id"), str):
            raise InputError(path, f"event {k} has no string 'id'", hint)
        if not _strings(event.get("articles")):
            raise InputError(path, f"event {event['id']!r}: 'articles' must be a list of ids", hint)
    for key in ("expect", "forbid"):
        for k, item in enumerate(gold.get(key, []), start=1):
            if not isinstance(item, dict) or not isinstance(item.get("verdict"), str):
                raise InputError(path, f"{key} {k} has no string 'verdict'", hint)
            for side in item.get("sides", []):
                if not isinstance(side, dict) or not isinstance(side.get("article"), str):
                    raise InputError(path, f"{key} {k}: a side has no string 'article'", hint)
                if not _strings(side.get("quote")):
                    raise InputError(path, f"{key} {k}: 'quote' must be a list of strings", hint)


def _matches(claim: Mapping, side: Mapping) -> bool:
    if str(claim.get("article")) != str(side.get("article")):
        return False
    text = normalise(claim.get("text", ""))
    return any(normalise(q) in text for q in side.get("quote", []))


def _covers(finding: Mapping, sides: Sequence[Mapping]) -> bool:
    claims = [c for c in finding.get("claims", []) if isinstance(c, dict)]
    options = [[i for i, c in enumerate(claims) if _matches(c, s)] for s in sides]
    if any(not o for o in options):
        return False
    return any(len(set(combo)) == len(combo) for combo in itertools.product(*options))


def _found(expect: Mapping, findings: Sequence[Mapping]) -> tuple[bool, str]:
    sides = expect.get("sides", [])
    same = [f for f in findings if f.get("verdict") == expect.get("verdict")]
    if expect.get("verdict") == "agreement" and len(sides) > 2:
        pairs = list(itertools.combinations(sides, 2))
        hit = sum(any(_covers(f, list(p)) for f in same) for p in pairs)
        return hit == len(pairs), f"{hit}/{len(pairs)} pairs"
    return any(_covers(f, sides) for f in same), ""


def event_pair_counts(gold_events, tool_of: Mapping[str, object]) -> tuple[int, int, int]:
    """True positive, false positive and false negative pairs over the gold articles."""
    gold_of = {a: e["id"] for e in gold_events for a in e.get("articles", [])}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold_of), 2):
        same_gold = gold_of[a] == gold_of[b]
        same_tool = a in tool_of and b in tool_of and tool_of[a] == tool_of[b]
        tp += same_gold and same_tool
        fp += (not same_gold) and same_tool
        fn += same_gold and not same_tool
    return tp, fp, fn


def _event_scores(gold_events, audit_events):
    tool_of = {str(a): e.get("id") for e in audit_events for a in e.get("articles", [])}
    tp, fp, fn = event_pair_counts(gold_events, tool_of)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    gold_articles = sorted({a for e in gold_events for a in e.get("articles", [])})
    missing = tuple(a for a in gold_articles if a not in tool_of)
    return precision, recall, missing


def score(gold: Mapping, audit: Mapping) -> Score:
    """Score an audit dict (``checker.audit/1``) against a parsed gold file."""
    findings = [f for f in audit.get("findings", []) if isinstance(f, dict)]
    results = []
    for ex in gold.get("expect", []):
        ok, note = _found(ex, findings)
        results.append(
            ExpectResult(
                ex.get("id", "?"), ex.get("verdict", "?"), ex.get("tier", "core"), ok, note
            )
        )
    gold_events = gold.get("event", [])
    gold_of = {a: e["id"] for e in gold_events for a in e.get("articles", [])}
    bad = []
    for fb in gold.get("forbid", []):
        same = [f for f in findings if f.get("verdict") == fb.get("verdict")]
        if fb.get("rule") == "cross-event":
            for f in same:
                evs = {gold_of.get(str(c.get("article"))) for c in f.get("claims", [])} - {None}
                if len(evs) > 1:
                    bad.append((fb.get("id", "?"), str(f.get("id", ""))))
        elif any(_covers(f, fb.get("sides", [])) for f in same):
            bad.append((fb.get("id", "?"), ""))
    precision, recall, missing = _event_scores(gold_events, audit.get("events", []))
    return Score(tuple(results), tuple(bad), precision, recall, missing)


def format_score(result: Score, finding_counts: Mapping[str, int]) -> str:
    """Text in the layout of the reference scorer, so the two can be compared line by line."""
    lines = [
        " ".join(x for x in ("FOUND " if e.found else "MISSED", e.id, e.tier, e.note) if x)
        for e in result.expectations
    ]
    lines += ["FORBIDDEN " + " ".join(x for x in b if x) for b in result.forbidden]
    lines.append(
        f"events: pair precision {result.event_precision:.2f}, pair recall "
        f"{result.event_recall:.2f}; articles not placed: {len(result.missing_articles)}"
    )
    counts = ", ".join(f'"{k}": {v}' for k, v in sorted(finding_counts.items()))
    lines.append("findings reported: {" + counts + "}")
    for (verdict, tier), (hit, total) in result.tally().items():
        lines.append(f"{verdict:14s} {tier:8s} {hit}/{total}")
    hit, total = result.core()
    lines.append(
        f"SCORE core {hit}/{total}, forbidden {len(result.forbidden)}, events "
        f"P={result.event_precision:.2f} R={result.event_recall:.2f}"
    )
    return "\n".join(lines) + "\n"
