"""Consequences stated without figures: what must be read, and what must not."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def facts(text):
    return [(c.unit, c.predicate) for c in claims_of(text) if c.kind == "fact"]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Moscow's airports were closed for several hours.", ("airport", "closed")),
        ("Flights were diverted to Kazan.", ("flight", "diverted")),
        ("A fire broke out in an administrative building.", ("building", "fire")),
        ("The power supply was temporarily disrupted.", ("power_outage", "power_outage")),
    ],
)
def test_facts_read(text, fact):
    assert fact in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police said shots were fired in the parking lot.",  # gunfire is no building fire
        "Crews restored the power supply by morning.",  # restored power is no outage
        "The demolition crew completed the destruction of 40 homes.",  # homes are not 'downed'
    ],
)
def test_not_these_facts(text):
    assert not [f for f in facts(text) if f[1] in ("fire", "power_outage", "downed")]


def test_two_reports_stating_one_consequence_agree():
    found = audit("Moscow's airports were closed.", "Airports in Moscow were closed overnight.")
    assert verdicts(found, "agreement", "fact")
