"""Street addresses of the scene."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def addresses(text):
    return [(c.label, c.slot.predicate) for c in claims_of(text) if c.kind == "address"]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        (
            "Police responded to shots fired at 19 Plymouth St. at 1:27 a.m.",
            [("19", "plymouth street")],
        ),
        ("The hosts rent a duplex at 19 Plymouth Street.", [("19", "plymouth street")]),
        ("He was shot at 40 East 5th Ave.", []),  # '5th' is no capitalised word: not read
        ("It happened in the 6500 block of Main Street.", []),  # a block, not a house
        ("Two shooters fired from 31-33 Plymouth Street.", []),  # no 'at'
        ("Officers arrived at 3 Main St.", [("3", "main street")]),
        ("Officers arrived at 12 Sixth St.", [("12", "6th street")]),  # one form: '6th Street'
    ],
)
def test_house_numbers_after_at(text, got):
    assert addresses(text) == got


def test_one_street_two_numbers_contradict():
    found = audit(
        "Shots were fired at 19 Plymouth St. on Sunday.", "Police arrived at 18 Plymouth St."
    )
    (f,) = verdicts(found, "contradiction", "address")
    assert {c.label for c in f.claims} == {"18", "19"}


@pytest.mark.parametrize(
    "pair",
    [
        ("Shots were fired at 19 Plymouth St.", "Police arrived at 19 Plymouth Street."),
        (  # a report that names two numbers tells two places apart
            "The party was at 19 Plymouth St. and the shooters stood at 33 Plymouth St.",
            "Police arrived at 33 Plymouth St.",
        ),
        ("Shots were fired at 19 Plymouth St.", "Police arrived at 18 Hope St."),
    ],
)
def test_no_address_contradiction(pair):
    assert verdicts(audit(*pair), "contradiction", "address") == []
