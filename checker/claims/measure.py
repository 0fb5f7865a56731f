"""Measures: distances, percentages, speeds and money, each with its unit and subject.

Read: a figure followed by a unit ("65 miles northeast of Chicago", "turnout reached 93.87
percent") or money ("a $35,000 reward", "$184 million over eight years"). A measure is compared
only with the same unit (two currencies never) and the same subject: the landmark a distance is
measured from, or what a percentage or an amount is of (turnout, a deal, a reward). A figure
whose subject the sentence does not say is not read: an editor cannot check "30 percent" of
nothing. Judge: as counts are judged (agreement, contradiction with a confidence).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.claims import figures
from checker.claims.base import Context, EventContext, Gate
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding
from checker.text.names import subject_before
from checker.text.numbers import interval, measured_figures, qualifier_before
from checker.text.places import place_key
from checker.text.tokens import DIGIT, Phrases, low_at

KIND = ClaimKind.MEASURE
_REACH = 8  # tokens either side of a figure in which its subject is looked for
_AMOUNT_HEDGES = ("approx", "near", "gt", "ge")  # 'about', 'nearly', 'more than' an amount
_MONEY_REACH = 12  # ... of an amount: "the offer varied, though X claims it was $184 million"


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A measure's figure starts with a
    digit (``measured_figures``)."""
    return Gate.of(DIGIT)


def read(ctx: Context) -> Iterator[Claim]:
    tables = ctx.lex.measures
    toks = ctx.toks
    before: tuple[str, int, str] | None = None  # the last amount read: (what, last, subject)
    for fig in measured_figures(toks, ctx.lex, ctx.settings.approx_tolerance):
        if fig.vague or ctx.used.intersection(range(fig.first, fig.last)):
            continue
        if low_at(toks, fig.first - 1) == "by" or low_at(toks, fig.first - 2) == "by":
            continue  # "upped the reward by $20,000": an increment, not the amount
        found = _money(ctx, fig, tables) or _restated(ctx, fig, tables, before)
        found = found or _unit(ctx, fig, tables)
        if found:
            what, first, last, subject = found
            before = (what, last, subject) if what.startswith("money:") else None
            ctx.used.update(range(first, last))
            scale = _factor(toks, fig.last, last, tables)
            figure = Figure(fig.value * scale, fig.low * scale, fig.high * scale)
            if what.startswith("money:") and figure.exact:
                first, figure = _hedged_amount(ctx, first, figure)
            if scale != 1.0:  # a converted figure was rounded in its own unit: "35 miles"
                spread = figure.value * ctx.settings.approx_tolerance
                figure = Figure(figure.value, figure.low - spread, figure.high + spread)
            yield ctx.claim(KIND, first, last, what, subject, place="", figure=figure)


def _hedged_amount(ctx: Context, first: int, figure: Figure) -> tuple[int, Figure]:
    """'roughly $22 million': the hedge stands before the currency sign, not the number, and
    a round amount agrees within its rounding."""
    start, how = qualifier_before(ctx.toks, first, ctx.lex)
    if how not in _AMOUNT_HEDGES:
        return first, figure  # 'up to $10,000' caps one reward: it supports no '$5,000' one
    low, high = interval(figure.value, how, ctx.settings.approx_tolerance)
    return start, Figure(figure.value, low, high)


def _factor(toks, first: int, last: int, tables) -> float:
    """To one unit per measure: '15 miles' is 24.1 km, so it meets 'about 24km'."""
    words = tuple(t.low for t in toks[first:last])
    return tables["factors"].get(words, 1.0)


def _money(ctx: Context, fig, tables):
    toks = ctx.toks
    start, currency = tables["before"].ending_at(toks, fig.first, longest=2)
    last = fig.last
    if start < 0:
        n, currency = tables["after"].match(toks, fig.last) if fig.last < len(toks) else (0, None)
        if not n:
            return None
        start, last = fig.first, fig.last + n
    subject = _subject(ctx, start, last, tables, _MONEY_REACH)
    if not subject:
        return None
    if _near(ctx, start, last, tables["asks"], reach=_REACH):
        subject = "ask"  # "asking for an eight-year contract worth $200 million"
    if subject in tables["personal"]:
        who = subject_before(ctx.toks, start, ctx.lex)
        if who is None:
            return None  # whose bond? two people's bonds are two facts
        subject = f"{subject} of {who.surname}"
    if _near(ctx, start, last, tables["period"]) or low_at(ctx.toks, last) == "per":
        subject += " a year"
    return f"money:{currency}", start, last, subject


def _restated(ctx: Context, fig, tables, before):
    """'$184 million, or a $23 million average annual value': an amount restating the one
    just before it ('or', 'or about') is of the same subject, per year when it says so."""
    if before is None:
        return None
    what, end, subject = before
    start, currency = tables["before"].ending_at(ctx.toks, fig.first, longest=2)
    between = [t.low for t in ctx.toks[end:start]]
    if start < 0 or "or" not in between or len(between) > 3 or f"money:{currency}" != what:
        return None
    subject = subject.removesuffix(" a year")
    if _near(ctx, start, fig.last, tables["period"]) or low_at(ctx.toks, fig.last) == "per":
        subject += " a year"
    return what, start, fig.last, subject


def _unit(ctx: Context, fig, tables):
    toks = ctx.toks
    n, unit = tables["units"].match(toks, fig.last) if fig.last < len(toks) else (0, None)
    if not n:
        return None
    last = fig.last + n
    if unit == "distance":
        landmark = _landmark(ctx, last, tables)
        subject = f"from {landmark}" if landmark else _subject(ctx, fig.first, last, tables)
    else:
        subject = _subject(ctx, fig.first, last, tables)
    return (unit, fig.first, last, subject) if subject else None


def _landmark(ctx: Context, last: int, tables) -> str:
    """'65 miles northeast of Chicago' -> 'chicago'."""
    toks, j = ctx.toks, last
    while j < len(toks) and tables["directions"].match(toks, j)[0]:
        j += 1
    if j == last or j >= len(toks) or not toks[j].capitalised:
        return ""
    k = j
    while k < len(toks) and toks[k].capitalised and toks[k].is_word:
        k += 1
    return place_key([t.text for t in toks[j:k]], ctx.lex)


def _subject(ctx: Context, first: int, last: int, tables, reach: int = _REACH) -> str:
    """The nearest subject word in the figure's clause, either side."""
    toks = ctx.toks
    best, best_d = "", reach + 1
    lo, hi = max(0, first - reach), min(len(toks), last + reach)
    for k in range(lo, hi):
        n, subject = tables["subjects"].match(toks, k)
        if not n:
            continue
        d = first - (k + n) if k < first else k - last
        between = toks[min(k + n, last) : max(k, first)]
        if d < best_d and not any(t.low in (";", ".", "—") for t in between):
            best, best_d = subject, d
    return best


def _near(ctx: Context, first: int, last: int, table: Phrases, reach: int = 3) -> bool:
    lo, hi = max(0, first - reach), min(len(ctx.toks), last + reach + 1)
    return bool(table.find_all(ctx.toks[lo:hi]))


def judge(ev: EventContext) -> Iterator[Finding]:
    """As counts: agreement where intervals meet, a contradiction with its confidence."""
    yield from figures.judge_kind(ev, KIND)
