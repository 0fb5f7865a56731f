"""Where the event happened, at the levels reports name it."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def venues(text):
    return [(c.slot.predicate, c.place) for c in claims_of(text) if c.kind == "venue"]


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("Klitschko beat Rahman in Mannheim, Germany on Saturday.", [("mannheim", "germany")]),
        ("Two men were shot in Dallas, Texas, police said.", [("dallas", "texas")]),
        ("Two people were shot in Miami.", [("miami", "")]),
        (  # a place right after the place nests it
            "A man was shot in Alamo in Contra Costa County.",
            [("alamo", "contra costa"), ("contra costa", "")],
        ),
        ("The fight in Mannheim, Klitschko said, was easy.", [("mannheim", "")]),  # a subject
        ("Flights were diverted to Kazan.", []),  # a destination
        ("Police Chief David Brown spoke at City Hall.", []),  # 'at' says where he spoke
    ],
)
def test_places_after_in_with_the_place_around_them(text, got):
    assert venues(text) == got


def test_only_the_lede_says_where():
    lede = "Two people were shot in Miami. Police arrived quickly."
    late = lede + " The suspect was arrested in Orlando."
    assert venues(late) == venues(lede) == [("miami", "")]


def test_two_levels_are_one_place():
    found = audit(
        "Klitschko stopped Rahman in Mannheim, Germany on Saturday.",
        "Klitschko retained his titles in Mannheim.",
        "Klitschko won again in Germany.",
    )
    (ag,) = verdicts(found, "agreement", "place")
    assert {c.article for c in ag.claims} == {"r0", "r1"}  # the narrowest shared place
    assert "Mannheim, Germany" in ag.explanation


def test_a_nesting_told_by_one_report_serves_the_others():
    found = audit("Two were shot in Dallas, Texas.", "A shooting in Texas left two hurt.")
    (ag,) = verdicts(found, "agreement", "place")
    assert ag.explanation == "2 reports place the event in Texas"


@pytest.mark.parametrize(
    "pair",
    [
        ("Two people were shot in Miami.", "Two people were shot in Orlando."),
        ("Two people were shot in Miami.", "Police said two people were shot."),
    ],
)
def test_other_places_neither_agree_nor_contradict(pair):
    found = audit(*pair)
    assert verdicts(found, "agreement", "place") == []
    assert [f for f in found if f.kind == "place"] == []
