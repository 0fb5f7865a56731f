"""How an incident relates to the rest: 'part of the same wave' vs 'a separate incident'.

Judge: an interpretation, not a stated fact, so differing reports are ``disputed``, kept apart
from contradictions.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims.base import Context, EventContext, Gate, value_summary
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Verdict

KIND = ClaimKind.RELATION


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every relation is a phrase of
    the table."""
    return Gate.of(lex.relation)


def read(ctx: Context) -> Iterator[Claim]:
    for first, last, rel in ctx.lex.relation.find_all(ctx.toks):
        yield ctx.claim(KIND, first, last, "relation", "relation", label=rel)


def judge(ev: EventContext) -> Iterator[Finding]:
    for al in ev.alignments:
        if al.kind != KIND or len(al.articles) < 2:
            continue
        if len({c.label for c in al.claims}) > 1:
            text = f"reports disagree: {value_summary(al.claims, lambda c: repr(c.quote))}"
            yield ev.finding(Verdict.DISPUTED, "relation", al.key, text, al.claims)
        else:
            text = f"{len(al.articles)} reports say {al.claims[0].label}"
            yield ev.finding(Verdict.AGREEMENT, "relation", al.key, text, al.claims)
