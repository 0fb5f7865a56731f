"""Where the happening was: the places an article's lede names, as counter-evidence.

Two reports of one shooting may name different neighbourhoods, but each names, somewhere in
its text, the place the other's lede gives ("in East Pittsburgh" / "an East Pittsburgh
shooting"). Reports of two incidents in two towns with the same shape ("1 dead, 3 wounded")
do not: the Denver report never writes Pittsburgh, the Pittsburgh one never Denver. So a pair
counts as two places when both ledes name a place (a capitalised run the place reader of
``checker.text.places`` is sure of: "in Quincy", "Bennettsville's mayor") and neither
report writes any of the other's lede places anywhere in its text (a word of it the
collection does not write in lower case, in any case): ``group_place_penalty``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set

import numpy as np

from checker.lexicons import Lexicon
from checker.settings import Settings
from checker.text.places import place_mentions
from checker.text.tokens import tokenize


def lede_places(
    text: str, lex: Lexicon, common: Set[str], chars: int
) -> frozenset[tuple[str, ...]]:
    """The places named, surely and not as a destination, in the first
    ``group_place_chars`` characters of the text, each as its own words: those the collection
    does not write in lower case ("fort lauderdale-hollywood international airport" ->
    "lauderdale-hollywood"; "east pittsburgh" -> "pittsburgh"); a place of common words only
    ("Central Park" where "central" and "park" are common) is left out."""
    return own_places(lede_place_words(text, lex, chars), common)


def lede_place_words(text: str, lex: Lexicon, chars: int) -> tuple[tuple[str, ...], ...]:
    """The words of each place named surely in the first ``chars`` characters (the part of
    ``lede_places`` that reads one article alone: per article, in the workers)."""
    toks = tokenize(text[:chars])
    return tuple(tuple(m.key.split()) for m in place_mentions(toks, lex) if not m.weak)


def own_places(places: Sequence[tuple[str, ...]], common: Set[str]) -> frozenset[tuple[str, ...]]:
    """Each place as the words of it the collection does not write in lower case."""
    out = set()
    for words in places:
        own = tuple(w for w in words if w not in common)
        if own:
            out.add(own)
    return frozenset(out)


def written_words(tokens: Iterable[str]) -> frozenset[str]:
    """Every word of the article in lower case: where another report's place may appear.
    ``tokens``: its tokens, each once (``features.Doc.distinct``)."""
    return frozenset(map(str.lower, tokens))


def _writes(places: frozenset[tuple[str, ...]], words: frozenset[str]) -> bool:
    """Whether ``words`` hold a word of one of the places."""
    return not all(words.isdisjoint(place) for place in places)


def place_factors(
    places: Sequence[frozenset[tuple[str, ...]]],
    words: Sequence[frozenset[str]],
    i: np.ndarray,
    j: np.ndarray,
    settings: Settings,
    placed: np.ndarray | None = None,
) -> np.ndarray:
    """``group_place_penalty`` for pairs whose ledes name places the other never writes.
    ``placed`` (optional): whether each article's lede names a place, to pass over the
    pairs where one names none with numpy (most of them) instead of one test each."""
    out = np.ones(len(i), dtype=np.float64)
    if settings.group_place_penalty >= 1.0:
        return out
    if placed is not None:  # only pairs whose ledes both name places can be penalised
        both = np.flatnonzero(placed[i] & placed[j])
        out[both] = place_factors(places, words, i[both], j[both], settings)
        return out
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        pa, pb = places[a], places[b]
        if not pa or not pb or pa & pb:
            continue
        if not _writes(pa, words[b]) and not _writes(pb, words[a]):
            out[k] = settings.group_place_penalty
    return out
