"""The scope of a claim: this event, a part of it, another time, an update, a convention.

Only claims of the same scope contradict each other. A sentence's notes come from the words
around its figures ("critically", "the other four", "last year", "plus the gunman"), read from
the lexicon's ``[convention]`` table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.lexicons import Lexicon
from checker.model import Claim, Note, Verdict
from checker.text.dates import MONTHS, is_year
from checker.text.numbers import Figure as Span
from checker.text.tokens import Tok, digit_positions, low_at, lows_of, positions

PERPETRATOR = frozenset(
    {Note.EXCLUDES_PERPETRATOR, Note.INCLUDES_PERPETRATOR, Note.PERPETRATOR_DEAD}
)
_HURT = frozenset({"injured", "shot"})  # predicates whose victims "others" can add to


def sentence_notes(toks: Sequence[Tok], lex: Lexicon) -> frozenset[Note]:
    """Conventions the sentence states, and whether it talks about another time."""
    found = {Note(v) for _, _, v in lex.convention.find_all(toks)}
    if _is_background(toks, lex):
        found.add(Note.BACKGROUND)
    return frozenset(found)


def tells_the_wider_story(toks: Sequence[Tok], lex: Lexicon) -> bool:
    """The sentence tells how a war or a crisis began and grew, or its toll so far:
    background to the event."""
    return bool(lex.wider_story.find_all(toks))


def _is_background(toks: Sequence[Tok], lex: Lexicon) -> bool:
    """Does the sentence talk about another time (a year, 'in February', 'the deadliest')?"""
    if lex.background.find_all(toks):
        return True
    lows = lows_of(toks)
    if any(map(is_year, [lows[k] for k in digit_positions(toks)])):
        return True
    if MONTHS.keys().isdisjoint(lows):
        return False
    before = lex.background_month_before
    return any(low_at(toks, k - 1) in before for k in positions(toks, MONTHS))


def count_notes(ctx, fig: Span, unit_last: int, pred_at: int, pred_end: int) -> frozenset[Note]:
    """A figure that counts part of the victims ('the other four', 'two were critically
    wounded', 'one was pronounced dead at the scene'): fine to agree with, never a conflict."""
    toks, lex = ctx.toks, ctx.lex
    if Note.WHOLE in ctx.notes:
        return frozenset()  # "killed a total of six other people": the whole, stated as such
    own = pred_at if 0 <= pred_at < fig.first else fig.first  # "wounded three others"
    if _is_part(toks, fig, lex) and not _other_after_the_dead(toks, fig, own, lex):
        return frozenset({Note.PARTIAL})
    if _others_besides(toks, fig, own, lex) or _before_another(toks, fig, lex):
        return frozenset({Note.PARTIAL})
    lo = max(0, min(fig.first, pred_at if pred_at >= 0 else fig.first) - 2)
    hi = min(len(toks), max(unit_last, pred_end, fig.last) + 4)
    if not lex.partial.may_match(toks):
        return frozenset()  # none in the sentence (one bit test), none in a part of it
    found = [
        (first, last)
        for first, last, _ in lex.partial.find_all(toks[lo:hi])
        if not (toks[lo + first].low in lex.whole_after and lo + first >= fig.last)
    ]
    return frozenset({Note.PARTIAL}) if found else frozenset()


def _before_another(toks: Sequence[Tok], fig: Span, lex: Lexicon) -> bool:
    """'shot three people in the legs and another in the abdomen': the three are a part of
    the four; not when a predicate comes between ('killed two and wounded another')."""
    for k in range(fig.last + 1, len(toks)):
        if toks[k].low in lex.list_followers and low_at(toks, k - 1) == "and":
            return not lex.predicates.find_all(toks[fig.last : k])
    return False


def _others_besides(toks: Sequence[Tok], fig: Span, own: int, lex: Lexicon) -> bool:
    """'Two others were wounded' opening a sentence (others besides someone named before),
    or 'two officers wounded and three others injured' (others besides a hurt group): a part
    of the wounded. After the dead only ('killed six and wounded seven others') it is the
    whole of the wounded. ``own``: where the figure's own predicate or the figure starts."""
    if low_at(toks, fig.last) != "others":
        return False
    before = toks[:own]
    hurt = {p for _, _, p in lex.predicates.find_all(before)}
    return not hurt or bool(hurt & _HURT)


def _other_after_the_dead(toks: Sequence[Tok], fig: Span, own: int, lex: Lexicon) -> bool:
    """'killing 10 persons and wounding other 70': 'other' after the dead only is the rest of
    the victims, the whole of the wounded, like 'wounded seven others'; not 'the other 70'."""
    if low_at(toks, fig.first - 1) != "other" or low_at(toks, fig.first - 2) == "the":
        return False
    hurt = {p for _, _, p in lex.predicates.find_all(toks[:own])}
    return bool(hurt) and not hurt & _HURT


def _is_part(toks: Sequence[Tok], fig: Span, lex: Lexicon) -> bool:
    """'the other four', 'both' (two named before), 'five of the six', 'four of the five
    victims were shot to death' (the five are the whole, the verb is the part's), 'one woman
    ... a second woman' (one of a list)."""
    before, after = low_at(toks, fig.first - 1), low_at(toks, fig.last)
    if before in lex.subset_words or after in lex.subset_words:
        return True
    if toks[fig.first].low in lex.referring_numbers:
        return True
    if before == "by":  # "upped the reward by $20,000": an increment, not the amount
        return True
    if before == "the" and low_at(toks, fig.first - 2) == "of":
        return True
    return fig.value == 1 and any(t.low in lex.list_followers for t in toks[fig.last :])


def _dead_counted_in(claims: Sequence[Claim], dead: Mapping[tuple[str, int], float]) -> bool:
    """'1 dead, 9 injured' and '10 wounded': the larger figure is the smaller plus the dead
    that the smaller's sentence counts apart (GVA: "a man shot seven people", one died)."""
    if claims[0].predicate not in ("injured", "shot") or len({c.value for c in claims}) != 2:
        return False
    low = min(claims, key=lambda c: c.value)
    high = max(claims, key=lambda c: c.value)
    apart = dead.get((low.article, low.sentence), 0)
    return bool(apart) and low.value + apart == high.value


def event_conventions(pool: Sequence[Claim]) -> frozenset[Note]:
    """Counting notes that hold for the whole event: any report saying the gunman died, or
    counting with or without him, explains a difference of one in every report's toll."""
    notes = {n for c in pool for n in c.notes if n in PERPETRATOR}
    if any(c.unit == "suspect" and c.predicate == "killed" for c in pool):
        notes.add(Note.PERPETRATOR_DEAD)
    return frozenset(notes)


def explain_difference(
    claims: Sequence[Claim], event_notes: frozenset[Note], dead: Mapping[tuple[str, int], float]
):
    """Is the difference a counting convention or a stated update rather than a conflict?
    ``dead``: the killed count each sentence gives beside its figure. Returns (verdict, kind,
    why)."""
    if _dead_counted_in(claims, dead):
        why = "one report counts the dead among the wounded or shot, the other apart"
        return Verdict.EXPLAINED, "convention", why
    notes = set(event_notes)
    for c in claims:
        notes.update(c.notes)
    values = sorted({c.value for c in claims})
    casualty = claims[0].predicate in ("killed", "shot")
    if casualty and notes & PERPETRATOR and len(values) == 2 and values[1] - values[0] == 1:
        why = "differ by one: one report counts the perpetrator, the other does not"
        return Verdict.EXPLAINED, "convention", why
    if any(Note.UPDATE in c.notes for c in claims):
        return Verdict.EXPLAINED, "update", "a later figure updates an earlier one"
    return Verdict.CONTRADICTION, "numeric", ""
