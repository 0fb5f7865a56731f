"""Load stage: turn paths into Articles, and every bad input into an InputError.

An audit usually covers many files, so one bad file must not stop it: per-file problems
are collected in ``Loaded.errors`` and everything else still loads. Nothing but
InputError describes bad data, so the CLI can print every problem as one line with a fix.
The result does not depend on the order of the paths, so reports are reproducible.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import json
import os
import re
import stat
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO, TextIO

from checker.errors import InputError
from checker.model import Article
from checker.settings import DEFAULT, Settings

TEXT_EXTENSIONS = (".txt", ".md")
ROW_EXTENSIONS = (".jsonl", ".csv")
SUPPORTED = TEXT_EXTENSIONS + ROW_EXTENSIONS
STDIN = "-"
STDIN_PATH = "<stdin>"  # what messages and Article.path call standard input
STDIN_ID = "stdin"

_SUPPORTED_HINT = "give .txt, .md, .csv or .jsonl files, a directory of them, or - for stdin"
_ROW_HINT = "each row needs an 'id' and a 'text'; 'title', 'date', 'source', 'url' are optional"
_EMPTY_HINT = "give it an article, or leave it out"
_COLUMN_HINT = "name the columns id and text; title, date, source and url are optional"

# Control characters break terminals, tables and JSON consumers; \t and \n carry layout.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what a terminal or viewer shows.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# C1 controls in news text are cp1252 bytes read as latin-1 (--encoding latin-1 on a
# Windows file): give back the quote, dash or bullet they stand for, as browsers do.
_C1 = re.compile(r"[\x80-\x9f]")
_C1_TO_CP1252 = {
    byte: bytes([byte]).decode("cp1252", errors="ignore") or " " for byte in range(0x80, 0xA0)
}
# Lone surrogates (from "\ud800" in JSON or undecodable file names) cannot be written as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FIRST_LINE = re.compile(r"[^\S\n]*(\S[^\n]*)")
_JSONL_START = re.compile(r"\s*\{")
_HEADING = re.compile(r"#{1,6}(?:[ \t]+|$)")
_JSON = json.JSONDecoder(strict=False)  # raw tabs inside strings are common; text is cleaned later


@dataclass(frozen=True)
class Loaded:
    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Item:
    """An article with the place it came from, so a duplicate can name both places."""

    article: Article
    place: str


class _Problems:
    """Collects errors and notes; caps row errors per file so one misnamed file can't flood."""

    def __init__(self, settings: Settings) -> None:
        self.errors: list[InputError] = []
        self.notes: list[str] = []
        self._cap = max(settings.max_errors_per_file, 1)
        self._per_file: dict[str, int] = {}

    def add(self, error: InputError) -> None:
        self.errors.append(error)

    def add_row(self, error: InputError) -> None:
        count = self._per_file.get(error.path, 0) + 1
        self._per_file[error.path] = count
        if count <= self._cap:
            self.errors.append(error)

    def summarise_rows(self, path: str) -> None:
        extra = self._per_file.get(path, 0) - self._cap
        if extra > 0:
            reason = f"{extra} more bad rows not listed"
            self.errors.append(InputError(path, reason, "fix the rows above first"))


def load_paths(
    paths: Sequence[str],
    settings: Settings = DEFAULT,
    stdin: TextIO | BinaryIO | None = None,
) -> Loaded:
    """Read every article the paths name; never raises for bad data."""
    problems = _Problems(settings)
    try:
        codec = _codec(settings.encoding)
    except InputError as error:
        return Loaded((), (error,), ())
    given = _as_list(paths)
    if not given:
        problems.add(InputError("", "no input given", _SUPPORTED_HINT))
    items: list[_Item] = []
    for source in _sources(given, problems):
        items.extend(_read_source(source, codec, settings, stdin, problems))
    articles = _unique(items, problems)
    articles.sort(key=lambda article: (article.id, article.path))
    errors = sorted(problems.errors, key=lambda error: error.path)  # stable: rows stay in order
    return Loaded(tuple(articles), tuple(errors), tuple(problems.notes))


# --- text clean-up -------------------------------------------------------------------


def normalise(text: str) -> str:
    """One form for every input, so offsets, matching and output do not depend on the source."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _C1.search(text):
        text = text.translate(_C1_TO_CP1252)
    text = _CONTROL.sub(" ", text)
    text = _BIDI.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _one_line(text: str) -> str:
    return " ".join(normalise(text).split())


def _blank(text: str) -> bool:
    """Nothing but white space and invisible format characters (BOM, zero-width space)."""
    return not any(
        not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zs") for ch in text
    )


def title_of(text: str) -> str:
    """The first non-empty line, without a markdown heading mark: how plain-text news starts."""
    match = _FIRST_LINE.search(text)
    if not match:
        return ""
    return _HEADING.sub("", match.group(1), count=1).strip()


def parse_date(value: object) -> str | None:
    """YYYY-MM-DD from a date or ISO datetime; anything else is unknown, not an error."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return f"{parsed.year:04d}-{parsed.month:02d}-{parsed.day:02d}"


# --- encoding ------------------------------------------------------------------------


def _codec(name: str | None) -> str:
    """Check --encoding once, up front: a typo would otherwise fail every file alike."""
    if name is None:
        return "utf-8-sig"
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise InputError(
            "--encoding",
            f"unknown text encoding {name!r}",
            "use a codec name such as utf-8, cp1252 or latin-1",
        )
    return info.name


def _decode(data: bytes | str, path: str, codec: str) -> str:
    """Text without a byte-order mark, whichever codec was named (utf-8 keeps it)."""
    if isinstance(data, bytes):
        _refuse_binary(data, path, codec)
        try:
            data = data.decode(codec)
        except UnicodeDecodeError as error:
            raise _decode_error(data, path, codec, error.start) from None
    return data.removeprefix("\ufeff")


def _refuse_binary(data: bytes, path: str, codec: str) -> None:
    offset = data.find(b"\x00")
    if offset < 0 or codec.startswith(("utf-16", "utf-32")):
        return  # NUL bytes are normal in UTF-16/32
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        reason = "looks like UTF-16 (it starts with a byte-order mark)"
        raise InputError(path, reason, "pass --encoding utf-16, or save it as UTF-8")
    reason = f"binary file: NUL byte at offset {offset}"
    raise InputError(path, reason, "give text files: .txt, .md, .csv or .jsonl")


def _decode_error(data: bytes, path: str, codec: str, offset: int) -> InputError:
    line = data.count(b"\n", 0, offset) + 1
    label = "UTF-8" if codec.startswith("utf-8") else codec
    reason = f"not valid {label}: byte 0x{data[offset]:02x} at offset {offset} (line {line})"
    if codec in ("cp1252", "windows-1252"):
        hint = "pass --encoding latin-1, which accepts every byte"
    else:
        hint = "pass --encoding cp1252 (or latin-1)"
    return InputError(path, reason, hint)


# --- finding the files -----------------------------------------------------------------


def _as_list(paths: Sequence[str] | str | os.PathLike) -> list[str]:
    """A bare string is one path, not a sequence of one-letter paths."""
    if isinstance(paths, str | bytes | os.PathLike):
        paths = [paths]
    return [os.fsdecode(path) for path in paths]


def _sources(given: Iterable[str], problems: _Problems) -> list[str]:
    """Files to read, sorted and each once, so the result ignores argument order."""
    found: list[str] = []
    for path in sorted(set(given)):
        if path == STDIN:
            found.append(STDIN)
        else:
            found.extend(_expand(path, problems))
    return _once(sorted(found), problems)


def _expand(path: str, problems: _Problems) -> list[str]:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        problems.add(InputError(path, "no such file or directory", "check the path"))
        return []
    except (OSError, ValueError) as error:
        problems.add(InputError(path, f"cannot access it: {_why(error)}", "check the path"))
        return []
    if stat.S_ISDIR(info.st_mode):
        return _list_dir(path, problems)
    if _extension(path) not in SUPPORTED:
        problems.add(
            InputError(path, f"unsupported file type {_describe_ext(path)}", _SUPPORTED_HINT)
        )
        return []
    return [path]


def _list_dir(folder: str, problems: _Problems) -> list[str]:
    """Non-recursive on purpose: a directory is one batch of reports, not a tree to crawl."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        problems.add(InputError(folder, f"cannot list directory: {_why(error)}", "check it"))
        return []
    if not names:
        problems.add(InputError(folder, "directory is empty", _SUPPORTED_HINT))
        return []
    files, skipped, subdirs = [], 0, 0
    for name in names:
        full = os.path.join(folder, name)
        if os.path.isdir(full):
            subdirs += 1
        elif _extension(name) in SUPPORTED:
            files.append(full)
        else:
            skipped += 1
    if not files:
        reason = f"no .txt, .md, .csv or .jsonl files in directory ({len(names)} other entries)"
        problems.add(InputError(folder, reason, _SUPPORTED_HINT))
        return []
    if skipped:
        problems.notes.append(f"skipped {skipped} files with unsupported extensions in {folder}")
    if subdirs:
        problems.notes.append(
            f"skipped {subdirs} subdirectories of {folder} (not read recursively)"
        )
    return files


def _once(paths: list[str], problems: _Problems) -> list[str]:
    """The same file named twice (say a directory and a file in it) is read once."""
    seen: dict[str, str] = {}
    unique = []
    for path in paths:
        key = path if path == STDIN else os.path.realpath(path)
        if key in seen:
            problems.notes.append(f"read {seen[key]} once (also given as {path})")
            continue
        seen[key] = path
        unique.append(path)
    return unique


def _extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _describe_ext(path: str) -> str:
    ext = _extension(path)
    return repr(ext) if ext else "(no extension)"


def _why(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


# --- reading one source ----------------------------------------------------------------


def _read_source(
    source: str,
    codec: str,
    settings: Settings,
    stdin: TextIO | BinaryIO | None,
    problems: _Problems,
) -> list[_Item]:
    """All articles of one file; a problem with the file as a whole becomes one error."""
    path = STDIN_PATH if source == STDIN else source
    try:
        if source == STDIN:
            text = _decode(_read_stdin(stdin, settings), path, codec)
        else:
            text = _decode(_read_file(path, settings), path, codec)
        if _blank(text):
            raise InputError(path, "file contains only whitespace", _EMPTY_HINT)
        kind = _kind_of(source, text)
        if kind == "text":
            return [_text_item(path, text, settings, source == STDIN)]
        rows = _jsonl_rows(path, text) if kind == "jsonl" else _csv_rows(path, text, settings)
        return _row_items(path, rows, settings, problems)
    except InputError as error:
        problems.add(error)
    except (OSError, UnicodeError, ValueError, csv.Error, RecursionError, MemoryError) as error:
        problems.add(InputError(path, f"cannot read it: {_why(error)}", "check the file"))
    return []


def _kind_of(source: str, text: str) -> str:
    if source == STDIN:
        return "jsonl" if _JSONL_START.match(text) else "text"
    ext = _extension(source)
    return "text" if ext in TEXT_EXTENSIONS else ext[1:]


def _read_file(path: str, settings: Settings) -> bytes:
    limit = settings.max_file_bytes
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file", _SUPPORTED_HINT)
        if info.st_size > limit:
            raise _too_big(path, limit, info.st_size)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(path, f"cannot read it: {_why(error)}", "check its permissions") from None
    return _checked_size(path, data, limit)


def _read_stdin(stdin: TextIO | BinaryIO | None, settings: Settings) -> bytes | str:
    """Prefer the byte layer so --encoding and the binary check apply to stdin too."""
    stream = sys.stdin if stdin is None else stdin
    if stream is None:
        raise InputError(STDIN_PATH, "standard input is not available", _SUPPORTED_HINT)
    raw = getattr(stream, "buffer", stream)
    try:
        data = raw.read(settings.max_file_bytes + 1)
    except OSError as error:
        raise InputError(STDIN_PATH, f"cannot read it: {_why(error)}", "") from None
    return _checked_size(STDIN_PATH, data, settings.max_file_bytes)


def _checked_size(path: str, data: bytes | str, limit: int) -> bytes | str:
    if len(data) > limit:
        raise _too_big(path, limit)  # only read limit + 1: the true size is unknown
    if not data:
        raise InputError(path, "file is empty", _EMPTY_HINT)
    return data


def _too_big(path: str, limit: int, size: int | None = None) -> InputError:
    known = "" if size is None else f"{size:,} bytes, "
    reason = f"file is too large ({known}limit {limit:,} bytes)"
    return InputError(path, reason, "split it into smaller files, or raise max_file_bytes")


def _check_length(path: str, text: str, settings: Settings, where: str = "") -> None:
    limit = settings.max_article_chars
    if len(text) > limit:
        reason = f"{where}article text is {len(text):,} characters, over the {limit:,} limit"
        raise InputError(path, reason, "split the article, or raise max_article_chars")


def _text_item(path: str, text: str, settings: Settings, from_stdin: bool) -> _Item:
    """A .txt/.md file is one article; its text keeps the title line so offsets hold."""
    text = normalise(text)
    if _blank(text):
        raise InputError(path, "file contains only whitespace", _EMPTY_HINT)
    _check_length(path, text, settings)
    ident = STDIN_ID if from_stdin else _id_from_name(path)
    title = _one_line(title_of(text))
    return _Item(Article(id=ident, text=text, title=title, path=path), path)


def _id_from_name(path: str) -> str:
    return _one_line(os.path.splitext(os.path.basename(path))[0])


# --- rows: JSONL and CSV ---------------------------------------------------------------

_Row = tuple[int, "dict[str, object] | InputError"]


def _row_items(
    path: str, rows: Iterator[_Row], settings: Settings, problems: _Problems
) -> list[_Item]:
    items = []
    seen_any = False
    for line, row in rows:
        seen_any = True
        try:
            if isinstance(row, InputError):
                raise row
            items.append(_Item(_row_article(row, path, line, settings), f"{path} line {line}"))
        except InputError as error:
            problems.add_row(error)
    problems.summarise_rows(path)
    if not seen_any:
        problems.add(InputError(path, "no rows", _ROW_HINT))
    return items


def _jsonl_rows(path: str, text: str) -> Iterator[_Row]:
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
        reason = f"line {number}: not valid JSON ({_why(error)})"
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


def _csv_rows(path: str, text: str, settings: Settings) -> Iterator[_Row]:
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
    if _blank(text):
        raise InputError(path, f"{where}empty text (id {ident!r})", _ROW_HINT)
    _check_length(path, text, settings, where)
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
    ident = _one_line(str(value))
    if not ident:
        raise InputError(path, f"{where}empty 'id'", _ROW_HINT)
    return ident


def _optional(value: object) -> str | None:
    """Optional fields are lenient: a number becomes text, anything else counts as absent."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return _one_line(str(value)) or None


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


# --- duplicates ------------------------------------------------------------------------


def _unique(items: list[_Item], problems: _Problems) -> list[Article]:
    """Ids key everything downstream; the first wins so the choice is predictable."""
    first: dict[str, _Item] = {}
    for item in items:
        ident = item.article.id
        if ident in first:
            reason = f"duplicate id {ident!r} at {item.place}; kept the one at {first[ident].place}"
            problems.add(InputError(item.article.path, reason, "give every article a unique id"))
        else:
            first[ident] = item
    return [item.article for item in first.values()]
