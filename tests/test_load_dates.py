"""Article dates from metadata: common formats read, ambiguous ones only with a date order."""

from __future__ import annotations

import pytest

from checker.load.dates import ambiguous, parse_date, unreadable


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("2017-04-05", None, "2017-04-05"),
        ("2017-04-05T23:30:00-05:00", None, "2017-04-05"),  # the date as written, not UTC
        ("5 April 2017", None, "2017-04-05"),
        ("April 5, 2017", None, "2017-04-05"),
        ("Wed, 05 Apr 2017 10:00:00 +0000", None, "2017-04-05"),  # RFC 2822
        ("4/5/2017", "mdy", "2017-04-05"),
        ("4/5/2017", "dmy", "2017-05-04"),
        ("4/5/17", "mdy", "2017-04-05"),
        ("05.04.2017", "dmy", "2017-04-05"),
        ("4/13/2017", None, "2017-04-13"),  # 13 is no month: not ambiguous
        ("13/4/2017", None, "2017-04-13"),
        ("4/4/2017", None, "2017-04-04"),  # either order gives the same day
        ("4/5/2017", None, None),  # April 5 or 4 May: not guessed
        ("April 2017", None, None),  # no day: not invented
        ("2017", None, None),
        ("2017-13-05", None, None),
        ("yesterday", None, None),
        ("", None, None),
        (None, None, None),
        (20170405, None, None),
    ],
)
def test_parse_date(value, order, expected):
    assert parse_date(value, order) == expected


def test_unreadable_means_given_but_not_read():
    assert unreadable("4/5/2017")
    assert not unreadable("4/5/2017", "mdy")
    assert unreadable("soon")
    assert not unreadable("")  # no date is not an unreadable date
    assert not unreadable(None)
    assert unreadable(20170405)  # a JSON number is a date given, not no date


def test_ambiguous_only_when_day_and_month_could_swap():
    assert ambiguous("4/5/2017")
    assert not ambiguous("4/13/2017")
    assert not ambiguous("4/4/2017")
    assert not ambiguous("5 April 2017")
