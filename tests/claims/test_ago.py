"""How long before: spans of one happening, counted back from the day a report was written."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def spans(text):
    return [(c.quote, c.low, c.high) for c in claims_of(text) if c.kind == "ago"]


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("Page suffered a heart attack nine days earlier.", "nine days earlier", 8.5, 9.5),
        ("She had a heart attack almost three weeks ago.", "almost three weeks ago", 14, 21),
        (
            "The gun was stolen more than 20 years ago.",
            "more than 20 years ago",
            7305,
            float("inf"),
        ),
    ],
)
def test_spans_are_read_as_intervals_of_days(text, quote, low, high):
    assert (quote, low, high) in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was in hospital for the past three weeks.",  # a stay, not a span before
        "Nine days earlier.",  # no happening named
        "He was hospitalized three weeks after the crash.",
    ],
)
def test_no_span_without_ago_and_a_happening(text):
    assert spans(text) == []


A = "Page suffered a heart attack nine days earlier and never woke."
B = "Page died of a heart attack she suffered almost three weeks ago."


def test_two_spans_of_one_happening_contradict():
    assert len(verdicts(audit(A, B), "contradiction")) == 1


@pytest.mark.parametrize(
    ("a", "b", "dates"),
    [
        (A, "She was hospitalized for pneumonia three weeks ago.", None),  # another happening
        (A, B, {0: "2008-12-12"}),  # one report dated, one not
        ("Police said the man was shot two days ago outside a bar.",
         "Police said the man was shot nine days ago outside a bar.",
         {0: "2016-05-03", 1: "2016-05-10"}),  # written a week apart: one day
    ],
)  # fmt: skip
def test_spans_that_never_contradict(a, b, dates):
    found = [f for f in audit(a, b, dates=dates) if f.slot == "how long before"]
    assert verdicts(found, "contradiction") == []
