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


def _death_places(*texts):
    from tests.test_judge import audit, verdicts

    return verdicts(audit(*texts), "contradiction", "death place")


def test_one_death_at_the_scene_and_on_the_way_to_hospital_contradict():
    (f,) = _death_places(
        "One person was killed. The woman died at the scene, police said.",
        "One person was killed. The victim died on the way to the hospital.",
    )
    assert {c.quote for c in f.claims} == {
        "died at the scene",
        "died on the way to the hospital",
    }


@pytest.mark.parametrize(
    "texts",
    [
        (  # two deaths: one may have died at the scene, the other later
            "Two people were killed. One died at the scene.",
            "Two people were killed. A man died on the way to the hospital.",
        ),
        (  # a report that gives both places tells of two people
            "One person was killed. He died at the scene.",
            "One person was killed. He died at the scene. A woman later died at the hospital.",
        ),
        (  # no toll stated
            "The woman died at the scene.",
            "The victim died on the way to the hospital.",
        ),
    ],
)
def test_no_death_place_contradiction_without_one_death_in_one_place(texts):
    assert _death_places(*texts) == []


def _conditions(*texts, dates=None):
    from tests.test_judge import audit, verdicts

    return verdicts(audit(*texts, dates=dates), "contradiction", "condition")


RELEASED = "Police said the wounded were all treated and released from hospitals."
CRITICAL = "A friend said one victim is still in critical condition."


def test_all_released_and_still_critical_the_same_day_contradict():
    (f,) = _conditions(RELEASED, CRITICAL, dates={0: "2016-10-31", 1: "2016-10-31"})
    assert {c.slot.predicate for c in f.claims} == {"all_released", "critical"}


@pytest.mark.parametrize(
    ("texts", "dates"),
    [
        ((RELEASED, CRITICAL), {0: "2016-11-02", 1: "2016-10-31"}),  # critical, then released
        ((RELEASED + " One was in critical condition at first.", CRITICAL), None),  # says both
        ((CRITICAL, "Two victims were released from the hospital."), None),  # not all
    ],
)
def test_no_condition_contradiction_for_updates_or_parts(texts, dates):
    assert _conditions(*texts, dates=dates) == []
