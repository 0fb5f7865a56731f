"""Framing markers."""

import pytest

from tests.helpers import claims_of


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Eyewitnesses reported the sound of anti-aircraft fire echoing across the city.",
            "witness",
        ),
        (
            "Analysts suggest that these operations may be part of a broader strategy.",
            "speculation",
        ),
        (
            "This unprecedented measure disrupted travel plans for thousands of passengers.",
            "intensifier",
        ),
        ("The governor called the incident a stark reminder of modern warfare.", "evaluative"),
    ],
)
def test_framing_markers(sentence, kind):
    assert kind in {c.label for c in claims_of(sentence) if c.kind == "marker"}


def test_news_boilerplate_is_not_speculation():
    text = "Anyone who may have information on this incident should contact the Sheriff."
    assert "speculation" not in {c.label for c in claims_of(text) if c.kind == "marker"}
