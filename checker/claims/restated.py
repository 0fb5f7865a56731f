"""One sentence, two figures: two reports print the same sentence with a different figure that
names the happening ("The 5.9-magnitude quake struck Qeshm island" / "The 6.1-magnitude quake
struck Qeshm island").

Figures that name a happening (settings.identifying_predicates: magnitudes) are never compared
by the count rules, since two magnitudes are usually two quakes. The same sentence with the rest
unchanged is one quake, though: a version of the story corrected or updated. Read: nothing of
its own (the count reader reads magnitudes). Judge: a contradiction for each such pair.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from checker.claims.base import Context, EventContext, ReportPairs
from checker.model import Claim, ClaimKind, Finding, Verdict


def read(ctx: Context) -> Iterator[Claim]:
    """Nothing: the figures are read by the count reader."""
    return iter(())


def judge(ev: EventContext) -> Iterator[Finding]:
    named = [
        c
        for c in ev.in_order(ClaimKind.QUANTITY)
        if c.predicate in ev.settings.identifying_predicates
        and c.figure is not None
        and not c.vague
    ]
    by_article: dict[str, list[Claim]] = {}
    for c in named:
        by_article.setdefault(c.article, []).append(c)
    pairs = ReportPairs(named)
    for a, b in pairs:
        if a.figure.compatible(b.figure):
            continue
        if _gives(by_article[b.article], a) or _gives(by_article[a.article], b):
            continue  # a report giving both figures is no side
        if a.predicate != b.predicate or _rest(a, b) < ev.settings.restated_similarity:
            continue
        pairs.settle(a, b)
        text = f"one sentence, two figures: {a.article} says {a.quote!r}, {b.article} {b.quote!r}"
        yield ev.finding(Verdict.CONTRADICTION, "numeric", a.slot, text, (a, b))


def _gives(claims: list[Claim], c: Claim) -> bool:
    return any(x.figure.compatible(c.figure) for x in claims)


def _rest(a: Claim, b: Claim) -> float:
    """How alike the two sentences are once the figures are taken out."""
    rest_a = a.text[: a.start] + a.text[a.end :]
    rest_b = b.text[: b.start] + b.text[b.end :]
    return fuzz.ratio(rest_a, rest_b)
