"""One sentence, two figures: a magnitude changed between two copies of one sentence."""

import pytest

from tests.test_judge import audit, verdicts

A = "The 5.9-magnitude quake struck Qeshm island, home to 120,000 people, state media said."


@pytest.mark.parametrize(
    ("b", "contradict"),
    [
        ("The 6.1-magnitude quake struck Qeshm island, home to 120,000 people, state media said.",
         True),
        ("A 6.1-magnitude quake struck southern Iran in September near Bandar Abbas.", False),
        ("The 5.9-magnitude quake struck Qeshm island, home to 120,000 people, the agency said.",
         False),  # the same figure
    ],
)  # fmt: skip
def test_only_a_copy_of_the_sentence_with_another_magnitude_contradicts(b, contradict):
    found = [f for f in verdicts(audit(A, b), "contradiction") if "magnitude" in f.slot]
    assert bool(found) == contradict


def test_reports_that_both_give_both_magnitudes_do_not_contradict():
    both = (
        "Tehran's seismologic center said the quake measured magnitude-5.9, but the U.S. "
        "Geological Survey said it was a magnitude-6.1 temblor."
    )
    assert verdicts(audit(both, both), "contradiction") == []
