"""Counts in related slots that state one figure: a kind of person and people, shot and wounded.

Counted nouns form a hierarchy (man, woman, child, teen, officer... are people): 'two men were
killed' and 'two people died' agree, while 'two men' and 'two women' never meet. Shot and
wounded are one count when nobody died, or when the shot are counted apart from the dead ('seven
others were shot', 'three women and a man were also shot'). Only agreements come from here:
a subtype is a part of its total, so a different figure is never a conflict.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from checker.claims.base import EventContext, fmt
from checker.model import Claim, ClaimKind, Finding, Note, Verdict

_TOTAL = "person"


def judge(ev: EventContext) -> Iterator[Finding]:
    """One agreement per figure that reports state in related slots but no single slot joins."""
    lex = ev.lex
    dead = _anyone_died(ev.pool, lex)
    groups: dict[tuple[str, float], list[Claim]] = defaultdict(list)
    for c in ev.pool:
        if _countable(c, lex):
            groups[(_family(c, dead, lex), c.value)].append(c)
    for (predicate, value), claims in sorted(groups.items()):
        for members in _by_subtype(claims):
            if _adds_a_pair(members) and not _parts_of_roles(members, lex):
                arts = sorted({c.article for c in members})
                text = f"{len(arts)} reports give {fmt(value)} ({_slots(members)})"
                slot = f"{_TOTAL}|{predicate}"
                yield ev.finding(Verdict.AGREEMENT, "numeric", slot, text, members)


def _parts_of_roles(members: list[Claim], lex) -> bool:
    """'two additional firefighters were injured' and 'two others remained hospitalized':
    parts of the toll, one of them people of a role, are often two different parts."""
    return all(c.partial for c in members) and any(c.unit in lex.roles for c in members)


def _countable(c: Claim, lex) -> bool:
    return (
        c.kind == ClaimKind.QUANTITY
        and c.figure is not None
        and c.figure.exact
        and c.unit in lex.people
        and c.predicate in lex.casualty_predicates
        and Note.BACKGROUND not in c.notes
        and Note.UPDATE not in c.notes
    )


def _anyone_died(pool: Sequence[Claim], lex) -> bool:
    """Does any report say someone died in the event itself (a figure above 0, or a death
    without one)?"""
    return any(
        c.predicate == "killed"
        and c.unit in lex.people
        and Note.BACKGROUND not in c.notes
        and (c.figure is None or c.figure.high > 0)
        and c.kind in (ClaimKind.QUANTITY, ClaimKind.FACT)
        for c in pool
    )


def _family(c: Claim, dead: bool, lex) -> str:
    """Shot counts as wounded when nobody died or the shot are counted apart from the dead."""
    if c.predicate != "shot":
        return c.predicate
    words = set(c.quote.lower().split())
    return "injured" if not dead or words & lex.apart_from_the_dead else "shot"


def _by_subtype(claims: list[Claim]) -> list[list[Claim]]:
    """The totals with each subtype in turn: 'two men' and 'two women' never meet."""
    totals = [c for c in claims if c.unit == _TOTAL]
    kinds = sorted({c.unit for c in claims if c.unit != _TOTAL})
    if not kinds:
        return [totals]
    return [sorted(totals + [c for c in claims if c.unit == k], key=_order) for k in kinds]


def _order(c: Claim) -> tuple:
    return (c.article, c.sentence, c.start)


def _adds_a_pair(members: list[Claim]) -> bool:
    """Related slots join reports no single slot joins: a pair of reports that share no slot
    for the figure, or a report alone in its slot. One victim in a part of a list ('one man
    sustained a wound') is too common to be news."""
    slots: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in members:
        slots[(c.unit, c.predicate)].add(c.article)
    arts = sorted({c.article for c in members})
    if len(slots) < 2 or len(arts) < 2:
        return False
    if members[0].value < 2 and any(c.partial for c in members):
        return False
    covered = {p for a in slots.values() for p in combinations(sorted(a), 2)}
    alone = any(len(a) == 1 for a in slots.values())
    return alone or any(p not in covered for p in combinations(arts, 2))


def _slots(members: list[Claim]) -> str:
    return ", ".join(sorted({f"{c.unit} {c.predicate}" for c in members}))
