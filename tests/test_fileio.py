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
