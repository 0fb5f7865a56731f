"""The word lists of grouping, read once from ``checker/lexicons/grouping.toml``."""

from __future__ import annotations

import tomllib
from importlib import resources

from checker.text.dates import MONTHS


def _read() -> dict:
    with resources.files("checker.lexicons").joinpath("grouping.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return data


_DATA = _read()
_LISTS = {k: frozenset(v.split()) for k, v in _DATA.items() if isinstance(v, str)}
DECISIVE: dict[str, str] = dict(_DATA["decisive"])  # word -> the measure it names
STOPWORDS = _LISTS["stopwords"]  # identify nothing: never a feature on their own
STREET_WORDS = _LISTS["street_words"]  # the last word of a street address
AGE_WORDS = _LISTS["age_words"]  # the word after an age ("15 year-old")
GENERIC = _LISTS["generic"] | frozenset(MONTHS) | STREET_WORDS
"""Capitalised words that name no one: on their own they are ordinary words (pairs count)."""
