"""Streets as keys: one form for "Pike St.", "Pike Street"; "Sixth St", "6th Street".

Grouping (two reports that name different streets of the scene tell of two shootings) and the
address claims (two house numbers on one street) compare streets in this form. A court
("District Court", "Court of Common Pleas") is where a case is heard, not the scene: no street.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.lexicons import Lexicon

_SUFFIXES = {"1": "st", "2": "nd", "3": "rd"}


def street_key(words: Sequence[str], lex: Lexicon) -> str:
    """The street the lower-case ``words`` name (their last word a street word), in one form:
    abbreviations spelt out, ordinals as figures ("6th"); '' when they name a court."""
    *name, last = words
    last = lex.street_abbreviations.get(last, last)
    if last == "court" and name and name[-1] in lex.court_words:
        return ""
    if last == "block":  # "6500 block": a hundred house numbers, not a numbered street;
        # without a figure before it a block is none ("Cell Block G", "a block party")
        return " ".join([*name, last]) if name and name[-1][:1].isdigit() else ""
    return " ".join([*(_ordinal(w, lex) for w in name), last])


def _ordinal(word: str, lex: Lexicon) -> str:
    """'sixth' -> '6th'; '72' -> '72nd' (a numbered street written without its suffix)."""
    if word in lex.ordinal_words:
        word = str(lex.ordinal_words[word])
    if word.isdigit():
        teen = len(word) > 1 and word[-2] == "1"
        return word + ("th" if teen else _SUFFIXES.get(word[-1], "th"))
    return word
