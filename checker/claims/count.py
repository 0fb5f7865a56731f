"""Counts: '40 drones were shot down', 'killed two', 'An 11-year-old girl was killed'.

Read: a figure, the counted noun after it and the predicate of its clause. Judge: reports
agree when their intervals meet; they contradict when a report's figures are compatible with
none of another's, unless a stated counting convention or update explains the difference.
Parts of a count ("two critically") and figures of another time agree but never contradict.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from checker.claims import figures, scope, wider
from checker.claims.base import (
    Context,
    EventContext,
    Gate,
    exact,
    fmt_claim,
)
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Figure, Finding, Note, Verdict
from checker.text.numbers import Figure as Span
from checker.text.numbers import number_word_value, read_figures
from checker.text.tokens import (
    DIGIT,
    HYPHEN,
    PUNCT_BREAK,
    Tok,
    low_at,
    lows_of,
    positions,
    words_bit,
)

KIND = ClaimKind.QUANTITY
_ARTICLES = frozenset({"a", "an"})


# --------------------------------------------------------------------------- reading


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. A figure is digits, a number
    word, a hyphenated one ('twenty-two'), or a phrase of the vague amounts or of the number
    phrases ('dozens of', 'a dozen'; not their first word alone: 'a' opens half the sentences);
    'a man died' needs a counted noun and a predicate."""
    needs = (DIGIT, HYPHEN, words_bit(lex.number_words), lex.vague, lex.number_phrases)
    return Gate.of(*needs, allof=[(lex.units, lex.predicates)])


def read(ctx: Context) -> Iterator[Claim]:
    spans = read_figures(ctx.toks, ctx.lex, ctx.settings.approx_tolerance)
    if spans and "and" in lows_of(ctx.toks):
        yield from _coordinated(ctx, spans)
    yield from _other_injuries(list(_figures(ctx, spans)))
    yield from _singular_casualties(ctx)


def _coordinated(ctx: Context, spans: list[Span]) -> Iterator[Claim]:
    """'three women and a man were also shot', 'two women and one man died': kinds of people
    joined by 'and' under one verb are one count of people (4, 3)."""
    toks, lex = ctx.toks, ctx.lex
    starts = {f.first: f for f in spans if not f.vague}
    for fig in spans:
        if fig.vague or ctx.used.intersection(range(fig.first, fig.last)):
            continue
        unit, _, unit_last = unit_after(toks, fig.last, lex)
        if unit not in lex.people or low_at(toks, unit_last) != "and":
            continue
        second = _second_member(toks, unit_last + 1, starts, lex)
        if second is None:
            continue
        value, end = second
        pred, pred_at, pred_end = predicate_near(ctx, end, end)
        if pred not in lex.casualty_predicates or pred_at < end or pred_at - end > 3:
            continue
        total = fig.value + value
        ctx.used.update(range(fig.first, pred_end))
        notes = ctx.notes | scope.count_notes(ctx, fig, end, pred_at, pred_end)
        yield ctx.claim(
            KIND, fig.first, pred_end, lex.casualty_unit, pred, notes=notes, figure=exact(total)
        )


def _second_member(toks, i: int, starts: dict[int, Span], lex) -> tuple[float, int] | None:
    """After 'and': 'a man', 'one man', 'two children' -> (value, end of its noun)."""
    if low_at(toks, i) in ("a", "an"):
        value, after = 1.0, i + 1
    elif i in starts:
        value, after = starts[i].value, starts[i].last
    else:
        return None
    n, unit = lex.units.match(toks, after) if after < len(toks) else (0, "")
    if not n or unit not in lex.people:
        return None
    return value, after + n


def _other_injuries(claims: list[Claim]) -> list[Claim]:
    """'Five dead, six more shot, and nearly 40 injured': injured counted beside those shot
    are hurt some other way (a stampede, broken glass), a part of no gunshot toll."""
    preds = {c.predicate for c in claims}
    if not {"shot", "injured"} <= preds:
        return claims
    return [
        replace(c, notes=c.notes | {Note.PARTIAL}) if c.predicate == "injured" else c
        for c in claims
    ]


def _figures(ctx: Context, spans: list[Span]) -> Iterator[Claim]:
    toks, lex = ctx.toks, ctx.lex
    last_unit = ""
    for fig in spans:
        if low_at(toks, fig.last) == "of" and not fig.vague:
            continue  # "three of the four victims": a part of a count named next
        if ctx.used.intersection(range(fig.first, fig.last)):
            continue  # read as something else already (an age)
        unit, unit_first, unit_last = unit_after(toks, fig.last, lex)
        if _lone_one(toks, fig, unit, unit_first) or _after_a_name(toks, fig, unit):
            continue
        magnitude = _magnitude(toks, fig) or _on_a_scale(toks, fig, lex)
        pred, pred_at, pred_end = (
            ("magnitude", fig.first, fig.first)
            if magnitude
            else predicate_near(
                ctx, fig.first, max(unit_last, fig.last), _object_of(toks, fig, lex), unit
            )
        )
        if magnitude:
            unit = "earthquake"
        if not unit and _counts_something_else(toks, fig, lex):
            continue  # "shot two bailiffs": a noun we do not know is no head count
        if not unit and pred in lex.casualty_predicates and _close(fig, pred_at, pred_end):
            unit = lex.casualty_unit  # "killed two", "six were shot", "49 killed"
        if not unit and last_unit and low_at(toks, fig.last) in lex.bare_figure_places:
            unit = last_unit  # "10 drones over Kaluga, 8 over Bryansk"
        if not unit or not pred or (fig.vague and fig.low <= 1) or not lex.takes(pred, unit):
            continue
        last_unit = unit
        first = min(fig.first, pred_at) if 0 <= pred_at < fig.first else fig.first
        last = max(unit_last, fig.last, pred_end)
        ctx.used.update(range(first, last))
        notes = ctx.notes | scope.count_notes(ctx, fig, unit_last, pred_at, pred_end)
        figure = Figure(fig.value, fig.low, fig.high, fig.vague)
        yield ctx.claim(KIND, first, last, unit, pred, notes=notes, figure=figure)


def unit_after(toks: Sequence[Tok], end: int, lex) -> tuple[str, int, int]:
    """The counted noun right after a figure: (unit, first, last) or ('', end, end)."""
    j = end
    for _ in range(4):
        if j >= len(toks):
            break
        n, unit = lex.units.match(toks, j)
        if n:
            return unit, j, j + n
        if toks[j].low in PUNCT_BREAK or toks[j].low in (",", ".", "and", "of", "were", "was"):
            break
        j += 1
    return "", end, end


def predicate_near(
    ctx: Context, first: int, unit_last: int, tight: bool = False, unit: str = ""
) -> tuple[str, int, int]:
    """Predicate class of a figure and its token span: adjacent before ('destroyed 40'), else in
    the clause after the counted noun ('32 drones were shot down'), parentheses skipped.
    ``tight``: the figure is the object of a preposition ('a house packed with 400 people ended
    in gunfire that killed...'), so only a predicate right after its noun belongs to it.
    ``unit``: a predicate its counted noun cannot take is passed over ('found 10 casings' is
    recovered, 'found two people with gunshot wounds' is shot)."""
    toks, lex = ctx.toks, ctx.lex
    j = first - 1
    while j >= 0 and (toks[j].low in lex.fillers or toks[j].low in lex.subset_words):
        j -= 1  # 'killed 10 and wounding other 70
    start, pred = lex.predicates.ending_at(toks, j + 1)
    if start >= 0 and (not unit or lex.takes(pred, unit)):
        return pred, start, j + 1
    k, depth, seen = first, 0, 0
    reach = (unit_last - first) + (2 if tight else 7)
    while k < len(toks) and seen < reach:
        low = toks[k].low
        depth += (low == "(") - (low == ")")
        if depth == 0 and low not in ("(", ")"):
            if low in PUNCT_BREAK or (k >= unit_last and low in lex.clause_end):
                break
            n, pred = lex.predicates.match(toks, k)
            if n and pred not in lex.self_contained and (not unit or lex.takes(pred, unit)):
                return pred, k, k + n
            seen += 1
        k += 1
    return "", -1, -1


def _counts_something_else(toks, fig: Span, lex) -> bool:
    """'shot two bailiffs', 'two exit wounds': a lower-case word right after the figure that
    is no counted noun, predicate or function word is a noun we do not know."""
    nxt = toks[fig.last] if fig.last < len(toks) else None
    if not (nxt and nxt.is_word and not nxt.capitalised):
        return False
    if nxt.low in lex.count_followers or lex.predicates.match(toks, fig.last)[0]:
        return False
    return not lex.units.match(toks, fig.last)[0]


def _after_a_name(toks, fig: Span, unit: str) -> bool:
    """'Jerry Coleman, 31 all died': a bare number after a name and a comma is an age."""
    before, name = low_at(toks, fig.first - 1), fig.first - 2
    return before == "," and not unit and name >= 0 and toks[name].capitalised


def _object_of(toks, fig: Span, lex) -> bool:
    return low_at(toks, fig.first - 1) in lex.object_prepositions


def _close(fig: Span, pred_at: int, pred_end: int) -> bool:
    """Predicate right before the figure, or at most one word ('were') after it."""
    return (
        pred_end == fig.first
        or (pred_at >= fig.last and pred_at - fig.last <= 1)
        or (pred_end <= fig.first and fig.first - pred_end <= 2)
    )


def _lone_one(toks, fig: Span, unit: str, unit_first: int) -> bool:
    """'one' counts only right before its noun ('one person'); elsewhere it is a pronoun
    ('one for each person', 'one thing is clear')."""
    return toks[fig.last - 1].low == "one" and (not unit or unit_first != fig.last)


def _magnitude(toks, fig: Span) -> bool:
    """'magnitude 5.6', 'magnitude-5.2', '5.6-magnitude', '5.6 magnitude', 'magnitude of 5.6'."""
    before = [low_at(toks, fig.first - k) for k in (1, 2)]
    after = [low_at(toks, fig.last + k) for k in (0, 1)]
    dash = ("-", "–", "of")
    return (
        before[0] == "magnitude"
        or after[0] == "magnitude"
        or (before[0] in dash and before[1] == "magnitude")
        or (after[0] in dash and after[1] == "magnitude")
    )


def _on_a_scale(toks, fig: Span, lex) -> bool:
    """'measuring 5.6 on the Richter scale': the scale names what the figure measures."""
    return fig.last < len(toks) and lex.magnitude_scales.match(toks, fig.last)[0] > 0


def _singular_casualties(ctx: Context) -> Iterator[Claim]:
    """'An 11-year-old girl was killed', 'a man died': one victim, though not always the
    toll, so the claim agrees with a count of one but never contradicts another."""
    toks, lex = ctx.toks, ctx.lex
    if not (lex.units.may_match(toks) and lex.predicates.may_match(toks)):
        return  # no counted noun or no predicate anywhere in the sentence (most sentences)
    for i in positions(toks, _ARTICLES):  # "a" and "an" where the sentence has them
        if i in ctx.used:
            continue
        n, unit, j = 0, None, i + 1
        while j < min(len(toks), i + 4):
            n, unit = lex.units.match(toks, j)
            low = toks[j].low
            if n or low in PUNCT_BREAK or low in lex.clause_end or low[:1].isdigit():
                break
            if number_word_value(low, lex) is not None:
                break
            j += 1
        if not n or unit not in lex.people or toks[j + n - 1].low.endswith("s"):
            continue
        pred, pred_at, pred_end = predicate_near(ctx, j + n, j + n)
        if pred not in lex.casualty_predicates or pred_at < j + n or pred_at - (j + n) > 3:
            continue
        ctx.used.update(range(i, pred_end))
        notes = ctx.notes | {Note.PARTIAL}
        yield ctx.claim(KIND, i, pred_end, unit, pred, notes=notes, figure=exact(1.0))


# --------------------------------------------------------------------------- judging


def judge(ev: EventContext) -> Iterator[Finding]:
    yield from figures.judge_kind(ev, KIND)


def wider_agreements(ev: EventContext) -> Iterator[Finding]:
    """Equal figures in related slots (two men / two people, shot / wounded): see wider.py."""
    yield from wider.judge(ev)


def added_details(ev: EventContext) -> Iterator[Finding]:
    """A figure that only one report gives, for a slot no other report mentions: on real news
    mostly a part of the toll, a later figure or another incident, so a ``unique`` note, not an
    embellishment."""
    if len(ev.ids) < 2:
        return
    for al in ev.alignments:
        if al.kind != KIND or len(al.articles) != 1:
            continue
        figures = [c for c in al.claims if c.kind == KIND and not c.vague]
        if figures:
            text = f"only this report gives the figure: {fmt_claim(figures[0])}"
            yield ev.finding(Verdict.UNIQUE, "unique figure", al.key, text, figures[:1])
