"""Consequences stated without figures: 'airports closed', 'flights diverted', 'a fire'.

Judge: two or more reports stating the same consequence agree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.tokens import PUNCT_BREAK, Tok

KIND = ClaimKind.FACT
_REACH = 5  # tokens either side in which a predicate looks for its noun


def read(ctx: Context) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    taken = {(c.unit, c.predicate) for c in ctx.so_far if c.kind == ClaimKind.QUANTITY}
    for first, last, pred in lex.predicates.find_all(toks):
        if ctx.used.intersection(range(first, last)) or pred == "magnitude":
            continue
        unit, u_first, u_last = unit_near(toks, first, last, lex)
        if pred in lex.self_contained and unit not in lex.self_contained[pred]:
            unit, u_first, u_last = pred, first, last
        if not unit or (unit, pred) in taken or not lex.takes(pred, unit):
            continue
        taken.add((unit, pred))
        yield ctx.claim(KIND, min(first, u_first), max(last, u_last), unit, pred)


def unit_near(toks: Sequence[Tok], first: int, last: int, lex) -> tuple[str, int, int]:
    """The noun a predicate is about: the nearest within a few tokens either side, same clause."""
    candidates = []
    for k in range(last, min(len(toks), last + _REACH)):
        if toks[k].low in PUNCT_BREAK or toks[k].low in (",", "."):
            break
        n, unit = lex.units.match(toks, k)
        if n:
            candidates.append((k - last, unit, k, k + n))
            break
    for k in range(first - 1, max(-1, first - _REACH - 1), -1):
        if toks[k].low in PUNCT_BREAK or toks[k].low in (",", "."):
            break
        n, unit = lex.units.match(toks, k)
        if n and k + n <= first:
            candidates.append((first - (k + n) + 0.5, unit, k, k + n))
            break
    if not candidates:
        return "", first, last
    _, unit, lo, hi = min(candidates)
    return unit, lo, hi


def judge(ev: EventContext) -> Iterator[Finding]:
    for al in ev.alignments:
        if al.kind == KIND and len(al.articles) > 1:
            text = f"{len(al.articles)} reports state it"
            yield ev.finding(Verdict.AGREEMENT, "fact", al.key, text, al.claims)
