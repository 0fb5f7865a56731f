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
