"""Finding the files the paths name and reading their bytes, within the size limits."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Sequence
from typing import BinaryIO, TextIO

from checker.errors import InputError
from checker.load.problems import Problems
from checker.settings import Settings

TEXT_EXTENSIONS = (".txt", ".md")
ROW_EXTENSIONS = (".jsonl", ".csv")
SUPPORTED = TEXT_EXTENSIONS + ROW_EXTENSIONS
STDIN = "-"
STDIN_PATH = "<stdin>"  # what messages and Article.path call standard input
STDIN_ID = "stdin"

SUPPORTED_HINT = "give .txt, .md, .csv or .jsonl files, a directory of them, or - for stdin"
_ROW_HINT = "each row needs an 'id' and a 'text'; 'title', 'date', 'source', 'url' are optional"
_STDIN_HINT = "pipe the articles into it, or give file paths instead of -"
EMPTY_HINT = "give it an article, or leave it out"


def as_list(paths: Sequence[str] | str | os.PathLike) -> list[str]:
    """A bare string is one path, not a sequence of one-letter paths."""
    if isinstance(paths, str | bytes | os.PathLike):
        paths = [paths]
    return [os.fsdecode(path) for path in paths]


def sources(given: Iterable[str], problems: Problems, any_extension: bool = False) -> list[str]:
    """Files to read, sorted and each once, so the result ignores argument order."""
    found: list[str] = []
    for path in sorted(set(given)):
        if path == STDIN:
            found.append(STDIN)
        else:
            found.extend(_expand(path, problems, any_extension))
    return _once(sorted(found), problems)


def _expand(path: str, problems: Problems, any_extension: bool) -> list[str]:
    """A named file of any extension is read when --input-format says what it holds."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        problems.add(InputError(path, "no such file or directory", "check the path"))
        return []
    except (OSError, ValueError) as error:
        problems.add(InputError(path, f"cannot access it: {why(error)}", "check the path"))
        return []
    if stat.S_ISDIR(info.st_mode):
        return _list_dir(path, problems)
    if extension(path) not in SUPPORTED and not any_extension:
        problems.add(
            InputError(path, f"unsupported file type {_describe_ext(path)}", SUPPORTED_HINT)
        )
        return []
    return [path]


def _list_dir(folder: str, problems: Problems) -> list[str]:
    """Non-recursive on purpose: a directory is one batch of reports, not a tree to crawl."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as error:
        problems.add(InputError(folder, f"cannot list directory: {why(error)}", "check it"))
        return []
    if not names:
        problems.add(InputError(folder, "directory is empty", SUPPORTED_HINT))
        return []
    files, skipped, subdirs = [], 0, 0
    for name in names:
        full = os.path.join(folder, name)
        if os.path.isdir(full):
            subdirs += 1
        elif extension(name) in SUPPORTED:
            files.append(full)
        else:
            skipped += 1
    if not files:
        reason = f"no .txt, .md, .csv or .jsonl files in directory ({len(names)} other entries)"
        problems.add(InputError(folder, reason, SUPPORTED_HINT))
        return []
    if skipped:
        problems.notes.append(f"skipped {skipped} files with unsupported extensions in {folder}")
    if subdirs:
        problems.notes.append(
            f"skipped {subdirs} subdirectories of {folder} (not read recursively)"
        )
    return files


def _once(paths: list[str], problems: Problems) -> list[str]:
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


def extension(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _describe_ext(path: str) -> str:
    ext = extension(path)
    return repr(ext) if ext else "(no extension)"


def why(error: BaseException) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


def read_file(path: str, settings: Settings) -> bytes:
    limit = settings.max_file_bytes
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, "not a regular file", SUPPORTED_HINT)
        if info.st_size > limit:
            raise _too_big(path, limit, info.st_size)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputError(path, f"cannot read it: {why(error)}", "check its permissions") from None
    return _checked_size(path, data, limit)


def read_stdin(stdin: TextIO | BinaryIO | None, settings: Settings) -> bytes | str:
    """Prefer the byte layer so --encoding and the binary check apply to stdin too."""
    stream = sys.stdin if stdin is None else stdin
    if stream is None:
        raise InputError(STDIN_PATH, "standard input is closed", _STDIN_HINT)
    raw = getattr(stream, "buffer", stream)
    try:
        data = raw.read(settings.max_file_bytes + 1)
    except (OSError, ValueError) as error:  # ValueError: a closed file object
        raise InputError(STDIN_PATH, f"cannot read it: {why(error)}", _STDIN_HINT) from None
    return _checked_size(STDIN_PATH, data, settings.max_file_bytes)


def _checked_size(path: str, data: bytes | str, limit: int) -> bytes | str:
    if len(data) > limit:
        raise _too_big(path, limit)  # only read limit + 1: the true size is unknown
    if not data:
        raise InputError(path, "file is empty", EMPTY_HINT)
    return data


def _too_big(path: str, limit: int, size: int | None = None) -> InputError:
    known = "" if size is None else f"{size:,} bytes, "
    reason = f"file is too large ({known}limit {limit:,} bytes)"
    return InputError(path, reason, "split it into smaller files, or raise max_file_bytes")


def check_length(path: str, text: str, settings: Settings, where: str = "") -> None:
    limit = settings.max_article_chars
    if len(text) > limit:
        reason = f"{where}article text is {len(text):,} characters, over the {limit:,} limit"
        raise InputError(path, reason, "split the article, or raise max_article_chars")
