"""The word lists of grouping, read once from ``checker/lexicons/grouping.toml``."""

from __future__ import annotations

import tomllib
from importlib import resources

from checker.text.dates import MONTHS


def _read() -> dict[str, str]:
    with resources.files("checker.lexicons").joinpath("grouping.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return data


_DATA = _read()
_LISTS = {k: frozenset(v.split()) for k, v in _DATA.items()}
STOPWORDS = _LISTS["stopwords"]  # identify nothing: never a feature on their own
AGE_WORDS = _LISTS["age_words"]  # the word after an age ("15 year-old")
DECISIVE = _LISTS["decisive_predicates"]  # claim predicates whose lede figure names the event
GENERIC = _LISTS["generic"] | frozenset(MONTHS)
"""Capitalised words that name no one: on their own they are ordinary words (pairs count);
so do the street words of the grammar lexicon, with a configuration's additions
(``features.common_words``)."""
