"""Time expressions."""

import pytest

from tests.helpers import claims_of


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Three drones were shot down between 21:00 and 07:50 Moscow time.", "21:00-07:50"),
        ("The attack on July 17 added another layer to the crisis.", "date:july 17"),
        ("Last night, the Kaluga region became the latest front.", "last night"),
        ("Two men were killed Sunday in Miami.", "day:sunday"),
        (
            "Earlier in the night, Moscow's air defenses shot down 32 drones.",
            "earlier in the night",
        ),
    ],
)
def test_time_expressions(sentence, label):
    assert label in [c.label for c in claims_of(sentence) if c.kind == "time"]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the page's own stamp: when it was written, not when anything happened
        ("Published April 29 2017 At least four people were killed on Monday.", ["day:monday"]),
        ("Updated 3:09 AM EST Dec 19, 2008 They were outbid on Dec 18.", ["date:december 18"]),
        ("Posted at 5:00 PM, Sunday, Jan 3. A man was shot on Saturday.", ["day:saturday"]),
        ("Updated: Jul 1, 2016 - 12:02 PM A man was shot July 1.", ["date:july 1"]),
        ("Updated 1:41 a.m. Dec 19, 2008 They were outbid on Dec 18.", ["date:december 18"]),
        ("Posted 9:15 p.m. on Sunday. A man was shot on Saturday.", ["day:saturday"]),
        # "a.m." right after a word that is no stamp: the date is the event's
        ("They met at 9 a.m. on March 3 and argued.", ["date:march 3"]),
        # a date of the event, though the sentence speaks of publishing
        ("The photos, published Tuesday, show the attack of July 17.", ["date:july 17"]),
    ],
)
def test_a_pages_date_stamp_is_no_time_claim(sentence, kept):
    labels = [c.label for c in claims_of(sentence) if c.kind == "time"]
    assert [x for x in labels if x.startswith(("date:", "day:"))] == kept
