"""Places of the lede as counter-evidence for grouping (checker/group/places.py)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from checker.group.features import tokenize
from checker.group.places import lede_places, place_factors, written_words
from checker.lexicons import lexicon
from checker.model import Article
from checker.settings import DEFAULT

LEX = lexicon()


def places(text: str, common: frozenset[str] = frozenset()) -> set[tuple[str, ...]]:
    return set(lede_places(text, LEX, common, DEFAULT.group_place_chars))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One man was killed in a shooting in Denver on Saturday.", {("denver",)}),
        ("Police in Quincy, Washington are searching for a gunman.", {("quincy",)}),
        ("Five men were wounded in Chicago's Uptown neighborhood.", {("uptown",)}),
    ],
)
def test_reads_the_places_of_the_lede(text, expected):
    assert expected <= places(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jordan Lane was shot on Saturday, police said.",  # a person, no preposition
        "The suspect fled to Atlanta after the shooting.",  # a destination
        "A man was shot. " + "Nothing more is known. " * 20 + "He lived in Denver.",  # late
    ],
)
def test_reads_no_place(text):
    assert not places(text)


def test_common_words_are_not_the_place():
    assert places("A man was shot in East Pittsburgh.", frozenset({"east"})) == {("pittsburgh",)}


def factors(*texts: str, penalty: float = 0.3) -> list[float]:
    """The place factor of each text paired with the first one."""
    settings = dataclasses.replace(DEFAULT, group_place_penalty=penalty)
    arts = [Article(str(k), t) for k, t in enumerate(texts)]
    found = [lede_places(a.text, LEX, frozenset(), settings.group_place_chars) for a in arts]
    words = [written_words(tokenize(a).distinct) for a in arts]
    j = np.arange(1, len(arts))
    plain = place_factors(found, words, np.zeros_like(j), j, settings)
    placed = np.asarray([bool(f) for f in found])  # the scorer's short cut: the same factors
    assert place_factors(found, words, np.zeros_like(j), j, settings, placed).tolist() == (
        plain.tolist()
    )
    return plain.tolist()


def test_two_towns_are_two_events():
    pittsburgh = "One man was killed and three wounded in a shooting in East Pittsburgh."
    denver = "One person was killed and three wounded in a shooting in Denver."
    assert factors(pittsburgh, denver) == [0.3]
    assert factors(pittsburgh, denver, penalty=1.0) == [1.0]


def test_a_neighbourhood_and_its_city_are_one_event():
    uptown = "Five men were wounded in a shooting in Uptown on Monday, Chicago police said."
    chicago = "Five men were shot in Chicago on Monday evening."
    no_place = "Five men were shot on Monday evening, police said."
    assert factors(uptown, chicago, no_place) == [1.0, 1.0]
