"""Consequences stated without figures: 'airports closed', 'flights diverted', 'a fire'.

Judge: two or more reports stating the same consequence agree. Where a victim died ('died at
the scene' / 'died on the way to the hospital') contradicts across reports only in an event
with one death, between reports that each put it in one place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from checker.claims.base import Context, EventContext, Gate, stated_tolls, value_summary
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Note, Verdict
from checker.text.tokens import PUNCT_BREAK, Tok

KIND = ClaimKind.FACT
_REACH = 5  # tokens either side in which a predicate looks for its noun
_DEATH = "death"  # the slot of where a victim died
_CONDITION = "condition"  # the slot of the victims' condition


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every fact is a predicate, a
    place of death or a condition of the table."""
    return Gate.of(lex.predicates, lex.death_places, lex.conditions)


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
    # find_all skips a sentence with none of a table's anchor words (most sentences)
    for first, last, where in lex.death_places.find_all(toks):
        yield ctx.claim(KIND, first, last, _DEATH, where, place="")
    for first, last, state in lex.conditions.find_all(toks):
        yield ctx.claim(KIND, first, last, _CONDITION, state, place="")


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


def death_place(ev: EventContext) -> Iterator[Finding]:
    """'died at the scene' vs 'died on the way to the hospital': one death told in two places.
    Only when every report's toll of the event is one death, and each side puts it in one
    place (a report naming both may be telling of two people)."""
    places: dict[str, list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if c.kind == KIND and c.unit == _DEATH and Note.BACKGROUND not in c.notes:
            places[c.article].append(c)
    single = {a: cs for a, cs in places.items() if len({c.predicate for c in cs}) == 1}
    if len({cs[0].predicate for cs in single.values()}) < 2 or not _one_death(ev.pool, ev.lex):
        return
    sides = [cs[0] for _, cs in sorted(single.items())]
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for c in sides:
        by_place[c.predicate].append(c)
    text = "reports disagree where the victim died: " + value_summary(
        sides, lambda c: c.predicate.replace("_", " ")
    )
    yield ev.finding(Verdict.CONTRADICTION, "death place", _DEATH, text, sides)


def _one_death(pool: Sequence[Claim], lex) -> bool:
    """Every stated toll of the event itself is one death, and one is stated."""
    tolls = [c.value for c in stated_tolls(pool, lex) if not c.partial]
    return bool(tolls) and all(v == 1 for v in tolls)


def condition(ev: EventContext) -> Iterator[Finding]:
    """'were all treated and released' vs 'is still in critical condition' in a report of the
    same day or later (an earlier 'critical' may simply have been updated). A report that says
    both is no side."""
    said: dict[str, set[str]] = defaultdict(set)
    first: dict[tuple[str, str], Claim] = {}
    for c in ev.pool:
        if c.kind == KIND and c.unit == _CONDITION and Note.BACKGROUND not in c.notes:
            said[c.article].add(c.predicate)
            first.setdefault((c.article, c.predicate), c)
    released = sorted(a for a, s in said.items() if s == {"all_released"})
    critical = sorted(a for a, s in said.items() if s == {"critical"})
    for a in released:
        later = [b for b in critical if not _written_before(ev, b, a)]
        if later:
            sides = [first[(a, "all_released")]] + [first[(b, "critical")] for b in later]
            text = "reports disagree on the victims' condition: " + value_summary(
                sides, lambda c: c.predicate.replace("_", " ")
            )
            yield ev.finding(Verdict.CONTRADICTION, "condition", _CONDITION, text, sides)
            return


def _written_before(ev: EventContext, a: str, b: str) -> bool:
    """Is report a dated before report b (both dates known)?"""
    da, db = ev.articles[a].date, ev.articles[b].date
    return bool(da and db and da < db)
