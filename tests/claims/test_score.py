"""Final scores: read next to a result word, compared only for one game (two teams in common)."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def scores(text):
    return [c.label for c in claims_of(text) if c.kind == "score"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The Broncos beat the Chargers 31-24 on Sunday.", "31-24"),
        ("It was a 24-31 loss for the Chargers in Denver.", "31-24"),  # either order
        ("Mississippi tied the game before Louisville ultimately won 77-68.", "77-68"),
        ("Harrison missed Thursday night's 31-24 win over Jacksonville.", "31-24"),
    ],
)
def test_final_scores_are_read(text, label):
    assert scores(text) == [label]


@pytest.mark.parametrize(
    "text",
    [
        "The Broncos led 14-7 at halftime.",  # not final
        "Boston won the series 4-2.",
        "The council voted 5-2 to approve the plan.",  # no result word
        "Call 555-1234 with information.",
        "Klitschko (52-3) won again.",  # a record
    ],
)
def test_no_score_without_a_final_result(text):
    assert scores(text) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("The Broncos beat the Chargers 31-24 in Denver.",
         "The Chargers fell to the Broncos in a 24-31 loss.", "agreement"),
        ("The Broncos beat the Chargers 31-24 in Denver.",
         "The Broncos beat the Chargers 31-21 in Denver.", "contradiction"),
    ],
)  # fmt: skip
def test_scores_of_one_game(a, b, verdict):
    found = [f for f in audit(a, b) if f.slot == "final score"]
    assert [f.verdict for f in found] == [verdict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Colts beat the Chiefs 20-13 in Kansas City.",
         "The Colts beat the Jaguars 31-24 at home."),  # two games of one team
        ("Colts Clinch Playoff Berth With 20-13 Win Over Chiefs",
         "Colts Clinch Playoff Berth With 31-24 Win Over Jaguars"),  # headlines name nothing
    ],
)  # fmt: skip
def test_scores_of_two_games_never_contradict(a, b):
    found = [f for f in audit(a, b) if f.slot == "final score"]
    assert verdicts(found, "contradiction") == []
