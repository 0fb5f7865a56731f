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


@pytest.mark.parametrize(
    ("text", "who", "age"),
    [
        ("Bettie Page died at 85 in Los Angeles.", "page", 85),
        ("Bettie Page was a pin-up icon. She was 85.", "page", 85),
        (
            "Williams, whose career began early, died in California at the age of 91.",
            "williams",
            91,
        ),
        ("Esther Williams died Thursday. She was 91 years old.", "williams", 91),
        ("Klitschko, 36, stopped the 40-year-old Thompson with two seconds left.", "thompson", 40),
        ("One of them is accused of killing 16 year old Elijah Jackson.", "jackson", 16),
        ("Page, aged 85, died.", "page", 85),
    ],
)
def test_ages_in_other_phrasings_tied_to_their_person(text, who, age):
    ages = {c.slot.person: c.value for c in claims_of(text) if c.kind == "age"}
    assert ages.get(who) == age


@pytest.mark.parametrize(
    "text",
    [
        "A 23-year-old Chicago man was shot.",  # Chicago is no person
        "He lives at 45 Main Street. The 14-year-old was shot.",  # 'the N-year-old' is unsaid
        "Williams, whose career began early, died in California at the age of 91.",
    ],
)
def test_places_never_get_an_age(text):
    people = {c.slot.person for c in claims_of(text) if c.kind == "age"}
    assert not people & {"chicago", "california", "street"}


def test_an_age_phrase_is_not_a_count():
    assert quantities("Bettie Page died at 85 in Los Angeles.") == []
