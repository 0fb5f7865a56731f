"""How many times a named person did something: read with the person, compared per happening."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def counts(text):
    return [
        (c.slot.person, c.unit, c.low, c.high) for c in claims_of(text) if c.kind == "frequency"
    ]


@pytest.mark.parametrize(
    ("text", "person", "what", "low", "high"),
    [
        ("Page married twice; the first marriage lasted four years.", "page", "married", 2, 2),
        ("Page was divorced three times and had no children.", "page", "married", 3, 4),
        ("Police said John Smith was shot three times.", "smith", "shot", 3, 3),
        ("Gerald Pugh, 28, was shot twice, police said.", "pugh", "shot", 2, 2),
        ("Chief Robert Boyce said Walker had been arrested twice.", "walker", "arrested", 2, 2),
    ],
)
def test_counts_are_read_with_their_person(text, person, what, low, high):
    assert (person, what, low, high) in counts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man was shot twice.",  # nobody named
        "She was shot twice, police said.",
        "The fine was three times the usual amount for Smith.",  # no happening
        "John Smith was shot three times more often than others.",  # a ratio
    ],
)
def test_no_count_without_a_named_person_and_a_happening(text):
    assert counts(text) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Page married twice, her agent said.", "Page was divorced three times.", "contradiction"),
        ("Page was married three times.", "Page was divorced three times.", "agreement"),
        ("John Smith was shot twice, police said.", "Smith was shot twice, police said.",
         "agreement"),
    ],
)  # fmt: skip
def test_counts_of_one_person(a, b, verdict):
    found = [f for f in audit(a, b) if f.slot.endswith("|times")]
    assert [f.verdict for f in found] == [verdict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("John Smith was shot twice in the leg.", "John Smith was shot three times."),  # a part
        ("John Smith was shot twice.", "Jane Doe was shot three times."),  # two people
        ("John Smith was shot twice.", "Adam Smith was shot three times."),  # one surname
        ("John Smith was shot twice.", "John Smith was stabbed three times."),
    ],
)
def test_counts_that_never_contradict(a, b):
    assert verdicts(audit(a, b), "contradiction") == []
