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
from checker.load.dates import ambiguous, parse_date, unreadable
from checker.load.files import check_length, why
from checker.load.problems import Item, Problems
from checker.model import Article
from checker.settings import ROW_FIELDS, Settings

_ROW_HINT = "each row needs an 'id' and a 'text'; 'title', 'date', 'source', 'url' are optional"
_QUOTE_HINT = "check the quotes and commas of this row: the rows after it may be cut or merged"
_JSON = json.JSONDecoder(strict=False)  # raw tabs inside strings are common; text is cleaned later


_Row = tuple[int, "dict[str, object] | InputError"]


def row_items(
    path: str, rows: Iterator[_Row], settings: Settings, problems: Problems
) -> list[Item]:
    items = []
    seen_any = False
    unread: list[str] = []  # dates given but not readable, reported once for the file
    for line, row in rows:
        seen_any = True
        try:
            if isinstance(row, InputError):
                raise row
            article = _row_article(row, path, line, settings)
            items.append(Item(article, f"{path} line {line}"))
            if unreadable(row.get("date"), settings.date_order):
                unread.append(str(row.get("date")))
        except InputError as error:
            problems.add_row(error)
    problems.summarise_rows(path)
    if not seen_any:
        problems.add(InputError(path, "no rows", _ROW_HINT))
    if unread:
        problems.notes.append(_unread_dates_note(path, unread))
    return items


def _unread_dates_note(path: str, unread: list[str]) -> str:
    """One line per file: how many dates were not read, an example, and what would help."""
    if any(ambiguous(value) for value in unread):
        hint = "pass --date-order mdy (4/5/2017 is April 5) or dmy (4 May)"
    else:
        hint = "write dates as YYYY-MM-DD"
    return (
        f"{path}: {len(unread)} dates could not be read, e.g. {one_line(unread[0])!r}; "
        f"those articles have no date ({hint})"
    )


def jsonl_rows(path: str, text: str, settings: Settings) -> Iterator[_Row]:
    mapping = _mapping(settings)
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            row = _json_object(path, number, line)
            if isinstance(row, dict):
                row = {field: row[name] for field, name in mapping.items() if name in row}
            yield number, row


def looks_like_csv(text: str, settings: Settings) -> bool:
    """A first line naming the id and text columns: CSV, whatever the input was taken for."""
    mapping = _mapping(settings)
    header = {cell.strip().strip('"').lower() for cell in text.split("\n", 1)[0].split(",")}
    return {mapping["id"].lower(), mapping["text"].lower()} <= header


def _mapping(settings: Settings) -> dict[str, str]:
    """Row field -> the column (or JSON key) that holds it: the field's own name unless an
    --<field>-column option names another."""
    mapping = {field: field for field in ROW_FIELDS}
    mapping.update(settings.columns)
    return mapping


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
    """Rows as dicts of fields; a quote that is never closed is an error, since the rows
    after it would otherwise vanish into one cell."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines)
    limit = max(settings.max_article_chars, settings.max_file_bytes) + 1
    with _csv_field_limit(limit):
        try:
            header = next(reader, [])
        except csv.Error as error:
            raise InputError(path, f"malformed CSV header ({error})", _ROW_HINT) from None
        columns = _csv_columns(path, header, settings)
        yield from _csv_records(path, reader, lines, columns, len(header))


def _csv_columns(path: str, header: list[str], settings: Settings) -> dict[str, int]:
    names = [name.strip() for name in header]
    index: dict[str, int] = {}
    for k, name in enumerate(names):
        index.setdefault(name.lower(), k)  # the first of two same-named columns wins
    given = dict(settings.columns)
    mapping = _mapping(settings)
    columns = {f: index[name.lower()] for f, name in mapping.items() if name.lower() in index}
    missing = [f for f in mapping if f not in columns and (f in given or f in ("id", "text"))]
    if missing:
        found = ", ".join(repr(n) for n in names if n) or "none"
        wanted = " or ".join(repr(mapping[f]) for f in missing)
        reason = f"CSV has no {wanted} column (columns found: {found})"
        options = " and ".join(f"--{f}-column" for f in missing)
        raise InputError(path, reason, f"name the columns to use with {options}")
    return columns


def _csv_records(
    path: str, reader: Any, lines: list[str], columns: dict[str, int], width: int
) -> Iterator[_Row]:
    while True:
        line = reader.line_num + 1  # where the record starts, for messages
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield line, InputError(path, f"line {line}: malformed CSV ({error})", _ROW_HINT)
            return
        unclosed = _unclosed_quote(lines[line - 1 :]) if reader.line_num == len(lines) else 0
        if unclosed:
            opened = line + unclosed - 1
            reason = f"line {opened}: a quote opened here is never closed"
            yield opened, InputError(path, reason, _QUOTE_HINT)
            return
        if any(cell.strip() for cell in cells[width:]):  # empty extra cells lose nothing
            reason = f"line {line}: {len(cells)} cells, but the header has {width}"
            yield line, InputError(path, reason, _QUOTE_HINT)
        elif any(cell.strip() for cell in cells):
            yield line, {field: cells[i] for field, i in columns.items() if i < len(cells)}


def _unclosed_quote(record_lines: list[str]) -> int:
    """0 if the last record is one line or its quotes pair up, else the line (1-based,
    within the record) of the quote that is never closed. Doubled quotes ("") count as two.
    Only a quote that swallowed a line break can have lost rows."""
    record = "".join(record_lines)
    if len(record_lines) < 2 or record.count('"') % 2 == 0:
        return 0
    return record.count("\n", 0, record.rindex('"')) + 1


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
        date=parse_date(row.get("date"), settings.date_order),
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
