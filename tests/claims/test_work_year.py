"""The year of a titled work: one title, one year."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def works(text):
    return [(c.predicate, c.value) for c in claims_of(text) if c.kind == "work_year"]


@pytest.mark.parametrize(
    ("text", "title", "year"),
    [
        ("Page inspired the 2005 film The Notorious Bettie Page.", "notorious bettie page", 2005),
        ("She starred in the 2006 HBO movie, The Notorious Bettie Page.", "notorious bettie page",
         2006),
        ("He wrote the 1998 novel Black Water Rising.", "black water rising", 1998),
    ],
)  # fmt: skip
def test_titled_works_are_read_with_their_year(text, title, year):
    assert works(text) == [(title, year)]


@pytest.mark.parametrize(
    "text",
    [
        "He saw the 2005 film in London.",  # no title
        "In 2005 the film Crash won.",  # the year is not the work's
        "The 2005 film Crash won an Oscar.",  # a one-word title
    ],
)
def test_no_year_without_a_titled_work(text):
    assert works(text) == []


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        ("Page inspired the 2005 film The Notorious Bettie Page.",
         "She was celebrated in the 2006 HBO movie, The Notorious Bettie Page.", "contradiction"),
        ("Page inspired the 2005 film The Notorious Bettie Page.",
         "Mol starred in the 2005 movie The Notorious Bettie Page.", "agreement"),
        ("Page inspired the 2005 film The Notorious Bettie Page.",
         "Mol starred in the 2006 movie Bettie Page Reveals All.", None),  # two works
    ],
)  # fmt: skip
def test_years_of_one_work(a, b, verdict):
    found = [f for f in audit(a, b) if f.slot.startswith("year of")]
    assert [f.verdict for f in found] == ([verdict] if verdict else [])


def test_a_report_giving_both_years_is_no_side():
    found = audit(
        "The 2005 film The Notorious Bettie Page opened. The 2006 film The Notorious Bettie Page"
        " aired on HBO.",
        "Page inspired the 2006 film The Notorious Bettie Page.",
    )
    assert verdicts(found, "contradiction") == []
