"""The one date reader: months full and abbreviated, weekdays, years, clock times."""

import pytest

from checker.lexicons import lexicon
from checker.text.dates import is_date_word, is_year, parse_iso, read_dates
from checker.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "label", "year"),
    [
        ("the Nov. 3 shooting", "date:november 3", 0),
        ("on July 17, 2016, police said", "date:july 17", 2016),
        ("on 5 April 2017", "date:april 5", 2017),
        ("Sept. 11", "date:september 11", 0),
        ("two men were killed Sunday", "day:sunday", 0),
        ("between 21:00 and 07:50", "21:00-07:50", 0),
        ("In 2008 a quake struck", "year:2008", 2008),
    ],
)
def test_dates_read(text, label, year):
    (found,) = read_dates(tokenize(text), lexicon().ambiguous_months)
    assert (found.label, found.year) == (label, year)


@pytest.mark.parametrize(
    "text",
    ["They may 3 times a day", "He will march on", "the 6500 block", "1200 people"],
)
def test_not_dates(text):
    assert read_dates(tokenize(text), lexicon().ambiguous_months) == []


def test_date_words_are_never_names_or_places():
    assert all(is_date_word(w) for w in ("nov", "november", "sunday", "tues"))
    assert not is_date_word("kaluga")


def test_one_year_range():
    assert is_year("2016") and is_year("1850")
    assert not is_year("2500") and not is_year("6500")


def test_article_dates():
    assert parse_iso("2016-07-17T10:00:00").isoformat() == "2016-07-17"
    assert parse_iso("17/07/2016") is None and parse_iso(None) is None
