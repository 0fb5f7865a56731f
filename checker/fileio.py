"""Writing reports so that a crash, a full disk or Ctrl-C never leaves half a report.

The text goes to a temporary file in the target's directory (same file system, so the
final rename is atomic) and replaces the target only once it is complete and on disk.
A symbolic link is written through (the link stays, its target gets the report), and a
target that is not a regular file (a device such as /dev/null, a FIFO, a socket) is
written to directly: an output option must never be able to replace a device file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from typing import IO, TextIO

from checker.errors import InputError

_HINT = "choose a writable file path for the report"
STDOUT = "<stdout>"  # what messages call standard output


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) all at once, or leave it as it was."""
    given = os.fspath(path)
    if not given:
        raise InputError("''", "empty file name", "give a file name for the report")
    if _special(given):  # stat follows links: /dev/stdout is a pipe, /dev/null a device
        _write_direct(given, text)
        return
    target = os.path.realpath(given)  # write through symbolic links, never over them
    if os.path.isdir(target):
        raise InputError(given, "is a directory", "give a file name for the report")
    folder = os.path.dirname(target)
    _make_folder(given, folder)
    temp = _open_temp(given, target, folder)
    try:
        with temp:
            temp.write(text)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp.name, _mode_for(target))
        os.replace(temp.name, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp.name)
        if isinstance(error, OSError):
            raise InputError(given, f"cannot write it: {_why(error)}", _HINT) from error
        raise
    _sync_folder(folder)


def write_stdout(text: str, stream: TextIO | None = None) -> None:
    """Write the report to standard output, and flush it here: a full disk (``>/dev/full``)
    is then one clear error, not a failure at exit. A reader that left (``| head``) is
    not an error: BrokenPipeError goes up for the CLI to end quietly."""
    out = sys.stdout if stream is None else stream
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _discard_stdout(out)
        raise InputError(STDOUT, f"cannot write it: {_why(error)}", _STDOUT_HINT) from None


_STDOUT_HINT = "free some space, or write the report elsewhere with -o FILE"


def _discard_stdout(out: TextIO) -> None:
    """Point the stream's descriptor at /dev/null, so the interpreter's final flush of what
    is still buffered cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _special(target: str) -> bool:
    """An existing target that is not a regular file: a device, a FIFO, a socket."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _write_direct(given: str, text: str) -> None:
    """Write into the existing special file itself; it is never replaced or removed."""
    try:
        with open(given, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(given, f"cannot write it: {_why(error)}", _HINT) from error


def _make_folder(target: str, folder: str) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        reason = f"cannot create directory {folder}: {_why(error)}"
        raise InputError(target, reason, _HINT) from error


def _open_temp(given: str, target: str, folder: str) -> IO[str]:
    name = os.path.basename(target)
    try:
        return tempfile.NamedTemporaryFile(
            "w",
            encoding="utf-8",
            newline="",
            dir=folder,
            prefix=f".{name}.",
            suffix=".tmp",
            delete=False,
        )
    except OSError as error:
        reason = f"cannot write in directory {folder}: {_why(error)}"
        raise InputError(given, reason, _HINT) from error


def _mode_for(target: str) -> int:
    """Keep an existing report's permissions; a new one gets the usual umask-based mode
    rather than the temporary file's private 0600."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; some file systems cannot, which is fine."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()
