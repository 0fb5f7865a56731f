"""When a contest was stopped: "44 seconds into the seventh round", "at the 2:15 mark",
"stopped it at 2:56".

Read: a time into a round or period, only in a sentence that says the contest was stopped or
ended (a knockdown earlier in the round is another moment), with the round when it is said.
Judge: two reports agree when they give the same second; they contradict when the times differ
and the rounds, where both say them, are one. Both sentences must name someone in common (a
fighter, the referee): look-alike bouts of one champion are told apart by who else is named.
A report that gives both times is no side.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims.base import Context, EventContext, Gate, ReportPairs
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import read_elapsed
from checker.text.tokens import lows_of, words_bit

KIND = ClaimKind.ELAPSED
_SLACK = 1  # seconds: '2:56' and '2:57' are one stoppage as clocks are read


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A stoppage word ('stopped',
    'knocked out') opens every time into a contest."""
    return Gate.of(words_bit(lex.values["stoppages"]))


def read(ctx: Context) -> Iterator[Claim]:
    tables = ctx.lex.values
    if tables["stoppages"].isdisjoint(lows_of(ctx.toks)):
        return
    sporting = any(t.low in tables["periods"] for t in ctx.toks)
    words = dict(tables["elapsed"], numbers=ctx.lex.number_words, bare=sporting)
    for found in read_elapsed(ctx.toks, words):
        if ctx.used.intersection(range(found.first, found.last)):
            continue
        ctx.used.update(range(found.first, found.last))
        figure = Figure(found.seconds, found.seconds - _SLACK, found.seconds + _SLACK)
        label = f"round {found.period}" if found.period else ""
        yield ctx.claim(
            KIND, found.first, found.last, "stoppage", "stoppage", "", figure=figure, label=label,
            categories=_names(ctx),
        )  # fmt: skip


def _names(ctx: Context) -> frozenset[str]:
    """Capitalised words after the first: who the sentence names ('Rahman', 'Weeks')."""
    return frozenset(
        t.low for t in ctx.toks[1:] if t.is_word and t.capitalised and len(t.low) > 2
    ) - set(ctx.lex.values["periods"])


def judge(ev: EventContext) -> Iterator[Finding]:
    claims = [c for c in ev.in_order(KIND) if c.figure is not None]
    yield from _agreements(ev, claims)
    pairs = ReportPairs(claims)
    for a, b in pairs:
        if _meet(a, b) or not _one_round(a, b):
            continue
        if any(_meet(c, b) for c in claims if c.article == a.article) or any(
            _meet(c, a) for c in claims if c.article == b.article
        ):
            continue  # a report giving both times is no side
        pairs.settle(a, b)
        text = f"{a.article} says {a.quote!r}, {b.article} says {b.quote!r}"
        yield ev.finding(Verdict.CONTRADICTION, "numeric", "stoppage", text, (a, b))


def _meet(a: Claim, b: Claim) -> bool:
    return a.figure.compatible(b.figure) and _one_round(a, b)


def _one_round(a: Claim, b: Claim) -> bool:
    """One bout (a name in common) and one round where both say which."""
    same_round = not (a.label and b.label) or a.label == b.label
    return same_round and bool(a.categories & b.categories)


def _agreements(ev: EventContext, claims: list[Claim]) -> Iterator[Finding]:
    taken: set[int] = set()
    for i, lead in enumerate(claims):
        if i in taken:
            continue
        group = [k for k, c in enumerate(claims) if k not in taken and _meet(lead, c)]
        if len({claims[k].article for k in group}) < 2:
            continue
        taken.update(group)
        members = [claims[k] for k in group]
        text = f"{len({c.article for c in members})} reports give {lead.quote!r}"
        yield ev.finding(Verdict.AGREEMENT, "numeric", "stoppage", text, members)
