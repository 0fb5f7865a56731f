"""Article dates from metadata (a CSV column, a JSON field) as YYYY-MM-DD."""

from __future__ import annotations

from datetime import datetime


def parse_date(value: object) -> str | None:
    """YYYY-MM-DD from a date or ISO datetime; anything else is unknown, not an error."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"
