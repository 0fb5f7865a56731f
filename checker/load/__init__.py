"""Load stage: turn paths into Articles, and every bad input into an InputError.

An audit usually covers many files, so one bad file must not stop it: per-file problems
are collected in ``Loaded.errors`` and everything else still loads. Nothing but
InputError describes bad data, so the CLI can print every problem as one line with a fix.
The result does not depend on the order of the paths, so reports are reproducible.

The package, in reading order: ``files`` (which files, their bytes, size limits),
``encoding`` (bytes to text, hints), ``clean`` (one text form), ``rows`` (CSV and JSONL rows,
column mapping), ``dates`` (article dates), ``problems`` (errors and notes collected);
this module ties them together and settles repeated ids.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO, TextIO

from checker.errors import InputError
from checker.load.clean import blank, normalise, one_line, title_of
from checker.load.dates import parse_date
from checker.load.encoding import check_codec, decode
from checker.load.files import (
    EMPTY_HINT,
    STDIN,
    STDIN_ID,
    STDIN_PATH,
    SUPPORTED_HINT,
    TEXT_EXTENSIONS,
    as_list,
    check_length,
    extension,
    read_file,
    read_stdin,
    sources,
    why,
)
from checker.load.problems import Item, Problems
from checker.load.rows import csv_rows, jsonl_rows, looks_like_csv, row_items
from checker.model import Article
from checker.settings import DEFAULT, Settings

__all__ = ["Loaded", "load_paths", "normalise", "one_line", "parse_date", "title_of"]

_CSV_ON_STDIN = (
    "read as one text article, but its first line looks like a CSV header "
    "(pass --input-format csv to read its rows)"
)
_JSONL_START = re.compile(r"\s*\{")


@dataclass(frozen=True)
class Loaded:
    articles: tuple[Article, ...]
    errors: tuple[InputError, ...]
    notes: tuple[str, ...]


def load_paths(
    paths: Sequence[str],
    settings: Settings = DEFAULT,
    stdin: TextIO | BinaryIO | None = None,
) -> Loaded:
    """Read every article the paths name; never raises for bad data."""
    problems = Problems(settings)
    try:
        codec = check_codec(settings.encoding)
    except InputError as error:
        return Loaded((), (error,), ())
    given = as_list(paths)
    if not given:
        problems.add(InputError("", "no input given", SUPPORTED_HINT))
    items: list[Item] = []
    for source in sources(given, problems, any_extension=settings.input_format is not None):
        items.extend(_read_source(source, codec, settings, stdin, problems))
    articles = _unique(items, problems, settings)
    articles.sort(key=lambda article: (article.id, article.path))
    errors = sorted(problems.errors, key=lambda error: error.path)  # stable: rows stay in order
    return Loaded(tuple(articles), tuple(errors), tuple(problems.notes))


def _read_source(
    source: str,
    codec: str,
    settings: Settings,
    stdin: TextIO | BinaryIO | None,
    problems: Problems,
) -> list[Item]:
    """All articles of one file; a problem with the file as a whole becomes one error."""
    path = STDIN_PATH if source == STDIN else source
    sample = settings.encoding_sample_bytes
    try:
        if source == STDIN:
            text = decode(read_stdin(stdin, settings), path, codec, sample)
        else:
            text = decode(read_file(path, settings), path, codec, sample)
        if blank(text):
            raise InputError(path, "file contains only whitespace", EMPTY_HINT)
        kind = settings.input_format or _kind_of(source, text)
        if kind == "text":
            if source == STDIN and looks_like_csv(text, settings):
                problems.notes.append(f"{path}: {_CSV_ON_STDIN}")
            return [_text_item(path, text, settings, source == STDIN)]
        reader = jsonl_rows if kind == "jsonl" else csv_rows
        rows = reader(path, text, settings)
        return row_items(path, rows, settings, problems)
    except InputError as error:
        problems.add(error)
    except (OSError, UnicodeError, ValueError, csv.Error, RecursionError, MemoryError) as error:
        problems.add(InputError(path, f"cannot read it: {why(error)}", "check the file"))
    return []


def _kind_of(source: str, text: str) -> str:
    if source == STDIN:
        return "jsonl" if _JSONL_START.match(text) else "text"
    ext = extension(source)
    return "text" if ext in TEXT_EXTENSIONS else ext[1:]


def _text_item(path: str, text: str, settings: Settings, from_stdin: bool) -> Item:
    """A .txt/.md file is one article; its text keeps the title line so offsets hold."""
    text = normalise(text)
    if blank(text):
        raise InputError(path, "file contains only whitespace", EMPTY_HINT)
    check_length(path, text, settings)
    ident = STDIN_ID if from_stdin else _id_from_name(path)
    title = one_line(title_of(text))
    return Item(Article(id=ident, text=text, title=title, path=path), path)


def _id_from_name(path: str) -> str:
    return one_line(os.path.splitext(os.path.basename(path))[0])


# --- duplicates ------------------------------------------------------------------------


def _unique(items: list[Item], problems: Problems, settings: Settings) -> list[Article]:
    """Ids key everything downstream. By default a repeated id is an error (the first is
    kept, so the choice is predictable); ``dedupe`` can keep the first quietly or give the
    later ones a suffix (id-2, id-3), each with one note that says how many."""
    first: dict[str, Item] = {}
    repeated: list[Item] = []
    for item in items:
        if item.article.id in first:
            repeated.append(item)
        else:
            first[item.article.id] = item
    if settings.dedupe == "suffix":
        return _suffixed(list(first.values()), repeated, problems)
    for item in repeated:
        ident = item.article.id
        if settings.dedupe == "error":
            reason = f"duplicate id {ident!r} at {item.place}; kept the one at {first[ident].place}"
            problems.add(InputError(item.article.path, reason, _DUPLICATE_HINT))
    if repeated and settings.dedupe == "first":
        problems.notes.append(
            f"{len(repeated)} articles with a repeated id left out (--dedupe first), "
            f"e.g. {repeated[0].article.id!r} at {repeated[0].place}"
        )
    return [item.article for item in first.values()]


def _suffixed(kept: list[Item], repeated: list[Item], problems: Problems) -> list[Article]:
    """Later articles with a taken id become id-2, id-3, ...: none is lost."""
    taken = {item.article.id for item in kept}
    articles = [item.article for item in kept]
    for item in repeated:
        number = 2
        while f"{item.article.id}-{number}" in taken:
            number += 1
        ident = f"{item.article.id}-{number}"
        taken.add(ident)
        articles.append(replace(item.article, id=ident))
    if repeated:
        example = repeated[0]
        problems.notes.append(
            f"{len(repeated)} articles with a repeated id renamed with a suffix (--dedupe "
            f"suffix), e.g. {example.article.id!r} at {example.place}"
        )
    return articles


_DUPLICATE_HINT = "give every article a unique id, or pass --dedupe suffix (or first)"
