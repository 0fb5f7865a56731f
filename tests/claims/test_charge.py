"""Legal charges and outcomes: what is read, what agrees and what contradicts."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def charges(text):
    return [(c.slot.predicate, sorted(c.categories), c.name) for c in claims_of(text)
            if c.kind == "charge"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "stage", "names", "who"),
    [
        (
            "A man has been charged with first-degree murder.",
            "charged",
            ["first_degree_murder"],
            "",
        ),
        (
            "Eric Allen Kirkpatrick was charged Saturday with one count of first-degree murder.",
            "charged",
            ["first_degree_murder"],
            "eric kirkpatrick",
        ),
        (
            "Jeremy Jones, 28, is charged with capital murder and two counts of attempted murder.",
            "charged",
            ["attempted_murder", "capital_murder"],
            "jeremy jones",
        ),
        ("John Smith was arrested on suspicion of murder.", "arrested", ["murder"], "john smith"),
        ("Jane Doe was found guilty of manslaughter.", "convicted", ["manslaughter"], "jane doe"),
        (
            "She was charged with murder, robbery and arson.",
            "charged",
            ["arson", "murder", "robbery"],
            "",
        ),
    ],
)
def test_charges_are_read_with_their_stage_and_person(text, stage, names, who):
    assert charges(text) == [(stage, names, who)]


@pytest.mark.parametrize(
    "text",
    [
        "If convicted of murder, John Smith faces life in prison.",  # not laid
        "He could be charged with murder.",
        "He was charged with the murder of his wife.",  # the event, not the charge's name
        "Police are investigating the murder.",  # no stage word
    ],
)
def test_no_charge_is_read(text):
    assert charges(text) == []


def test_one_charge_in_two_reports_agrees_and_the_general_covers_the_specific():
    found = audit(
        "A man has been charged with first-degree murder after a shooting.",
        "John Smith, 61, was charged with murder in the shooting.",
    )
    (ag,) = verdicts(found, "agreement", "charge")
    assert {c.article for c in ag.claims} == {"r0", "r1"}
    assert "first degree murder" in ag.explanation


def test_murder_and_manslaughter_for_one_person_the_same_week_contradict():
    texts = (
        "John Smith, 20, was charged with murder.",
        "John Smith was charged with manslaughter.",
    )
    same = {0: "2016-03-01", 1: "2016-03-02"}
    assert len(verdicts(audit(*texts, dates=same), "contradiction", "charge")) == 1
    later = {0: "2016-03-01", 1: "2016-09-02"}  # charges are amended as a case goes on
    assert verdicts(audit(*texts, dates=later), "contradiction", "charge") == []


@pytest.mark.parametrize(
    "texts",
    [
        ("John Smith was charged with murder.", "Mary Smith was charged with manslaughter."),
        (
            "John Smith was arrested on suspicion of murder.",
            "John Smith was charged with manslaughter.",
        ),
        ("A man was charged with murder.", "A man was charged with manslaughter."),  # unnamed
        ("John Smith was charged with murder.", "John Smith was charged with first-degree murder."),
    ],
)
def test_no_charge_contradiction_across_people_stages_or_covered_charges(texts):
    assert verdicts(audit(*texts), "contradiction", "charge") == []
