"""Days: an article's date and the day its lede dates the happening to."""

import datetime

import pytest

from checker.text.days import calendar_day, day_ordinal, happening_day, past_day

SUNDAY = datetime.date(2016, 7, 3).toordinal()  # 2016-07-03 was a Sunday


@pytest.mark.parametrize(
    ("lede", "day"),
    [
        ("Two men were shot on Friday night in Miami.", SUNDAY - 2),
        ("Two men were shot yesterday in Miami.", SUNDAY - 1),
        ("Two men were shot Sunday in Miami.", SUNDAY),
        ("Two men were shot in Miami.", -1),
    ],
)
def test_the_lede_dates_the_happening_against_the_article_date(lede, day):
    assert happening_day([lede.rstrip(".").split()], SUNDAY, 4) == day


def test_no_article_date_no_day_and_sentences_beyond_the_lede_are_not_read():
    assert happening_day([["shot", "Friday"]], None, 4) == -1
    assert happening_day([["shot"], ["on", "Friday"]], SUNDAY, 1) == -1


def test_day_ordinal_reads_iso_dates_only():
    assert day_ordinal("2016-07-03") == SUNDAY
    assert day_ordinal("2016-07-03T10:00:00") == SUNDAY
    assert day_ordinal(None) is None
    assert day_ordinal("July 3") is None


def _day(y, m, d):
    return datetime.date(y, m, d).toordinal()


@pytest.mark.parametrize(
    ("month", "day", "year", "published", "placed"),
    [
        (7, 1, 0, SUNDAY, _day(2016, 7, 1)),  # no year: the article's
        (12, 30, 0, _day(2017, 1, 2), _day(2016, 12, 30)),  # ... or the nearest one
        (1, 2, 0, _day(2016, 12, 30), _day(2017, 1, 2)),
        (7, 25, 2003, SUNDAY, _day(2003, 7, 25)),  # a year given is kept
        (2, 30, 2016, SUNDAY, None),  # no such day
        (7, 1, 0, None, None),  # no year and no article date: nowhere to put it
    ],
)
def test_calendar_day_places_a_written_date(month, day, year, published, placed):
    assert calendar_day(month, day, year, published) == placed


@pytest.mark.parametrize(
    ("month", "day_", "year", "expected"),
    [
        (11, 22, 0, datetime.date(2015, 11, 22)),  # "the Nov. 22 shootout", told in Oct. 2016
        (10, 14, 0, datetime.date(2016, 10, 14)),  # "Friday (October 14)": this year
        (10, 18, 0, datetime.date(2016, 10, 18)),  # a day after the report's date: slack
        (10, 20, 0, datetime.date(2015, 10, 20)),  # later this year: not yet, so last year
        (11, 22, 2014, datetime.date(2014, 11, 22)),  # a year written is kept
        (12, 5, 2016, None),  # after the report: not what it reports
        (2, 30, 0, None),
    ],
)
def test_past_day(month, day_, year, expected):
    published = datetime.date(2016, 10, 17).toordinal()
    got = past_day(month, day_, year, published)
    assert got == (expected.toordinal() if expected else None)
