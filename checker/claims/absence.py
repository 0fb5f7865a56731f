"""Absences: 'no casualties', 'no one was hurt', 'no damage'.

Judge: reports that all rule a consequence out agree; a report that says only "no injuries"
for a place contradicts one that counts injured there (the negation rule).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Verdict

KIND = ClaimKind.ABSENCE
# Predicates of counts and facts that an absence category rules out.
_RULES_OUT = {"damaged": "damage"}


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every absence is a phrase of the
    table."""
    return Gate.of(lex.absence)


def read(ctx: Context) -> Iterator[Claim]:
    for first, last, cats in ctx.lex.absence.find_all(ctx.toks):
        first = _extend(ctx, first)
        ctx.used.update(range(first, last))
        categories = frozenset(cats.split(","))
        yield ctx.claim(KIND, first, last, "absence", cats, categories=categories)


def _extend(ctx: Context, first: int) -> int:
    """'no casualties or property damage' is one claim: start at the first 'no'."""
    j = first
    for k in range(first - 1, max(-1, first - 5), -1):
        if ctx.toks[k].low in ctx.lex.absence_negators:
            j = k
    return j


def judge(ev: EventContext) -> Iterator[Finding]:
    for al in ev.alignments:
        if al.kind == KIND and len(al.articles) > 1:
            what = "no " + al.claims[0].predicate.replace(",", "/")
            text = f"{len(al.articles)} reports state {what}"
            yield ev.finding(Verdict.AGREEMENT, "absence", al.key, text, al.claims)
    yield from _negations(ev)


def _negations(ev: EventContext) -> Iterator[Finding]:
    """'no injuries' in one report, 'two injured' in another, for the same place.

    Only between a report that says only the one and a report that says only the other: a
    report saying both is not clear about either. One finding per pair of reports.
    """
    absences = [a for a in ev.alignments if a.kind == KIND]
    counts: dict[str, list] = defaultdict(list)  # by place: no all-pairs scan
    for al in ev.alignments:
        if al.kind in (ClaimKind.QUANTITY, ClaimKind.FACT):
            counts[al.key.place].append(al)
    for ab in absences:
        cats = ab.claims[0].categories
        for al in counts.get(ab.key.place, ()):
            pred = al.claims[0].predicate
            if not (pred in cats or _RULES_OUT.get(pred) in cats):
                continue
            positive = [c for c in al.claims if c.kind != ClaimKind.QUANTITY or (c.low or 0) > 0]
            denies = {c.article for c in ab.claims}
            states = {c.article for c in positive}
            for a in sorted(denies - states):
                for b in sorted(states - denies):
                    x = next(c for c in ab.claims if c.article == a)
                    y = next(c for c in positive if c.article == b)
                    if fuzz.token_set_ratio(x.text, y.text) < ev.settings.negation_similarity:
                        continue  # another night, another incident: too often, on dev audits
                    text = f"{a} says {x.quote!r}, {b} says {y.quote!r}"
                    yield ev.finding(Verdict.CONTRADICTION, "negation", al.key, text, (x, y))
