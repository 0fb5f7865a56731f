"""Article dates from metadata (a CSV column, a JSON field) as YYYY-MM-DD.

ISO dates and datetimes, "5 April 2017", RFC 2822 ("Wed, 05 Apr 2017 10:00:00 +0000") and
numeric dates such as 4/5/2017. A numeric date whose day and month could be swapped is read
only with a date order (``--date-order mdy|dmy``): a wrong guess would move the article by
months and split its event. A date that cannot be read is not an error (the article still
loads), but the load stage counts and reports it, so no date is dropped in silence.
"""

from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as dateutil_parser

# 4/5/2017, 04.05.17, 4-5-2017, optionally followed by a time
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T]\S.*)?")
# Two different defaults: a part the text does not give differs between the two parses.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def parse_date(value: object, order: str | None = None) -> str | None:
    """YYYY-MM-DD, or None when there is no date or it cannot be read (see ``unreadable``)."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = _numeric(text, order) if _NUMERIC.fullmatch(text) else _words(text)
    if parsed is None:
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"


def unreadable(value: object, order: str | None = None) -> bool:
    """A date was given (a JSON number or list counts) but cannot be read: worth a note,
    never a silent loss. No date at all (missing, null, empty) is not unreadable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False
    return parse_date(value, order) is None


def ambiguous(value: str) -> bool:
    """4/5/2017: April 5 or 4 May? Only a date order can say."""
    match = _NUMERIC.fullmatch(value.strip())
    if not match:
        return False
    first, second = int(match.group(1)), int(match.group(2))
    return first != second and first <= 12 and second <= 12


def _numeric(text: str, order: str | None) -> datetime | None:
    if order is None and ambiguous(text):
        return None
    first = int(_NUMERIC.fullmatch(text).group(1))
    dayfirst = order == "dmy" if order else first > 12
    return _words(text, dayfirst)


def _words(text: str, dayfirst: bool = False) -> datetime | None:
    """dateutil, and only when the text gives a year, a month and a day."""
    results = []
    for default in _DEFAULTS:
        try:
            parsed = dateutil_parser.parse(text, default=default, dayfirst=dayfirst)
        except (ValueError, OverflowError, TypeError):
            return None
        results.append((parsed.year, parsed.month, parsed.day))
    if results[0] != results[1]:
        return None  # "April 2017": no day given, and inventing one would mislead
    return dateutil_parser.parse(text, default=_DEFAULTS[0], dayfirst=dayfirst)
