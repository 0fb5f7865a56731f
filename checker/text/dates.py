"""Dates and times written in text: months (full and abbreviated), weekdays, years, clock times.

The one date reader of the checker: extraction (time claims, background years), grouping (dates
and years as evidence) and judging (weekday gaps) all call it, so "Nov. 3" is a date everywhere
and never a place or a name.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.text.tokens import Tok, digit_positions, low_at, lows_of, positions

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Month name or abbreviation (and "sept") -> month number.
MONTHS: dict[str, int] = {m: k for k, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: k for k, m in enumerate(MONTH_NAMES, start=1)}, sept=9)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_INDEX = {d: k for k, d in enumerate(WEEKDAYS)}
WEEKDAY_ABBREVIATIONS = {d[:3]: d for d in WEEKDAYS} | {"tues": "tuesday", "thurs": "thursday"}
# Years a news text writes as a year: a four-digit number in this range is a date, not a count.
YEAR_FIRST, YEAR_LAST = 1800, 2100
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_MERIDIEM = {"a.m.": "am", "am": "am", "p.m.": "pm", "pm": "pm"}


# Every word a date mention can start with ('Nov', 'tues'); the rest start with a digit.
DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAY_INDEX) | frozenset(WEEKDAY_ABBREVIATIONS)


def is_year(low: str) -> bool:
    return len(low) == 4 and low.isdecimal() and YEAR_FIRST <= int(low) <= YEAR_LAST


def month_of(low: str) -> int | None:
    return MONTHS.get(low.rstrip("."))


def is_date_word(low: str) -> bool:
    """Month and weekday names and abbreviations: never a place, a name or a counted noun."""
    return low in MONTHS or low in WEEKDAY_INDEX or low in WEEKDAY_ABBREVIATIONS


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date, a weekday or a clock time at tokens [first, last)."""

    first: int
    last: int
    kind: str  # "date", "day", "clock", "year"
    month: int = 0
    day: int = 0
    year: int = 0
    weekday: str = ""
    clock: str = ""  # "21:00", "21:00-07:50"

    @property
    def label(self) -> str:
        """The normalised expression, as time claims and explanations show it."""
        if self.kind == "date":  # the year, when given, is in ``year``
            return f"date:{MONTH_NAMES[self.month - 1]} {self.day}"
        if self.kind == "day":
            return f"day:{self.weekday}"
        if self.kind == "year":
            return f"year:{self.year}"
        return self.clock


def read_dates(toks: Sequence[Tok], ambiguous: frozenset[str]) -> list[DateMention]:
    """Every date, weekday, year and clock time of a sentence, left to right. Every mention
    starts at a month or weekday word or at a token that starts with a digit, so the others
    are skipped without trying the four readers (most sentences have none at all).
    ``ambiguous``: month abbreviations that are also words (the lexicon's), months only when
    capitalised."""
    found: list[DateMention] = []
    lows = lows_of(toks)
    if DATE_WORDS.isdisjoint(lows) and not any(
        lows[k][:1].isdecimal() for k in digit_positions(toks)
    ):
        return found
    free = 0
    starts = {k for k in digit_positions(toks) if lows[k][:1].isdecimal()}
    starts.update(positions(toks, DATE_WORDS))
    for i in sorted(starts):
        if i < free:
            continue
        mention = (
            _date_at(toks, i, ambiguous)
            or _clock_at(toks, i)
            or _day_at(toks, i)
            or _year_at(toks, i)
        )
        if mention:
            found.append(mention)
            free = mention.last
    return found


def _month_at(toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """(month, index after the month and its abbreviation dot) or None."""
    month = MONTHS.get(toks[i].low)
    if not month:
        return None
    end = i + 1
    if low_at(toks, end) == "." and len(toks[i].low) <= 4:
        end += 1
    return month, end


def _day_number(toks: Sequence[Tok], i: int) -> int:
    low = low_at(toks, i)
    digits = low[:-2] if low.endswith(("st", "nd", "rd", "th")) else low
    return int(digits) if digits.isdecimal() and 1 <= int(digits) <= 31 else 0


def _date_at(toks: Sequence[Tok], i: int, ambiguous: frozenset[str]) -> DateMention | None:
    """'July 17', 'Nov. 3, 2016', '17 July 2016'."""
    month = _month_at(toks, i)
    if month and (toks[i].capitalised or toks[i].low not in ambiguous):
        number, end = month
        day = _day_number(toks, end)
        if day:
            year, last = _year_after(toks, end + 1)
            return DateMention(i, last, "date", number, day, year)
        return None
    day = _day_number(toks, i)
    month = _month_at(toks, i + 1) if day and i + 1 < len(toks) else None
    if month and toks[i + 1].capitalised:
        year, last = _year_after(toks, month[1])
        return DateMention(i, last, "date", month[0], day, year)
    return None


def _year_after(toks: Sequence[Tok], j: int) -> tuple[int, int]:
    if low_at(toks, j) == "," and is_year(low_at(toks, j + 1)):
        return int(toks[j + 1].low), j + 2
    if is_year(low_at(toks, j)):
        return int(toks[j].low), j + 1
    return 0, j


def _clock_at(toks: Sequence[Tok], i: int) -> DateMention | None:
    """'21:00', 'between 21:00 and 07:50', '9:30 p.m.'."""
    if not _CLOCK.match(toks[i].low):
        return None
    last, label = i + 1, toks[i].low
    if low_at(toks, i + 1) in ("and", "to", "-", "–") and _CLOCK.match(low_at(toks, i + 2)):
        last, label = i + 3, f"{label}-{toks[i + 2].low}"
    return DateMention(i, last, "clock", clock=label)


def _day_at(toks: Sequence[Tok], i: int) -> DateMention | None:
    low = toks[i].low
    if low in WEEKDAY_INDEX:
        return DateMention(i, i + 1, "day", weekday=low)
    if low in WEEKDAY_ABBREVIATIONS and toks[i].capitalised and low_at(toks, i + 1) == ".":
        return DateMention(i, i + 2, "day", weekday=WEEKDAY_ABBREVIATIONS[low])
    return None


def _year_at(toks: Sequence[Tok], i: int) -> DateMention | None:
    if is_year(toks[i].low) and low_at(toks, i + 1) not in ("-", "–", "block", "of"):
        return DateMention(i, i + 1, "year", year=int(toks[i].low))
    return None


def parse_iso(value: object) -> dt.date | None:
    """An article's ``YYYY-MM-DD`` date (a time after it is ignored), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def fractional_year(value: object) -> float:
    """2016.55 for mid-July 2016; 0.0 when unknown (used to allow for birthdays)."""
    day = parse_iso(value)
    return day.year + day.timetuple().tm_yday / 366 if day else 0.0


@dataclass(frozen=True, slots=True)
class ClockTime:
    """One moment of a day at tokens [first, last): '17:06 hours local time', '6:15 p.m.',
    '1336 GMT', 'about 6 p.m.'."""

    first: int
    last: int
    minutes: int  # since midnight, 0-1439
    zone: str  # "" (as the report writes it: local), or a zone the words name ("gmt", "est")
    rounded: bool  # a whole hour ('6 p.m.') or hedged ('about 6:15'): not to the minute
    bare: bool = False  # '6:30' with no a.m./p.m. or zone: 6:30 or 18:30


def read_clocks(toks: Sequence[Tok], zones, hedges: frozenset[str]) -> list[ClockTime]:
    """The clock times of a sentence. A time into a round ('2:15 of the second', 'the 2:15
    mark') and a span ('between 21:00 and 07:50') are no moment of the day."""
    found, free = [], 0
    lows = lows_of(toks)
    for i in digit_positions(toks):
        if i < free or not lows[i][:1].isdecimal():  # every moment starts with a number
            continue
        clock = _moment_at(toks, i, zones, hedges)
        if clock:
            found.append(clock)
            free = clock.last
    return found


def _moment_at(toks, i: int, zones, hedges) -> ClockTime | None:
    hm = _hours_minutes(toks, i, zones)
    if hm is None or low_at(toks, i - 1) in ("the", "-", "–", "and", "between", "from"):
        return None
    hours, minutes, j = hm
    meridiem, j = _meridiem_at(toks, j)
    if meridiem is None and minutes < 0:
        return None  # '6' alone is no time
    if meridiem == "pm" and hours < 12:
        hours += 12
    elif meridiem == "am" and hours == 12:
        hours = 0
    if low_at(toks, j) == "hours":
        j += 1
    n, zone = zones.match(toks, j) if j < len(toks) else (0, None)
    if low_at(toks, j) in ("of", "into", "mark", "remaining", "left"):
        return None
    if low_at(toks, j) in ("to", "and", "-", "–") and low_at(toks, j + 1)[:1].isdigit():
        return None  # a span: '9 a.m. to 5 p.m.'
    if not (0 <= hours < 24 and 0 <= max(minutes, 0) < 60):
        return None
    rounded = minutes <= 0 or low_at(toks, i - 1) in hedges
    bare = meridiem is None and not zone and hours <= 12 and low_at(toks, i + 1) != "hours"
    return ClockTime(i, j + n, hours * 60 + max(minutes, 0), zone or "", rounded, bare)


def _hours_minutes(toks, i: int, zones) -> tuple[int, int, int] | None:
    """'17:06' -> (17, 6), '6' before a.m./p.m. -> (6, -1), '1336' before GMT -> (13, 36)."""
    low = toks[i].low
    clock = _CLOCK.match(low)
    if clock:
        return int(clock.group(1)), int(clock.group(2)), i + 1
    if low.isdecimal() and len(low) <= 2 and 1 <= int(low) <= 12:
        return int(low), -1, i + 1
    if low.isdecimal() and len(low) == 4 and i + 1 < len(toks) and zones.match(toks, i + 1)[0]:
        return int(low[:2]), int(low[2:]), i + 1
    return None


def _meridiem_at(toks, j: int) -> tuple[str | None, int]:
    """'pm', 'p.m.', 'p.m' -> ('pm', index after)."""
    low = low_at(toks, j)
    if low in _MERIDIEM:
        return _MERIDIEM[low], j + 1
    if low in ("a", "p") and low_at(toks, j + 1) == "." and low_at(toks, j + 2) == "m":
        end = j + 3
        if low_at(toks, end) == "." and toks[end - 1].end == toks[end].start:
            end += 1
        return low + "m", end
    return None, j


@dataclass(frozen=True, slots=True)
class Elapsed:
    """A time into a round or period at tokens [first, last): '44 seconds into the seventh
    round', 'at the 2:15 mark', '2:56 of the sixth'."""

    first: int
    last: int
    seconds: int
    period: int = 0  # the round or period by its number, 0 when the words do not say


def read_elapsed(toks: Sequence[Tok], words: dict) -> list[Elapsed]:
    """Times into a round: ``words`` holds 'units' (second -> 1), 'ordinals' (seventh -> 7)
    and 'periods' (round, quarter). A bare 'at 2:56' counts only where ``words['bare']``."""
    found, i = [], 0
    lows = lows_of(toks)
    if "into" not in lows and not any(low[:1].isdecimal() for low in lows):
        return found  # neither a clock time nor a count 'into' a round
    while i < len(toks):
        got = _elapsed_clock(toks, i, words) or _elapsed_count(toks, i, words)
        if got:
            found.append(got)
            i = got.last
        else:
            i += 1
    return found


def _elapsed_clock(toks, i: int, words) -> Elapsed | None:
    clock = _CLOCK.match(toks[i].low)
    if not clock or int(clock.group(1)) > 20 or int(clock.group(2)) >= 60:
        return None
    seconds = int(clock.group(1)) * 60 + int(clock.group(2))
    if low_at(toks, i - 1) == "the" and low_at(toks, i + 1) == "mark":
        return Elapsed(i, i + 2, seconds)
    if low_at(toks, i + 1) in ("of", "into"):
        period, last = _period_after(toks, i + 2, words)
        if period:
            return Elapsed(i, last, seconds, period)
    if words.get("bare") and low_at(toks, i - 1) == "at" and not _meridiem_at(toks, i + 1)[0]:
        return Elapsed(i, i + 1, seconds)
    return None


def _elapsed_count(toks, i: int, words) -> Elapsed | None:
    """'44 seconds into the seventh round', 'two minutes into the fight'."""
    low = toks[i].low
    number = int(low) if low.isdecimal() and len(low) <= 3 else words["numbers"].get(low)
    unit = words["units"].get(low_at(toks, i + 1))
    if not number or not unit or low_at(toks, i + 2) != "into":
        return None
    period, last = _period_after(toks, i + 3, words)
    if not period and low_at(toks, i + 3) == "the" and low_at(toks, i + 4) in words["periods"]:
        last = i + 5  # 'into the fight': the round is not said
    elif not period:
        return None
    return Elapsed(i, last, number * unit, period)


def _period_after(toks, j: int, words) -> tuple[int, int]:
    """'the seventh round', 'the 7th', 'round 7' -> (7, index after) or (0, j)."""
    if low_at(toks, j) == "the":
        j += 1
    low = low_at(toks, j)
    digits = low[:-2] if low[-2:] in ("st", "nd", "rd", "th") else ""
    number = words["ordinals"].get(low) or (int(digits) if digits.isdecimal() else 0)
    if not number:
        return 0, j
    end = j + 1
    if low_at(toks, end) in words["periods"]:
        end += 1
    return number, end


@dataclass(frozen=True, slots=True)
class Ago:
    """How long before: 'nine days earlier', 'almost three weeks ago', at tokens [first, last),
    as an interval of days (a count of weeks is rounded to the week)."""

    first: int
    last: int
    low: float
    high: float


def read_ago(toks: Sequence[Tok], words: dict, qualifier) -> list[Ago]:
    """``words``: 'units' (weeks -> 7 days), 'relations' (ago, earlier), 'numbers' (nine -> 9).
    ``qualifier(toks, i)`` -> (first, how) reads 'almost', 'more than' before the number."""
    found: list[Ago] = []
    if words["relations"].isdisjoint(lows_of(toks)):
        return found  # no 'ago', 'earlier': most sentences
    for i, tok in enumerate(toks):
        number = words["numbers"].get(tok.low) if tok.is_word else None
        if tok.is_digits and len(tok.low) <= 3:
            number = int(tok.low)
        unit = words["units"].get(low_at(toks, i + 1))
        if not number or not unit or low_at(toks, i + 2) not in words["relations"]:
            continue
        first, how = qualifier(toks, i)
        low, high = _ago_interval(number, unit, how)
        found.append(Ago(first, i + 3, low, high))
    return found


def _ago_interval(number: float, unit: float, how: str) -> tuple[float, float]:
    """'nine days' is 8.5-9.5 days, 'almost three weeks' 14-21, 'more than a week' 7 up."""
    if how == "near":
        return (number - 1) * unit, number * unit
    if how in ("gt", "ge"):
        return number * unit, math.inf
    if how in ("le", "lt"):
        return 0.0, number * unit
    spread = unit * (1.0 if how == "approx" else 0.5)
    return number * unit - spread, number * unit + spread
