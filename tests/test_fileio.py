"""write_atomic: a report is either the old one or the whole new one, never half."""

from __future__ import annotations

import os
import stat
import tempfile

import pytest

from checker import fileio
from checker.errors import InputError
from checker.fileio import write_atomic


def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_writes_utf8_text_exactly(tmp_path):
    target = tmp_path / "report.md"
    text = "| Kyiv \u2014 \u201cquote\u201d |\n| \U0001f642 |\r\n"
    write_atomic(target, text)
    assert target.read_bytes() == text.encode("utf-8")
    assert listing(tmp_path) == ["report.md"]


def test_replaces_an_existing_report_and_keeps_its_mode(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old")
    os.chmod(target, 0o640)
    write_atomic(str(target), "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


def test_new_report_gets_umask_mode_not_private_temp_mode(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "r.json").st_mode) == 0o644


def test_creates_missing_parent_directories(tmp_path):
    target = tmp_path / "a" / "b" / "report.csv"
    write_atomic(target, "x\n")
    assert target.read_text() == "x\n"


class Boom(Exception):
    pass


@pytest.mark.parametrize("error", [Boom("disk on fire"), KeyboardInterrupt()])
def test_failure_midway_leaves_old_report_and_no_temp_file(tmp_path, monkeypatch, error):
    target = tmp_path / "report.md"
    target.write_text("old report")
    real = tempfile.NamedTemporaryFile

    def half_writing_temp(*args, **kwargs):
        handle = real(*args, **kwargs)
        real_write = handle.write

        def write(text):
            real_write(text[: len(text) // 2])
            handle.flush()
            raise error

        handle.write = write
        return handle

    monkeypatch.setattr(fileio.tempfile, "NamedTemporaryFile", half_writing_temp)
    with pytest.raises(type(error)):
        write_atomic(target, "new report " * 1000)
    assert target.read_text() == "old report"
    assert listing(tmp_path) == ["report.md"]


def test_failure_at_fsync_is_an_input_error_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", no_space)
    with pytest.raises(InputError) as caught:
        write_atomic(target, "new")
    assert caught.value.reason == "cannot write it: no space left on device"
    assert target.read_text() == "old report"
    assert listing(tmp_path) == ["report.md"]


def test_target_that_is_a_directory(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(InputError) as caught:
        write_atomic(folder, "x")
    assert (caught.value.path, caught.value.reason) == (str(folder), "is a directory")
    assert listing(folder) == []


def test_parent_that_is_a_file(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep")
    target = blocker / "report.md"
    with pytest.raises(InputError) as caught:
        write_atomic(target, "x")
    assert caught.value.path == str(target)
    assert caught.value.reason.startswith(f"cannot create directory {blocker}:")
    assert blocker.read_text() == "keep"


def test_unwritable_directory_as_non_root(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere; see the monkeypatched test below")
    folder = tmp_path / "locked"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(InputError) as caught:
            write_atomic(folder / "report.md", "x")
    finally:
        os.chmod(folder, 0o700)
    assert caught.value.reason == f"cannot write in directory {folder}: permission denied"


def test_unwritable_directory_via_permission_error(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(fileio.tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(InputError) as caught:
        write_atomic(tmp_path / "report.md", "x")
    assert caught.value.reason == f"cannot write in directory {tmp_path}: permission denied"
    assert listing(tmp_path) == []


def test_a_symbolic_link_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert listing(tmp_path) == ["link.md", "real.md"]


def test_a_dangling_link_creates_its_target(tmp_path):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "made.md")
    write_atomic(link, "new")
    assert link.is_symlink()
    assert (tmp_path / "made.md").read_text() == "new"


def test_a_fifo_is_written_into_never_replaced(tmp_path):
    """A device or FIFO target (say -o /dev/null) is opened and written, not renamed over."""
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "report text")
    reader.join(timeout=30)
    assert got == ["report text"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert listing(tmp_path) == ["pipe"]


def test_empty_file_name_is_an_error():
    with pytest.raises(InputError) as caught:
        write_atomic("", "x")
    assert caught.value.reason == "empty file name"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (28, "no space left on device"),
        (13, "permission denied"),
        (30, "read-only file system"),
        (5, "input/output error"),
    ],
)
def test_write_faults_are_one_line_old_file_intact_no_temp_left(tmp_path, monkeypatch, code, words):
    target = tmp_path / "report.md"
    target.write_text("old report")

    def failing_replace(src, dst):
        raise (PermissionError if code == 13 else OSError)(code, os.strerror(code))

    monkeypatch.setattr(fileio.os, "replace", failing_replace)
    with pytest.raises(InputError) as caught:
        write_atomic(target, "new")
    assert caught.value.message() == (
        f"{target}: cannot write it: {words} (choose a writable file path for the report)"
    )
    assert target.read_text() == "old report"
    assert listing(tmp_path) == ["report.md"]


class FullDisk:
    """A stream like standard output on /dev/full."""

    def __init__(self):
        self.written = []

    def write(self, text):
        self.written.append(text)

    def flush(self):
        raise OSError(28, "No space left on device")


def test_standard_output_on_a_full_disk_is_an_input_error():
    with pytest.raises(InputError) as caught:
        fileio.write_stdout("report", FullDisk())
    assert caught.value.message() == (
        "<stdout>: cannot write it: no space left on device "
        "(free some space, or write the report elsewhere with -o FILE)"
    )


def test_a_reader_that_left_is_not_an_input_error():
    class Gone(FullDisk):
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        fileio.write_stdout("report", Gone())


def test_a_socket_is_never_replaced(tmp_path):
    import socket

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(InputError) as caught:
            write_atomic(path, "report")
        assert caught.value.reason.startswith("cannot write it: ")
        assert stat.S_ISSOCK(os.stat(path).st_mode)
        assert listing(tmp_path) == ["s.sock"]
    finally:
        server.close()
