"""How long before: "Page suffered a heart attack nine days earlier", "a heart attack suffered
almost three weeks ago".

Read: a count of hours, days, weeks, months or years before 'ago' or 'earlier', as an interval
of days ('three weeks' is rounded to the week, 'almost three weeks' is 14-21 days), with the
words of the happening its clause names. Judge: two reports' spans of one happening (their
clauses share words of it) agree when the intervals meet and contradict when they do not. A
span counts back from the day a report was written: reports of different dates are compared
after that shift, and a dated report is never compared with an undated one.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims.base import Context, EventContext, Gate, ReportPairs, clause_words
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import parse_iso, read_ago
from checker.text.numbers import qualifier_before
from checker.text.tokens import lows_of, words_bit

KIND = ClaimKind.AGO
_REACH = 8  # tokens before a span in which the happening it dates is named
_BREAKS = (";", ".", "—", ":", "(", ")")


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. 'ago' or 'earlier' ends every
    span before a happening."""
    return Gate.of(words_bit(lex.values["ago"]["relations"]))


def read(ctx: Context) -> Iterator[Claim]:
    if ctx.lex.values["ago"]["relations"].isdisjoint(lows_of(ctx.toks)):
        return  # no 'ago', 'earlier' (most sentences): no tables to put together
    words = dict(ctx.lex.values["ago"], numbers=ctx.lex.number_words)
    for span in read_ago(ctx.toks, words, lambda toks, i: qualifier_before(toks, i, ctx.lex)):
        if ctx.used.intersection(range(span.first, span.last)):
            continue
        happening = clause_words(ctx, span.first, span.first, _REACH, _BREAKS, after=False)
        if not happening:
            continue
        figure = Figure((span.low + span.high) / 2, span.low, span.high)
        yield ctx.claim(
            KIND, span.first, span.last, "ago", "ago", "", figure=figure, categories=happening
        )


def judge(ev: EventContext) -> Iterator[Finding]:
    claims = [c for c in ev.in_order(KIND) if c.figure is not None]
    need = ev.settings.ago_shared_words
    pairs = ReportPairs(claims)
    for a, b in pairs:
        if len(a.categories & b.categories) < need:
            continue
        shift = _shift(ev, a.article, b.article)
        if shift is None:
            continue
        meet = _meet(a, b, shift)
        if not meet and _gives_both(claims, a, b, ev):
            continue
        pairs.settle(a, b)
        verdict = Verdict.AGREEMENT if meet else Verdict.CONTRADICTION
        text = f"{a.article} says {a.quote!r}, {b.article} says {b.quote!r}"
        yield ev.finding(verdict, "temporal", "how long before", text, (a, b))


def _shift(ev: EventContext, a: str, b: str) -> float | None:
    """Days report b was written after report a: 0 when neither is dated, None when one is."""
    da, db = parse_iso(ev.articles[a].date), parse_iso(ev.articles[b].date)
    if da is None and db is None:
        return 0.0
    if da is None or db is None:
        return None
    return float((db - da).days)


def _meet(a: Claim, b: Claim, shift: float) -> bool:
    """Counted back from one day: b's span, written ``shift`` days later, less the shift."""
    return a.figure.low <= b.figure.high - shift and b.figure.low - shift <= a.figure.high


def _gives_both(claims, a: Claim, b: Claim, ev: EventContext) -> bool:
    """A report that also gives a span meeting the other's is no side."""
    for x, y in ((a, b), (b, a)):
        shift = _shift(ev, x.article, y.article) or 0.0
        if any(c.article == x.article and c is not x and _meet(c, y, shift) for c in claims):
            return True
    return False
