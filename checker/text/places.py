"""Places named in a sentence: 'in Voronezh Oblast', 'Kaluga region', "Russia's Kaluga".

A capitalised run counts as a place only when a preposition introduces it or a kind-of-place
word follows it, so a person's name is not a place. Which place a fact is about is the
nearest strong mention in its clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from checker.lexicons import Lexicon
from checker.model import Names
from checker.text.dates import DATE_WORDS
from checker.text.names import Name, is_headline
from checker.text.tokens import Tok, capitalised_runs, low_at

_POSSESSIVE_ENDS = ("'s", "’s")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    key: str
    weak: bool  # a destination or an example ("to Kazan", "such as Kazan")


class PlaceCandidate(NamedTuple):
    """A capitalised run that could be a place, and whether its sentence makes it one (a
    preposition or a kind-of-place word). Whether it is a destination (``PlaceMention.weak``)
    is weighed only for the candidates that turn out to be places: most are not (people,
    bodies), and the weighing walks the words before each."""

    first: int
    last: int
    key: str
    sure: bool


def place_key(words: Iterable[str], lex: Lexicon) -> str:
    """Normalised place: lower case, no possessive, no 'the', no kind-of-place suffix."""
    parts = [_unpossessed(w.lower()) for w in words]
    while parts and parts[-1] in lex.place_suffixes:
        parts.pop()
    while len(parts) > 1 and parts[0] == "the":
        parts.pop(0)
    return " ".join(parts)


def _unpossessed(low: str) -> str:
    """ "russia's" -> "russia": a possessive ending dropped."""
    return low[:-2] if low.endswith(_POSSESSIVE_ENDS) else low


def place_mentions(
    toks: Sequence[Tok], lex: Lexicon, known: frozenset[str] = frozenset()
) -> list[PlaceMention]:
    """Places of one sentence, a possessor dropped for what it possesses. ``known``: places the
    same article names unambiguously elsewhere ("in Moscow"), so "Moscow's airports" counts."""
    return mentions_among(toks, place_candidates(toks, lex), lex, known)


def mentions_among(
    toks: Sequence[Tok],
    candidates: Sequence[PlaceCandidate],
    lex: Lexicon,
    known: frozenset[str] = frozenset(),
) -> list[PlaceMention]:
    """The places among a sentence's candidates (``places_among``), each weighed for whether
    it is a destination or an example (``PlaceMention.weak``)."""
    return [
        PlaceMention(c.first, c.last, c.key, _weak_before(toks, c.first, lex))
        for c in places_among(candidates, known)
    ]


def place_candidates(toks: Sequence[Tok], lex: Lexicon) -> list[PlaceCandidate]:
    """Every capitalised run that could be a place, with whether the sentence itself makes it
    one (a preposition or a kind-of-place word): read once, filtered per article after."""
    candidates = []
    for first, end in capitalised_runs(toks):
        for start, stop in _run_parts(toks, first, end, lex):
            candidate = _as_place(toks, start, stop, lex)
            if candidate:
                candidates.append(candidate)
    return candidates


def places_among(
    candidates: Sequence[PlaceCandidate], known: frozenset[str] = frozenset()
) -> list[PlaceCandidate]:
    """The candidates that are places: sure ones, and those the article names surely elsewhere."""
    return _drop_possessors([c for c in candidates if c.sure or c.key in known])


def _run_parts(toks, i: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Split a capitalised run at possessives and leading function words.

    'In Voronezh Oblast' -> 'Voronezh Oblast'; "Russia's Kaluga" -> 'Russia', 'Kaluga'.
    """
    parts, start = [], i
    for j in range(i, end):
        low = toks[j].low
        if j == start and (low in lex.not_places or low in lex.place_prepositions):
            start = j + 1
            continue
        if low.endswith(("'s", "’s")) and j + 1 < end:
            parts.append((start, j + 1))
            start = j + 1
    if start < end:
        parts.append((start, end))
    return parts


def _as_place(toks, start, end, lex: Lexicon) -> PlaceCandidate | None:
    run = toks[start:end]
    words = [t.text for t in run]
    if all(map(str.isupper, words)) and all(len(w) > 1 for w in words):
        return None  # acronyms: PAD, FPV, NOPD
    lows = [t.low for t in run]
    if not (DATE_WORDS.isdisjoint(lows) and lex.name_titles.isdisjoint(lows)):
        return None  # "Nov", "Sunday", "Officer": never part of a place (``is_date_word``)
    suffixed_inside = len(words) > 1 and words[-1].lower() in lex.place_suffixes
    suffixed = suffixed_inside or low_at(toks, end) in lex.place_suffixes
    key = place_key(words + ([toks[end].text] if suffixed and not suffixed_inside else []), lex)
    if not key or key in lex.not_places or key in lex.place_suffixes:
        return None
    prev, prev2 = low_at(toks, start - 1), low_at(toks, start - 2)
    introduced = (
        prev in lex.place_prepositions
        or (prev == "the" and prev2 in lex.place_prepositions)
        or _possesses_place_things(toks, end, lex)
    ) and not is_headline(toks)  # a headline's capitals say nothing: asked only here
    last = end + 1 if suffixed and not suffixed_inside else end
    return PlaceCandidate(start, last, key, suffixed or introduced)


def _possesses_place_things(toks: Sequence[Tok], end: int, lex: Lexicon) -> bool:
    """ "Moscow's airports": a possessive run followed by what only places have."""
    last = toks[end - 1].low
    return (
        last.endswith(("'s", "’s"))
        and end < len(toks)
        and lex.place_possessions.match(toks, end)[0] > 0
    )


def _weak_before(toks: Sequence[Tok], start: int, lex: Lexicon) -> bool:
    if lex.weak_prepositions.ending_at(toks, start, longest=2)[0] >= 0:
        return True
    # "to alternative hubs in Kazan": a destination phrase earlier in the same clause, but not
    # an infinitive ("reported to have targeted a resident in Belgorod")
    for j in range(start - 1, max(-1, start - 6), -1):
        if toks[j].low in (",", ";", "and"):
            continue
        if toks[j].low in ("such", "including"):
            return True
        if toks[j].low == "to":
            return not _infinitive(toks[j + 1 : start], lex)
    return False


def _infinitive(between: Sequence[Tok], lex: Lexicon) -> bool:
    """Words between 'to' and a place that make 'to' an infinitive marker, not a destination."""
    return any(t.low in lex.auxiliaries or t.low.endswith("ed") for t in between)


def _drop_possessors(mentions: list[PlaceCandidate]) -> list[PlaceCandidate]:
    """ "Russia's Kaluga region": the possessed place is the one meant."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (k + 1 < len(mentions) and mentions[k + 1].first == m.last)
    ]


def nearest_place(toks: Sequence[Tok], mentions: Sequence[PlaceMention], first, last) -> str:
    """The place a fact at tokens [first, last) is about: the nearest strong mention in the same
    clause (no comma or semicolon between), a mention after the fact winning ties."""
    best, best_d = "", 10**9
    for m in mentions:
        if m.weak:
            continue
        lo, hi = (last, m.first) if m.first >= last else (m.last, first)
        if _clause_break(toks, lo, hi, place_first=m.first < first):
            continue
        d = (hi - lo) + (0 if m.first >= last else 0.5)
        if d < best_d:
            best, best_d = m.key, d
    return best


def _clause_break(toks, lo: int, hi: int, place_first: bool) -> bool:
    """True when a comma or dash separates the two spans; ', where' after a place does not
    ('over Moscow, where 32 drones were shot down')."""
    for k in range(lo, hi):
        low = toks[k].low
        if low in (";", "—", "–"):
            return True
        if low == "," and not (place_first and low_at(toks, k + 1) in ("where", "which")):
            return True
    return False


def earlier_place(mentions: Sequence[PlaceMention], first: int) -> str:
    """'The Belgorod incident, though not resulting in casualties': the sentence's own place,
    named before the claim in another clause, still beats one inherited from earlier."""
    before = [m for m in mentions if not m.weak and m.last <= first]
    return before[-1].key if before else ""


def frame_place(mentions: Sequence[PlaceMention], toks: Sequence[Tok], lex: Lexicon) -> str:
    """A place set up front ('In Voronezh Oblast, ...', 'Meanwhile, in Moscow, ...') frames the
    whole sentence."""
    for m in mentions:
        if m.weak or m.first > 5:
            continue
        introduced = any(
            t.low in lex.place_prepositions for t in toks[max(0, m.first - 2) : m.first]
        )
        if introduced and low_at(toks, m.last) == ",":
            return m.key
    return ""


def sentence_names(
    people: Sequence[tuple[Name, int, int]], candidates: Sequence[PlaceCandidate]
) -> Names:
    """The names the people rule reads in one line: the full names of its ``person_mentions``
    and the places of two words or more among its ``place_candidates`` that it surely names.
    Extraction calls it for each of an article's first sentences with what it read there,
    grouping's people rule (``checker.group.people``) for the lines extraction did not read."""
    return Names(
        frozenset(str(name) for name, _, _ in people),
        frozenset(m.key for m in places_among(candidates) if " " in m.key),
    )
