"""When a contest was stopped: a time into a round, in a sentence that says it ended."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def stoppages(text):
    return [(c.quote, c.value, c.label) for c in claims_of(text) if c.kind == "elapsed"]


@pytest.mark.parametrize(
    ("text", "quote", "seconds", "period"),
    [
        ("Weeks stopped the fight 44 seconds into the seventh round.",
         "44 seconds into the seventh round", 44, "round 7"),
        ("He won in the seventh, stopping the fight at the 2:15 mark.", "2:15 mark", 135, ""),
        ("The referee stopped the fight at 2:56 of the sixth round.", "2:56 of the sixth round",
         176, "round 6"),
        ("Late in the round, referee Sam Williams stopped it at 2:56.", "2:56", 176, ""),
    ],
)  # fmt: skip
def test_stoppage_times_are_read(text, quote, seconds, period):
    assert (quote, seconds, period) in stoppages(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rahman was knocked down 30 seconds into the fourth round.",  # no stoppage: a knockdown
        "Police stopped the car at 2:30 on Sunday.",  # a clock time
        "The game ended 24-21 after two minutes of overtime.",
    ],
)
def test_no_stoppage_time_without_a_stoppage_into_a_round(text):
    assert stoppages(text) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Referee Tony Weeks stopped Rahman 44 seconds into the seventh round.",
         "Rahman was finished 44 seconds into the seventh round when Weeks stepped in.",
         "agreement"),
        ("Referee Tony Weeks stopped Rahman 44 seconds into the seventh round.",
         "The referee ended it with Rahman cornered at the 2:15 mark of the round.",
         "contradiction"),
    ],
)  # fmt: skip
def test_stoppages_of_one_bout(a, b, verdict):
    found = [f for f in audit(a, b) if f.slot == "stoppage"]
    assert [f.verdict for f in found] == [verdict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Referee Tony Weeks stopped Rahman 44 seconds into the seventh round.",
         "Referee Sam Williams stopped Thompson at 2:56 of the sixth round."),  # two bouts
        ("Weeks stopped Rahman 44 seconds into the seventh round.",
         "Weeks stopped Rahman at the 2:15 mark, 44 seconds into the seventh round."),  # both
    ],
)  # fmt: skip
def test_stoppages_that_never_contradict(a, b):
    found = [f for f in audit(a, b) if f.slot == "stoppage"]
    assert verdicts(found, "contradiction") == []
