"""Ordinary values from whatever types callers use: ids of any scalar type become strings,
dates (``datetime``, ``date``, pandas ``Timestamp``, ISO strings) become ``YYYY-MM-DD``, and
``None``/NaN/``NaT`` mean unknown."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import replace

from checker.model import Article


def ordinary(article: Article) -> Article:
    """An Article whose id is a string and whose date is YYYY-MM-DD or None, whatever types
    it was built with (int ids, datetime or pandas Timestamp/NaT dates)."""
    if type(article.id) is str and (article.date is None or type(article.date) is str):
        return article
    return replace(article, id=ident(article.id), date=iso_date(article.date))


def missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def ident(value: object) -> str:
    """``7``, ``7.0``, ``numpy.int64(7)`` and ``"7"`` are all the id "7"."""
    if missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
    return " ".join(str(value).split())


def optional(value: object) -> str | None:
    if missing(value) or isinstance(value, bool):
        return None
    return " ".join(str(value).split()) or None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, datetime, pandas Timestamp or ISO string; else unknown."""
    from checker.load import parse_date

    if missing(value):
        return None
    if isinstance(value, _dt.datetime | _dt.date):  # pandas Timestamp is a datetime
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, str):
        return parse_date(value)
    return None
