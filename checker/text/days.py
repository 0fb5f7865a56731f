"""Days as ordinals: an article's date, and the day its lede dates the main happening to.

Grouping (two reports of one happening tell of one day) and judging (two reports' figures are
compared only when their ledes do not date their happenings to different days) read days
the same way, here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from checker.text.dates import WEEKDAY_INDEX, parse_iso

RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": 1}


def day_ordinal(value: str | None) -> int | None:
    """The ordinal of an ISO date (``YYYY-MM-DD...``), None when there is none."""
    day = parse_iso(value)
    return day.toordinal() if day else None


def happening_day(sentences: Sequence[Sequence[str]], published: int | None, read: int) -> int:
    """The day the main happening took place, from the first weekday ("on Sunday") or relative
    day ("yesterday") in the first ``read`` sentences (their words), resolved against the
    article's date (the latest such day on or before it); -1 when unknown."""
    if published is None or published < 0:
        return -1
    for words in sentences[:read]:
        for word in words:
            low = word.lower()
            if low in WEEKDAY_INDEX:
                # date.weekday(): Monday is 0; ordinal 1 (0001-01-01) was a Monday
                return published - (published - 1 - WEEKDAY_INDEX[low]) % 7
            if low in RELATIVE_DAYS:
                return published - RELATIVE_DAYS[low]
    return -1


def calendar_day(month: int, day: int, year: int, published: int | None) -> int | None:
    """The ordinal of a date a report writes ('March 23'); without a year, in the year that puts
    it nearest the article's date. None when it cannot be placed."""
    if year:
        return _ordinal(year, month, day)
    if published is None or published < 0:
        return None
    around = dt.date.fromordinal(published).year
    days = [_ordinal(y, month, day) for y in (around - 1, around, around + 1)]
    placed = [d for d in days if d is not None]
    return min(placed, key=lambda d: abs(d - published)) if placed else None


def past_day(month: int, day: int, year: int, published: int | None, slack: int = 1) -> int | None:
    """The ordinal of a date a report writes of something that has happened ("the Nov. 22
    shootout"): without a year, the latest such day no later than ``slack`` days after the
    article's date. None when it cannot be placed or falls after that."""
    if year:
        found = _ordinal(year, month, day)
        ok = found is not None and (published is None or found <= published + slack)
        return found if ok else None
    if published is None or published < 0:
        return None
    around = dt.date.fromordinal(published).year
    days = [_ordinal(y, month, day) for y in (around - 1, around)]
    placed = [d for d in days if d is not None and d <= published + slack]
    return max(placed) if placed else None


def _ordinal(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).toordinal()
    except ValueError:
        return None  # February 30
