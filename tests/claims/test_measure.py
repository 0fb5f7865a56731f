"""Measures: distances, percentages, speeds and money, with their unit and subject."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def measures(text):
    return [(str(c.slot), round(c.value, 1)) for c in claims_of(text) if c.kind == "measure"]


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("The courthouse is about 65 miles northeast of Chicago.", "|distance|from chicago", 104.6),
        ("The building is about 24km north of Detroit.", "|distance|from detroit", 24),
        ("Officials said turnout reached 93.87 percent.", "|percent|turnout", 93.9),
        ("Turnout was almost 90%, officials said.", "|percent|turnout", 90),
        ("The FBI offered a $35,000 reward for information.", "|money:usd|reward", 35000),
        ("The Red Sox made an eight-year, $200 million offer.", "|money:usd|deal", 200e6),
        ("A deal worth $184 million, or $23 million per season.", "|money:usd|deal a year", 23e6),
        ("His agent was asking for a contract worth $200 million.", "|money:usd|ask", 200e6),
        ("The quake struck 10 km deep.", "|distance|depth", 10),
    ],
)
def test_measures_with_unit_and_subject(text, slot, value):
    assert (slot, value) in measures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thirty percent of the town was destroyed.",  # percent of what the lexicon does not say
        "He drove 40 miles.",  # a distance from nowhere
        "His bond was set at $1.7 million.",  # whose bond: no name
        "The shooting happened in the 6500 block of 46th Street.",
    ],
)
def test_measures_with_no_subject_are_not_read(text):
    assert measures(text) == []


def test_miles_meet_kilometres():
    found = audit(
        "The office is about 15 miles north of Detroit.",
        "The office is about 24km north of Detroit.",
    )
    assert verdicts(found, "agreement") and not verdicts(found, "contradiction")


def test_two_currencies_are_never_compared():
    found = audit("A $5,000 reward is offered.", "A reward of 5,000 euros is offered.")
    assert not verdicts(found, "contradiction") and not verdicts(found, "agreement")


def test_a_turnout_that_disagrees_contradicts():
    found = audit("Turnout reached 93.87 percent.", "Turnout was almost 80%.")
    (ct,) = verdicts(found, "contradiction")
    assert "turnout" in ct.slot


def test_a_converted_distance_allows_its_rounding():
    found = audit(
        "The USGS said the quake was 35 miles southwest of Bandar Abbas.",
        "The quake struck 60km south west of Bandar Abbas.",
    )
    assert verdicts(found, "contradiction") == []


def test_lexicon_additions_reach_the_measure_reader():
    from dataclasses import replace

    from checker.extract import extract_claims
    from checker.model import Article
    from checker.settings import DEFAULT
    from checker.split import split_article

    text = "The family posted a $5,000 bounty for information."
    sentences = split_article(Article("a", text))
    added = replace(DEFAULT, lexicon_additions=(("measures.subjects.reward", ("bounty",)),))
    assert [c for c in extract_claims(sentences) if c.kind == "measure"] == []
    (claim,) = [c for c in extract_claims(sentences, added) if c.kind == "measure"]
    assert str(claim.slot) == "|money:usd|reward"


@pytest.mark.parametrize(
    ("text", "slot", "value"),
    [
        ("Reports of the Red Sox offer varied, though WCVB-TV claims it was eight years and "
         "$184 million, or a $23 million average annual value.", "|money:usd|deal a year", 23e6),
        ("Reports of the Red Sox offer varied, though WCVB-TV claims it was eight years and "
         "$184 million.", "|money:usd|deal", 184e6),
    ],
)  # fmt: skip
def test_an_amount_restated_with_or_keeps_its_subject(text, slot, value):
    assert (slot, value) in measures(text)


def test_a_hedged_amount_agrees_within_its_rounding():
    found = audit(
        "The Red Sox offered a deal worth $184 million or $23 million per season.",
        "The offer from the Red Sox is worth roughly $22 million per season.",
    )
    assert verdicts(found, "contradiction") == []


def test_a_capped_amount_supports_no_smaller_one():
    found = audit(
        "Crime Stoppers is offering a $5,000 reward for information.",
        "The governor offered a reward of up to $10,000 for information.",
    )
    assert not [f for f in verdicts(found, "agreement") if "reward" in f.slot]
