"""Sports records: read with the name they belong to, compared per person."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def records(text):
    return [(c.slot.person, c.label) for c in claims_of(text) if c.kind == "record"]


@pytest.mark.parametrize(
    ("text", "person", "label"),
    [
        ("Wladimir Klitschko (52-3, 46 KOs) blasted Rahman.", "klitschko", "52-3, 46 KOs"),
        ("Champion, Riddick Bowe, 43-1, 33 KO's, returned.", "bowe", "43-1, 33 KOs"),
        ("Bowe (43-1) scored a decision over Gene Pukall.", "bowe", "43-1"),
        ("Rahman (45-7-2, 36 KOs) fell into the title shot.", "rahman", "45-7-2, 36 KOs"),
        ("The champion Klitschko, 58-3 with 51 knockouts, won.", "klitschko", "58-3, 51 KOs"),
        ("Thompson, of the IBF, fell to 36-3 (24 KO).", "thompson", "36-3, 24 KOs"),
        ('"Yes," said Klitschko, who improved his record to 58-3.', "klitschko", "58-3"),
    ],
)  # fmt: skip
def test_records_are_read_with_their_owner(text, person, label):
    assert (person, label) in records(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police ask anyone with information to call 800-800-3855.",  # a phone number
        "About 10-15 people were hurt, Smith said.",  # a range
        "The win improved the fighter to 52-3.",  # nobody named, no knockouts: whose record?
        "The vote was 5-2 in favour.",  # no record word, no name, no knockouts
        "The IBF (52-3) ruled.",  # an organisation
        "The report was dated 2008-12-13.",
    ],
)
def test_no_record_without_a_named_owner(text):
    assert records(text) == []


def test_equal_records_agree_when_a_report_leaves_out_knockouts():
    found = audit("Rahman (45-7-2, 36 KOs) lost.", "Hasim Rahman (45-7-2) lost again.")
    (ag,) = verdicts(found, "agreement")
    assert ag.slot == "record|rahman" and not verdicts(found, "contradiction")


@pytest.mark.parametrize(
    ("a", "b", "contradict"),
    [
        ("Klitschko (52-3, 46 KOs) won.", "Wladimir Klitschko, 53-3, 47 KO's, won.", True),
        ("Bowe (43-1) won on the undercard.", "Bowe (45-1, 33 KOs) trained hard.", True),
        ("Klitschko (52-3, 46 KOs) won.", "Klitschko (58-3, 51 KOs) won.", False),  # years apart
        ("Klitschko (52-3, 46 KOs) won.", "Rahman (53-3, 47 KOs) lost.", False),  # two people
        ("Wladimir Klitschko (52-3) won.", "Vitali Klitschko (53-3) won.", False),  # brothers
        ("Klitschko (52-3) won.", "Klitschko (52-3, 46 KOs) won.", False),
    ],
)
def test_records_of_one_person_contradict_only_when_close(a, b, contradict):
    found = audit(a, b)
    assert bool(verdicts(found, "contradiction")) == contradict


def test_a_report_giving_both_records_is_no_side():
    found = audit(
        "Klitschko (52-3, 46 KOs) won. Before the fight Klitschko (51-3, 45 KOs) was favoured.",
        "Klitschko (51-3, 45 KOs) was favoured.",
    )
    assert verdicts(found, "contradiction") == []


def test_a_record_referred_back_to_is_read_without_owner():
    assert records("The win improved the Ukrainian-born fighter to 52-3 with 46 KOs.") == [
        ("", "52-3, 46 KOs")
    ]


@pytest.mark.parametrize(
    ("b", "agree"),
    [
        ("The win improved the fighter to 52-3 with 46 KOs.", True),
        ("The win improved the fighter to 52-3 with 45 KOs.", False),  # not the same record
    ],
)
def test_an_unnamed_record_joins_the_one_person_with_the_same_full_record(b, agree):
    found = audit("Klitschko (52-3, 46 KOs) won. Rahman (45-7-2, 36 KOs) lost.", b)
    assert bool(verdicts(found, "agreement")) == agree
    assert verdicts(found, "contradiction") == []


def test_an_unnamed_record_of_two_possible_owners_is_dropped():
    found = audit(
        "Klitschko (52-3, 46 KOs) won. Jones (52-3, 46 KOs) won too.",
        "The win improved the fighter to 52-3 with 46 KOs.",
    )
    assert verdicts(found, "agreement") == []
