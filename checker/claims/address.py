"""Street addresses of the scene: 'shots fired at 19 Plymouth St.' vs 'arrival at 18 Plymouth St.'

Read: 'at' + a house number + up to three capitalised words + a street word (not 'block': a
block is a hundred numbers wide). Judge: reports that each give one number on one street, and
differ, contradict; a report giving several numbers on the street (the scene and where the
shooters stood) is no side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext, Gate, value_summary
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Note, Verdict
from checker.text.streets import street_key
from checker.text.tokens import DIGIT, Tok, digit_positions, low_at

KIND = ClaimKind.ADDRESS
_MAX_WORDS = 3


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A house number is digits."""
    return Gate.of(DIGIT)


def read(ctx: Context) -> Iterator[Claim]:
    if Note.BACKGROUND in ctx.notes:
        return
    toks, lex = ctx.toks, ctx.lex
    for i in digit_positions(toks):  # a house number is digits
        tok = toks[i]
        if not (tok.low.isdigit() and len(tok.low) <= 5 and low_at(toks, i - 1) == "at"):
            continue
        street, last = _street_after(toks, i + 1, lex)
        if street:
            yield ctx.claim(KIND, i, last, "address", street, place="", label=tok.low)


def _street_after(toks: Sequence[Tok], j: int, lex) -> tuple[str, int]:
    """'Plymouth St.' -> ('plymouth street', end), or ('', -1)."""
    words: list[str] = []
    for k in range(j, min(len(toks), j + _MAX_WORDS + 1)):
        low = toks[k].low
        if words and low in lex.street_words:
            if low == "block":
                return "", -1
            return street_key([*words, low], lex), k + 1
        if not (toks[k].capitalised and toks[k].is_word):
            return "", -1
        words.append(low)
    return "", -1


def judge(ev: EventContext) -> Iterator[Finding]:
    by_street: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in ev.pool:
        if c.kind == KIND:
            by_street[c.predicate][c.article].append(c)
    for street, per_article in sorted(by_street.items()):
        single = {
            a: cs[0] for a, cs in sorted(per_article.items()) if len({c.label for c in cs}) == 1
        }
        if len({c.label for c in single.values()}) < 2:
            continue
        if any(len({c.label for c in cs}) > 1 for cs in per_article.values()):
            continue  # a report that gives two numbers on the street tells two places apart
        sides = list(single.values())
        numbers = value_summary(sides, lambda c: c.label)
        text = f"reports give different numbers on {street.title()}: {numbers}"
        yield ev.finding(Verdict.CONTRADICTION, "address", f"address|{street}", text, sides)
