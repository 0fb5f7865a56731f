"""Dates for grouping (checker/group/dates.py): datelines in the text, the day of the main
happening, the factors they give a pair."""

from __future__ import annotations

import dataclasses
import datetime

import numpy as np
import pytest

from checker.group.dates import article_date, day_factors, event_day, text_date
from checker.settings import DEFAULT


def day(y: int, m: int, d: int) -> int:
    return datetime.date(y, m, d).toordinal()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted: Nov 27, 2005 8:20 AM ET  An earthquake", day(2005, 11, 27)),
        ("27 NOVEMBER, 2005  Did the earth move for you?", day(2005, 11, 27)),
        ("Tuesday, 16 December 2008 13:45.  The Boston Red Sox", day(2008, 12, 16)),
        ("December 22, 2008 8:55 am  The Angels", day(2008, 12, 22)),
        ("Posted: Nov. 3, 2016  A man was shot", day(2016, 11, 3)),
        ("Voters went to the polls on Sunday.", None),  # no year: no date
        ("In 1999 the plant opened.", None),  # a year alone is no date
        ("Feb 30, 2010 is not a day", None),
    ],
)
def test_text_date(text, expected):
    assert text_date(text, DEFAULT) == expected


def test_dateline_only_near_the_start():
    text = "x" * DEFAULT.group_dateline_chars + " March 3, 2009"
    assert text_date(text, DEFAULT) is None


def test_metadata_date_comes_first_and_text_dates_can_be_switched_off():
    on = dataclasses.replace(DEFAULT, group_text_dates=True)
    off = dataclasses.replace(DEFAULT, group_text_dates=False)
    assert article_date("2016-01-05", "March 3, 2009: ...", on) == day(2016, 1, 5)
    assert article_date(None, "March 3, 2009: ...", on) == day(2009, 3, 3)
    assert article_date(None, "March 3, 2009: ...", off) is None


def test_event_day_from_weekday_and_relative_words():
    sunday = day(2016, 11, 6)
    assert event_day([["shot", "Saturday", "night"]], sunday, DEFAULT) == day(2016, 11, 5)
    assert event_day([["early", "Sunday"]], sunday, DEFAULT) == sunday
    assert event_day([["a", "man", "died", "yesterday"]], sunday, DEFAULT) == day(2016, 11, 5)
    assert event_day([["Monday", "evening"]], sunday, DEFAULT) == day(2016, 10, 31)
    assert event_day([["no", "day"], ["here"]], sunday, DEFAULT) == -1
    assert event_day([["on", "Sunday"]], None, DEFAULT) == -1
    late = [["title"], ["lede"], ["on", "Friday"]]  # beyond group_day_sentences
    assert event_day(late, sunday, DEFAULT) == -1


def test_day_factors_only_for_days_apart():
    s = dataclasses.replace(DEFAULT, group_day_penalty=0.3, group_day_tolerance=1)
    da = np.asarray([10, 10, 10, -1])
    db = np.asarray([11, 12, 30, 30])
    assert day_factors(da, db, s).tolist() == [1.0, 0.3, 0.3, 1.0]
