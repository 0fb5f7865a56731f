"""Absences: "no casualties", "no one was hurt"."""

import pytest

from tests.helpers import claims_of


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Preliminary reports confirm no casualties or structural damage.", "killed,injured"),
        ("Power supply interruptions were recorded, though no injuries were reported.", "injured"),
        (
            "The Belgorod incident, though not resulting in casualties, raised concerns.",
            "killed,injured",
        ),
        ("No one was hurt, police said.", "injured"),
    ],
)
def test_absence_claims(sentence, label):
    labels = {c.predicate for c in claims_of(sentence) if c.kind == "absence"}
    assert label in labels
