"""Ages of named people."""

import pytest

from tests.helpers import claims_of, quantities


@pytest.mark.parametrize(
    ("sentence", "who", "age"),
    [
        (
            "Norris Greenhouse Jr., 23, and Lt. Derrick Stafford, 32, were indicted.",
            "greenhouse",
            23,
        ),
        ("Norris Greenhouse Jr., 23, and Lt. Derrick Stafford, 32, were indicted.", "stafford", 32),
        ("Police identified 29-year-old Omar Mir Seddique Mateen as the suspect.", "mateen", 29),
        ("Courtney L. Taylor, 41, of Williamsburg was released.", "taylor", 41),
    ],
)
def test_ages_of_named_people(sentence, who, age):
    ages = {c.slot.person: c.value for c in claims_of(sentence) if c.kind == "age"}
    assert ages.get(who) == age


def test_middle_initial_is_kept_out_of_the_name():
    (c,) = [c for c in claims_of("Courtney L. Taylor, 41, was released.") if c.kind == "age"]
    assert c.name == "courtney taylor"


def test_an_age_is_not_a_count():
    assert [c.value for c in quantities("A 6-year-old boy and his father were shot.")] == []
