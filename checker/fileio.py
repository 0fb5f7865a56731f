"""Writing reports so that a crash, a full disk or Ctrl-C never leaves half a report.

The text goes to a temporary file in the target's directory (same file system, so the
final rename is atomic) and replaces the target only once it is complete and on disk.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import IO

from checker.errors import InputError

_HINT = "choose a writable file path for the report"


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) all at once, or leave it as it was."""
    target = os.fspath(path)
    if os.path.isdir(target):
        raise InputError(target, "is a directory", "give a file name for the report")
    folder = os.path.dirname(os.path.abspath(target))
    _make_folder(target, folder)
    temp = _open_temp(target, folder)
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
            raise InputError(target, f"cannot write it: {_why(error)}", _HINT) from error
        raise
    _sync_folder(folder)


def _make_folder(target: str, folder: str) -> None:
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        reason = f"cannot create directory {folder}: {_why(error)}"
        raise InputError(target, reason, _HINT) from error


def _open_temp(target: str, folder: str) -> IO[str]:
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
        raise InputError(target, reason, _HINT) from error


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
