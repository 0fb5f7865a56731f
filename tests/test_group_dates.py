"""Dates for grouping (checker/group/dates.py): datelines in the text, the day of the main
happening, the factors they give a pair."""

from __future__ import annotations

import dataclasses
import datetime

import numpy as np
import pytest

from checker.group.dates import (
    Told,
    article_date,
    day_factors,
    event_day,
    text_date,
    told_days,
    told_gap_factors,
)
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


PUBLISHED = day(2015, 10, 26)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deputies arrested two men in the Sept. 13 shooting outside Cloud 9.", {day(2015, 9, 13)}),
        ("Elijah Jackson was killed during the shootout July 24th, 2015.", {day(2015, 7, 24)}),
        ("The suspect, arrested on 13 September, was held.", {day(2015, 9, 13)}),
        ("A trial is set for Dec. 5, 2015.", set()),  # after the report's date: not reported
        ("They pleaded guilty in the Nov. 22 shootout.", {day(2014, 11, 22)}),  # the last one
        ("He was shot on Dec. 30, 2014 and died.", {day(2014, 12, 30)}),  # a year is kept
        ("Police say the shooting happened Saturday night.", set()),  # a weekday: no calendar day
        ("ReMarks by the chief came later.", set()),  # a month's letters inside a word
        ("Officials may release the names.", set()),  # 'may' with no day is no date
    ],
)
def test_told_days(text, expected):
    assert told_days(text, PUBLISHED, DEFAULT) == expected


def test_told_days_only_in_the_first_characters_and_can_be_switched_off():
    late = "x " * DEFAULT.group_told_chars + "in the Sept. 13 shooting"
    assert told_days(late, PUBLISHED, DEFAULT) == frozenset()
    off = dataclasses.replace(DEFAULT, group_told_dates=False)
    assert told_days("in the Sept. 13 shooting", PUBLISHED, off) == frozenset()


def test_written_days_bring_a_follow_up_near_its_shooting():
    """The arrest six weeks later names the day of the shooting: the pair's date factor is 1.
    Another shooting's report that names no such day keeps its factor."""
    dates = np.asarray([day(2015, 9, 13), PUBLISHED, PUBLISHED], dtype=np.int64)
    told = [frozenset(), frozenset({day(2015, 9, 13)}), frozenset({day(2015, 10, 20)})]
    i, j = np.asarray([0, 0]), np.asarray([1, 2])
    start = np.asarray([0.5, 0.5])
    got = told_gap_factors(i, j, Told.of(told, dates), DEFAULT, start)
    assert got.tolist() == [1.0, 0.5]
    undated = np.asarray([-1, PUBLISHED, PUBLISHED], dtype=np.int64)  # no day at all: as it was
    got = told_gap_factors(i, j, Told.of([frozenset(), *told[1:]], undated), DEFAULT, start)
    assert got.tolist() == [0.5, 0.5]
    near = [frozenset(), frozenset({day(2015, 9, 14)}), frozenset({day(2015, 9, 16)})]
    got = told_gap_factors(i, j, Told.of(near, dates), DEFAULT, start)  # a day apart at most
    assert got.tolist() == [1.0, 0.5]
