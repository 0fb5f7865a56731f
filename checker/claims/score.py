"""Final scores of a game: "a 31-24 win", "the Owls beat Temple 88-72".

Read: a run "31-24" next to a result word ('win', 'loss' after it; 'beat', 'won' within a few
words before it), never in a sentence about an unfinished game or a series ('led 14-7 at
halftime'), with the names the sentence gives (the teams). The order a report writes the
two numbers in does not matter. Judge: two scores are of one game only when both sentences
name at least two of the same teams; equal scores agree, different ones contradict, unless a
report gives both.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims.base import Context, EventContext, Gate, ReportPairs
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Verdict
from checker.text.dates import is_date_word
from checker.text.names import is_headline
from checker.text.numbers import hyphen_run, may_hold_hyphen_runs
from checker.text.tokens import DASH, low_at

KIND = ClaimKind.SCORE
_BEFORE = 4  # words before a score in which a result verb counts ('beat Denver 31-24')


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A score is digits joined by a
    dash: "3-1"."""
    return Gate.of(DASH)


def read(ctx: Context) -> Iterator[Claim]:
    toks, words = ctx.toks, ctx.lex.values["scores"]
    if not may_hold_hyphen_runs(toks) or any(t.low in words["unfinished"] for t in toks):
        return
    names = _names(ctx)
    for i in range(len(toks)):
        run = hyphen_run(toks, i)
        if run is None or len(run[0]) != 2 or ctx.used.intersection(range(i, run[1])):
            continue
        (x, y), last = run
        if not _result_next_to(toks, i, last, words):
            continue
        high, low = max(x, y), min(x, y)
        figure = Figure(high * 1000 + low, high * 1000 + low, high * 1000 + low)
        yield ctx.claim(
            KIND, i, last, "score", "score", "", figure=figure, label=f"{high}-{low}",
            categories=names,
        )  # fmt: skip


def _result_next_to(toks, first: int, last: int, words) -> bool:
    if low_at(toks, last) in words["results_after"]:
        return True
    return any(low_at(toks, k) in words["results_before"] for k in range(first - _BEFORE, first))


def _names(ctx: Context) -> frozenset[str]:
    """Capitalised words after the first: the teams and places the sentence names (no days).
    A headline capitalises every word, so it names nothing for sure: none."""
    if is_headline(ctx.toks):
        return frozenset()
    return frozenset(
        t.low
        for t in ctx.toks[1:]
        if t.is_word and t.capitalised and len(t.low) > 2 and not is_date_word(t.low)
    )


def judge(ev: EventContext) -> Iterator[Finding]:
    scores = ev.in_order(KIND)
    need = ev.settings.score_shared_names
    pairs = ReportPairs(scores)
    for a, b in pairs:
        if len(a.categories & b.categories) < need:
            continue
        arts = (a.article, b.article)
        same = a.label == b.label
        if not same and any(
            c.article in arts and c.label in (a.label, b.label) and c not in (a, b) for c in scores
        ):
            continue  # a report giving both scores is no side
        pairs.settle(a, b)
        verdict = Verdict.AGREEMENT if same else Verdict.CONTRADICTION
        text = f"{a.article} says {a.label}, {b.article} says {b.label}"
        yield ev.finding(verdict, "numeric", "final score", text, (a, b))
