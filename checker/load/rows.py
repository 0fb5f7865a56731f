"""Rows of JSONL and CSV files, each row one article."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from checker.errors import InputError
from checker.load.clean import blank, normalise, one_line
from checker.load.dates import parse_date
from checker.load.files import check_length, why
from checker.load.problems import Item, Problems
from checker.model import Article
from checker.settings import Settings

_ROW_HINT = "each row needs an 'id' and a 'text'; 'title', 'date', 'source', 'url' are optional"
_COLUMN_HINT = "name the columns id and text; title, date, source and url are optional"
_JSON = json.JSONDecoder(strict=False)  # raw tabs inside strings are common; text is cleaned later


_Row = tuple[int, "dict[str, object] | InputError"]


def row_items(
    path: str, rows: Iterator[_Row], settings: Settings, problems: Problems
) -> list[Item]:
    items = []
    seen_any = False
    for line, row in rows:
        seen_any = True
        try:
            if isinstance(row, InputError):
                raise row
            items.append(Item(_row_article(row, path, line, settings), f"{path} line {line}"))
        except InputError as error:
            problems.add_row(error)
    problems.summarise_rows(path)
    if not seen_any:
        problems.add(InputError(path, "no rows", _ROW_HINT))
    return items


def jsonl_rows(path: str, text: str) -> Iterator[_Row]:
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            yield number, _json_object(path, number, line)


def _json_object(path: str, number: int, line: str) -> dict[str, object] | InputError:
    try:
        value = _JSON.decode(line)
    except json.JSONDecodeError as error:
        reason = f"line {number}: not valid JSON ({error.msg}, column {error.colno})"
        return InputError(path, reason, "each line must be one JSON object")
    except (ValueError, RecursionError) as error:
        reason = f"line {number}: not valid JSON ({why(error)})"
        return InputError(path, reason, "each line must be one JSON object")
    if not isinstance(value, dict):
        reason = f"line {number}: expected a JSON object, got {_type_name(value)}"
        return InputError(path, reason, "each line must be one JSON object")
    return value


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """csv's 128 kB default would cut long articles; our own limit gives the clear message."""
    previous = csv.field_size_limit(max(limit, csv.field_size_limit()))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def csv_rows(path: str, text: str, settings: Settings) -> Iterator[_Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    limit = max(settings.max_article_chars, settings.max_file_bytes) + 1
    with _csv_field_limit(limit):
        try:
            columns = _csv_columns(path, next(reader, []))
        except csv.Error as error:
            raise InputError(path, f"malformed CSV header ({error})", _ROW_HINT) from None
        yield from _csv_records(path, reader, columns)


def _csv_columns(path: str, header: list[str]) -> dict[str, int]:
    names = [name.strip() for name in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        columns.setdefault(name.lower(), index)  # the first of two same-named columns wins
    missing = [name for name in ("id", "text") if name not in columns]
    if missing:
        found = ", ".join(repr(name) for name in names if name) or "none"
        wanted = " or ".join(repr(name) for name in missing)
        reason = f"CSV has no {wanted} column (columns found: {found})"
        raise InputError(path, reason, _COLUMN_HINT)
    return columns


def _csv_records(path: str, reader: Any, columns: dict[str, int]) -> Iterator[_Row]:
    while True:
        line = reader.line_num + 1  # where the record starts, for messages
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, InputError(path, f"line {line}: malformed CSV ({error})", _ROW_HINT)
            return
        if any(cell.strip() for cell in cells):
            yield line, {name: cells[i] for name, i in columns.items() if i < len(cells)}


def _row_article(row: dict[str, object], path: str, line: int, settings: Settings) -> Article:
    where = f"line {line}: "
    ident = _row_id(row, path, where)
    text = row.get("text")
    if not isinstance(text, str):
        state = "missing" if "text" not in row else f"{_type_name(text)}, not a string"
        raise InputError(path, f"{where}'text' is {state} (id {ident!r})", _ROW_HINT)
    text = normalise(text)
    if blank(text):
        raise InputError(path, f"{where}empty text (id {ident!r})", _ROW_HINT)
    check_length(path, text, settings, where)
    return Article(
        id=ident,
        text=text,
        title=_optional(row.get("title")) or "",
        date=parse_date(row.get("date")),
        source=_optional(row.get("source")),
        url=_optional(row.get("url")),
        path=path,
    )


def _row_id(row: dict[str, object], path: str, where: str) -> str:
    value = row.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        state = "missing" if "id" not in row else _type_name(value)
        raise InputError(path, f"{where}'id' is {state}", _ROW_HINT)
    ident = one_line(str(value))
    if not ident:
        raise InputError(path, f"{where}empty 'id'", _ROW_HINT)
    return ident


def _optional(value: object) -> str | None:
    """Optional fields are lenient: a number becomes text, anything else counts as absent."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return one_line(str(value)) or None


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
