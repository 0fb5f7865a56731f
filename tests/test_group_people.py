"""People in common as evidence across a long gap (checker/group/people.py)."""

from __future__ import annotations

import dataclasses

import numpy as np

from checker.group import prepare
from checker.group.people import People, named_people, people_factors
from checker.lexicons import lexicon
from checker.model import Article, Names
from checker.settings import DEFAULT

LEX = lexicon()


def read(text: str, chars: int = DEFAULT.group_people_chars) -> tuple[set[str], set[str]]:
    people, places = named_people(text, LEX, chars)
    return set(people), set(places)


def test_reads_full_names_and_places_of_two_words():
    people, places = read(
        "Jordan Lane, 19, was shot in Des Moines on Saturday.\nSgt. Jane Doe said he died."
    )
    assert {"jordan lane", "jane doe"} <= people
    assert "des moines" in places


def test_a_title_case_line_names_nobody():
    people, _ = read("Police Identify Teen Killed In Weekend Shooting\nA teen died.")
    assert not people


def test_reads_only_the_first_characters():
    text = "A man was shot on Friday. " * 10 + "Jordan Lane was arrested."
    assert not read(text, chars=100)[0]
    assert "jordan lane" in read(text)[0]


def test_a_line_extraction_read_is_taken_from_its_names():
    text = "Jordan Lane was shot.\nSgt. Jane Doe said he died."
    read_before = {"Jordan Lane was shot.": Names(frozenset({"someone else"}), frozenset())}
    people, _ = named_people(text, LEX, DEFAULT.group_people_chars, read_before)
    assert people == {"someone else", "jane doe"}


def people_of(*texts: str, settings=DEFAULT) -> People:
    found = [named_people(t, LEX, settings.group_people_chars) for t in texts]
    return People.of([p for p, _ in found], [q for _, q in found], settings)


def test_a_place_somewhere_in_the_collection_is_nobody():
    people = people_of(
        "A man was shot in Cedar Rapids on Friday.",
        "Cedar Rapids police said Mark Doe was hurt.",
        "Cedar Rapids police said Jane Roe was hurt.",
    )
    assert not people.shared(np.asarray([1]), np.asarray([2]))[0]


def test_a_person_many_reports_name_is_nobody():
    settings = dataclasses.replace(DEFAULT, group_people_df=2)
    texts = [f"Spokesman Tom Baker said a man, {n}, was shot." for n in (20, 30, 40)]
    people = people_of(*texts, settings=settings)
    assert not people.shared(np.asarray([0]), np.asarray([1]))[0]
    assert people_of(*texts[:2], settings=settings).shared(np.asarray([0]), np.asarray([1]))[0]


def factors(gap: int, dated: float, second: str) -> float:
    people = people_of("Police said Jordan Lane, 19, was shot.", second)
    i, j = np.asarray([0]), np.asarray([1])
    dates = np.asarray([700_000, 700_000 + gap])
    return float(people_factors(people, i, j, dates, np.asarray([dated]), DEFAULT)[0])


def test_penalty_only_far_apart_with_nobody_in_common():
    other = "Police said Mark Doe, 23, was shot."
    same = "Jordan Lane was charged, police said."
    assert factors(90, 0.3, other) == DEFAULT.group_people_penalty
    assert factors(90, 0.3, same) == 1.0  # the victim named again months later
    assert factors(10, 0.5, other) == 1.0  # within the gap
    assert factors(90, 1.0, other) == 1.0  # a written day brought them together


def test_the_scorer_counts_nobody_in_common_across_months():
    first = (
        "Boy, 4, shot in Southwest Baltimore\n"
        "A 4-year-old boy was shot in Southwest Baltimore on Monday, police said. "
        "Detective Anna Hill said Marcus Reed, 25, was charged."
    )
    second = (
        "Man shot in Southwest Baltimore\n"
        "A man was shot in Southwest Baltimore on Tuesday, police said. "
        "Sgt. Lee Grant said Paul Stone was hurt."
    )
    later = "Marcus Reed was sentenced on Friday for shooting a boy in Southwest Baltimore."
    arts = [
        Article("a", first, date="2016-01-04"),
        Article("b", second, date="2016-05-10"),
        Article("c", later, date="2016-05-13"),
    ]
    i, j = np.asarray([0, 0]), np.asarray([1, 2])
    off = dataclasses.replace(DEFAULT, group_people_penalty=1.0)
    with_people = prepare(arts, {}, DEFAULT).factors(i, j)
    without = prepare(arts, {}, off).factors(i, j)
    assert with_people[0] == DEFAULT.group_people_penalty * without[0]  # other people
    assert with_people[1] == without[1]  # Marcus Reed in both
