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
        ("Bettie Page was a pin-up icon. The show ran for years. She was 85.", "page", 85),
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


@pytest.mark.parametrize(
    ("text", "who", "age"),
    [
        ("The 45-year-old suspect, Larry Darnell Gordon, was at the courthouse.", "gordon", 45),
        ("A 31-year-old victim, Jane Ann Doe, died.", "doe", 31),
    ],
)
def test_an_age_before_a_role_and_its_named_apposition(text, who, age):
    ages = {c.slot.person: c.value for c in claims_of(text) if c.kind == "age"}
    assert ages == {who: age}


@pytest.mark.parametrize(
    "text",
    [
        "The 45-year-old suspect, Chicago, was quiet.",  # one word is no full name
        "Jeremiah Cormier, who is believed to be 10 or 11 years old, died.",  # a guess
        "Two women, between 30 and 40 years old, died.",
    ],
)
def test_no_age_without_a_full_name_or_from_a_range(text):
    assert [c.value for c in claims_of(text) if c.kind == "age"] == []


def _age_findings(dates):
    from tests.test_judge import audit, verdicts

    found = audit(
        "The suspect was identified as 44-year-old Larry Darnell Gordon.",
        "The 45-year-old suspect, Larry Darnell Gordon, was at the courthouse for a hearing.",
        dates=dates,
    )
    return verdicts(found, "contradiction", "age")


def test_ages_a_year_apart_in_reports_of_one_week_contradict():
    assert len(_age_findings({0: "2016-07-11", 1: "2016-07-12"})) == 1


def test_ages_a_year_apart_in_reports_months_apart_are_a_birthday():
    assert _age_findings({0: "2016-03-11", 1: "2016-07-12"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Ferrin says the victims range in age from 11 to 30.",
        "The victims, five children and three adults, ranged in age between 11 to 30 years old.",
        "The victims were between the ages of 11 and 30.",
    ],
)
def test_a_group_age_range_is_read_whole(text):
    got = [(c.slot.predicate, c.label) for c in claims_of(text) if c.kind == "age"]
    assert got == [("range", "11-30")]


def test_age_ranges_agree_when_equal_and_never_contradict():
    from tests.test_judge import audit, verdicts

    same = audit(
        "The victims range in age from 11 to 30.", "The wounded ranged in age from 11 to 30."
    )
    assert len(verdicts(same, "agreement", "age")) == 1
    other = audit("The victims range in age from 11 to 30.", "The men ranged in age from 18 to 30.")
    assert verdicts(other, "contradiction") == []


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        (
            "A 63-year-old woman and two men were shot. "
            "The woman, identified by the police as Madeline Kafoury, died at the scene.",
            {"kafoury": 63},
        ),
        (  # the next sentence names another noun: no age
            "A 63-year-old woman and two men were shot. "
            "The man, identified as John Smith, died at the scene.",
            {},
        ),
        (  # two women of that age phrase: which one?
            "A 63-year-old woman and a 40-year-old woman were shot. "
            "The woman, identified as Madeline Kafoury, died.",
            {},
        ),
        (  # not identified by name
            "A 63-year-old woman was shot. The woman, Kafoury's neighbour, died.",
            {},
        ),
    ],
)
def test_an_age_named_in_the_next_sentence(text, ages):
    assert {c.slot.person: c.value for c in claims_of(text) if c.kind == "age"} == ages
