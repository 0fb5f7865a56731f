"""Clock times: one moment of the day, in one zone, of one happening."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def clocks(text):
    return [(c.quote, c.label, c.value) for c in claims_of(text) if c.kind == "clock"]


@pytest.mark.parametrize(
    ("text", "quote", "zone", "minutes"),
    [
        ("The quake struck at 17:06 hours local time.", "17:06 hours local time", "local", 1026),
        ("The quake struck at 17:06 pm (1336 GMT).", "1336 GMT", "gmt", 816),
        ("The shooting happened around 6:15 p.m. Sunday.", "6:15 p.m.", "local", 1095),
        ("Police were called at about 6 a.m. to the home.", "6 a.m.", "local", 360),
        ("He was shot at 9:30 on Friday, police said.", "9:30", "local, a.m. or p.m.", 570),
    ],
)
def test_clock_times_are_read_with_their_zone(text, quote, zone, minutes):
    assert (quote, zone, minutes) in clocks(text)


@pytest.mark.parametrize(
    "text",
    [
        "Updated 5/5/2010 1:41 PM",  # when the report was filed
        "22 July 2013 Last updated at 17:50 GMT",
        "MAR. 14, 2013, 8:12 PM",
        "The referee stopped the fight at the 2:15 mark.",  # into a round
        "The referee stopped the fight at 2:56 of the sixth round.",
        "2:24 Raw footage: Smith makes first court appearance",  # a video's length
        "The office is open between 9:00 and 17:00 on weekdays.",  # a span
    ],
)
def test_timestamps_rounds_and_spans_are_no_clock_times(text):
    assert clocks(text) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("The quake struck at 17:06 pm (1336 GMT).", "It was felt at 13:36 GMT.", "agreement"),
        ("The quake struck at 07:37 GMT, or 11:07 local time.",
         "The quake struck at 11:07 local time.", "agreement"),
        ("The shooting happened at 6:15 p.m. Sunday, police said.",
         "The shooting happened at 6:30 p.m. Sunday, police said.", "contradiction"),
        ("The shooting happened around 6:30 p.m. Sunday.",
         "The shooting happened at 6:30 Sunday evening.", "agreement"),
    ],
)  # fmt: skip
def test_times_of_one_moment(a, b, verdict):
    found = [f for f in audit(a, b) if f.slot == "clock"]
    assert [f.verdict for f in found] == [verdict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The quake struck at 07:37 GMT.", "The quake struck at 14:37 local time."),  # offset
        ("The shooting happened at 6:15 p.m., police said.",
         "The suspect was arrested at 9:40 p.m., police said."),  # two happenings
        ("The shooting happened around 6 p.m., police said.",
         "The shooting happened at 6:20 p.m., police said."),  # a round hour allows it
        ("Police said the shooting happened at 6:15 p.m. Sunday.",
         "Police said the shooting happened at 6:15 p.m. Sunday and 6:30 p.m. was the arrest."),
    ],
)  # fmt: skip
def test_times_that_never_contradict(a, b):
    assert verdicts([f for f in audit(a, b) if f.slot == "clock"], "contradiction") == []
