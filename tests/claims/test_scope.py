"""Scope notes: partial counts, background, counting conventions."""

import pytest

from tests.helpers import quantities


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("Official victim count: 49 shooting victims plus suspect.", "excludes_perpetrator"),
        ("In February, a quake killed 612 people in the town of Zarand.", "background"),
        ("One boy was pronounced dead at the scene.", "partial"),
    ],
)
def test_counting_notes(sentence, note):
    got = quantities(sentence)
    assert got and note in got[0].notes
