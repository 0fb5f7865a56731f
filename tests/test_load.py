"""The load stage: every bad input becomes one clear InputError, and good files still load."""

from __future__ import annotations

import csv
import io
import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

import checker.load.files  # noqa: F401  (load.files is patched)
from checker import load
from checker.errors import InputError
from checker.load import Loaded, load_paths, parse_date, title_of
from checker.settings import DEFAULT

SHARED = Path("/work/shared")
FAKES = SHARED / "corpora/fa-kes/FA-KES-Dataset.csv"
GVA_DEV = SHARED / "corpora/gva/dev.jsonl"
ECB_DEV_1 = SHARED / "corpora/ecbplus/dev/1.jsonl"
SEEDS = SHARED / "seeds"


def put(folder: Path, name: str, content: str | bytes) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


def jsonl(*rows: object) -> str:
    return "".join(json.dumps(row) + "\n" for row in rows)


def only_error(loaded: Loaded) -> InputError:
    assert len(loaded.errors) == 1, [str(e) for e in loaded.errors]
    return loaded.errors[0]


def ids(loaded: Loaded) -> list[str]:
    return [article.id for article in loaded.articles]


def messages(loaded: Loaded) -> list[str]:
    return [error.message() for error in loaded.errors]


# --- paths and directories --------------------------------------------------------------


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    missing = str(tmp_path / "nope.txt")
    loaded = load_paths([missing])
    error = only_error(loaded)
    assert (error.path, error.reason) == (missing, "no such file or directory")
    assert loaded.articles == ()


def test_no_paths_at_all():
    error = only_error(load_paths([]))
    assert error.reason == "no input given"
    assert "- for stdin" in error.hint


def test_a_bare_string_is_one_path_not_letters(tmp_path):
    path = put(tmp_path, "one.txt", "Title\nBody.")
    assert ids(load_paths(path)) == ["one"]


def test_empty_directory(tmp_path):
    error = only_error(load_paths([str(tmp_path)]))
    assert (error.path, error.reason) == (str(tmp_path), "directory is empty")


def test_directory_without_supported_files(tmp_path):
    put(tmp_path, "a.pdf", "x")
    put(tmp_path, "b.json", "{}")
    loaded = load_paths([str(tmp_path)])
    error = only_error(loaded)
    assert error.reason == "no .txt, .md, .csv or .jsonl files in directory (2 other entries)"
    assert ".txt, .md, .csv or .jsonl" in error.hint
    assert loaded.notes == ()


def test_directory_reads_its_files_and_notes_what_it_skipped(tmp_path):
    put(tmp_path, "b.md", "# Second\n\nBody two.")
    put(tmp_path, "a.txt", "First\nBody one.")
    put(tmp_path, "rows.jsonl", jsonl({"id": "r1", "text": "Row text."}))
    put(tmp_path, "rows2.csv", "id,text\nc1,CSV text.\n")
    put(tmp_path, "x.pdf", "x")
    put(tmp_path, "y.docx", "y")
    put(tmp_path, "sub/inner.txt", "Not read.")
    loaded = load_paths([str(tmp_path)])
    assert loaded.errors == ()
    assert ids(loaded) == ["a", "b", "c1", "r1"]
    assert [a.path for a in loaded.articles] == [
        os.path.join(str(tmp_path), name) for name in ("a.txt", "b.md", "rows2.csv", "rows.jsonl")
    ]
    assert loaded.notes == (
        f"skipped 2 files with unsupported extensions in {tmp_path}",
        f"skipped 1 subdirectories of {tmp_path} (not read recursively)",
    )


def test_single_file_with_unsupported_extension(tmp_path):
    path = put(tmp_path, "report.pdf", "%PDF")
    error = only_error(load_paths([path]))
    assert error.reason == "unsupported file type '.pdf'"


def test_path_objects_are_accepted(tmp_path):
    path = put(tmp_path, "p.txt", "Title\nBody.")
    assert [a.path for a in load_paths([Path(path)]).articles] == [path]


def test_extensions_are_case_insensitive(tmp_path):
    path = put(tmp_path, "LOUD.TXT", "Title\nBody.")
    assert ids(load_paths([path])) == ["LOUD"]


def test_same_file_given_twice_is_read_once(tmp_path):
    path = put(tmp_path, "a.txt", "Title\nBody.")
    loaded = load_paths([str(tmp_path), path, path])
    assert ids(loaded) == ["a"]
    assert loaded.errors == ()
    assert loaded.notes == (f"read {path} once (also given as {path})",)


def test_broken_symlink_in_directory_is_reported(tmp_path):
    put(tmp_path, "good.txt", "Title\nBody.")
    (tmp_path / "dead.txt").symlink_to(tmp_path / "gone.txt")
    loaded = load_paths([str(tmp_path)])
    assert ids(loaded) == ["good"]
    error = only_error(loaded)
    assert error.path == str(tmp_path / "dead.txt")
    assert error.reason.startswith("cannot read it:")


# --- bad files --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\t\r\n  ", "file contains only whitespace"),
        (b"abc\x00def", "binary file: NUL byte at offset 3"),
        (b"\xff\xfeT\x00i\x00", "looks like UTF-16 (it starts with a byte-order mark)"),
    ],
)
@pytest.mark.parametrize("extension", [".txt", ".md", ".jsonl", ".csv"])
def test_bad_file_is_one_error_and_the_others_still_load(tmp_path, content, reason, extension):
    bad = put(tmp_path, "bad" + extension, content)
    put(tmp_path, "good.txt", "Title\nBody.")
    put(tmp_path, "rows.jsonl", jsonl({"id": "row", "text": "Row body."}))
    loaded = load_paths([str(tmp_path)])
    assert ids(loaded) == ["good", "row"]
    error = only_error(loaded)
    assert (error.path, error.reason) == (bad, reason)


def test_cp1252_without_encoding_names_offset_and_suggests_cp1252(tmp_path):
    path = put(tmp_path, "win.txt", "Title\nCaf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    error = only_error(load_paths([path]))
    assert error.reason == "not valid UTF-8: byte 0xe9 at offset 9 (line 2)"
    assert error.hint == "it looks like cp1252: pass --encoding cp1252"


def test_cp1252_with_encoding_loads(tmp_path):
    path = put(tmp_path, "win.txt", "Title\nCaf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    loaded = load_paths([path], replace(DEFAULT, encoding="cp1252"))
    assert loaded.errors == ()
    assert loaded.articles[0].text == "Title\nCaf\u00e9 \u201cquoted\u201d"


def test_byte_undefined_in_cp1252_suggests_latin1(tmp_path):
    path = put(tmp_path, "odd.txt", b"Title\nbad \x95\x81 byte")
    error = only_error(load_paths([path], replace(DEFAULT, encoding="cp1252")))
    assert error.reason == "not valid cp1252: byte 0x81 at offset 11 (line 2)"
    assert "latin-1" in error.hint
    loaded = load_paths([path], replace(DEFAULT, encoding="latin-1"))
    assert loaded.errors == ()
    # latin-1 reads 0x95 as the C1 control U+0095: it is given back as cp1252's bullet;
    # 0x81 means nothing in cp1252, so it becomes a space like any control character.
    assert loaded.articles[0].text == "Title\nbad \u2022  byte"


@pytest.mark.parametrize("name", ["no-such-codec", "base64", "rot13"])
def test_unknown_or_non_text_encoding(tmp_path, name):
    path = put(tmp_path, "a.txt", "Title\nBody.")
    loaded = load_paths([path], replace(DEFAULT, encoding=name))
    error = only_error(loaded)
    assert error.path == "--encoding"
    assert name in error.reason
    assert loaded.articles == ()


def test_utf16_with_encoding_loads(tmp_path):
    path = put(tmp_path, "wide.txt", "Title\nBody.".encode("utf-16"))
    loaded = load_paths([path], replace(DEFAULT, encoding="utf-16"))
    assert loaded.errors == ()
    assert loaded.articles[0].text == "Title\nBody."


@pytest.mark.parametrize("encoding", [None, "utf-8"])
def test_utf8_bom_is_stripped(tmp_path, encoding):
    txt = put(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\nBody.")
    rows = put(tmp_path, "bom.csv", b"\xef\xbb\xbfid,text\nc1,Body.\n")
    lines = put(tmp_path, "bomj.jsonl", b'\xef\xbb\xbf{"id": "j1", "text": "Body."}\n')
    loaded = load_paths([txt, rows, lines], replace(DEFAULT, encoding=encoding))
    assert loaded.errors == ()
    assert ids(loaded) == ["bom", "c1", "j1"]
    assert loaded.articles[0].text == "Title\nBody."
    assert loaded.articles[0].title == "Title"


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_crlf_and_cr_become_newlines(tmp_path, newline):
    path = put(tmp_path, "a.txt", newline.join([b"Title", b"", b"Para one.", b"Para two."]))
    article = load_paths([path]).articles[0]
    assert article.text == "Title\n\nPara one.\nPara two."
    assert article.title == "Title"


def test_controls_become_spaces_tabs_stay_and_text_is_nfc(tmp_path):
    path = put(tmp_path, "a.txt", "Title\nx\x07y\tz\x1b[31m caf\u0065\u0301")
    assert load_paths([path]).articles[0].text == "Title\nx y\tz [31m caf\u00e9"


def test_text_keeps_the_title_line_so_offsets_hold(tmp_path):
    body = "\n\n  # Kaluga: 40 drones  \n\nLast night, 40 UAVs were downed.\n"
    article = load_paths([put(tmp_path, "k.md", body)]).articles[0]
    assert article.text == body
    assert article.title == "Kaluga: 40 drones"
    assert (article.id, article.date, article.source, article.url) == ("k", None, None, None)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("## Two marks\nbody", "Two marks"),
        ("#hashtag is not a heading\nbody", "#hashtag is not a heading"),
        ("\n\n\t \nFirst real line \nbody", "First real line"),
        ("#\nbody", ""),
    ],
)
def test_title_is_the_first_non_empty_line(text, title):
    assert title_of(text) == title


def test_unreadable_file_as_non_root(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; see the monkeypatched test below")
    bad = put(tmp_path, "locked.txt", "Title\nBody.")
    put(tmp_path, "ok.txt", "Title\nBody.")
    os.chmod(bad, 0)
    try:
        loaded = load_paths([str(tmp_path)])
    finally:
        os.chmod(bad, 0o644)
    assert ids(loaded) == ["ok"]
    error = only_error(loaded)
    assert (error.path, error.reason) == (bad, "cannot read it: permission denied")


def test_unreadable_file_via_permission_error(tmp_path, monkeypatch):
    bad = put(tmp_path, "locked.txt", "Title\nBody.")
    put(tmp_path, "ok.txt", "Title\nBody.")
    real_open = open

    def fake_open(file, *args, **kwargs):
        if os.fspath(file) == bad:
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(load.files, "open", fake_open, raising=False)
    loaded = load_paths([str(tmp_path)])
    assert ids(loaded) == ["ok"]
    error = only_error(loaded)
    assert (error.path, error.reason) == (bad, "cannot read it: permission denied")


def test_os_error_while_reading_is_an_input_error(tmp_path, monkeypatch):
    bad = put(tmp_path, "flaky.txt", "Title\nBody.")

    def fake_open(file, *args, **kwargs):
        raise OSError(5, "Input/output error", file)

    monkeypatch.setattr(load.files, "open", fake_open, raising=False)
    error = only_error(load_paths([bad]))
    assert error.reason == "cannot read it: input/output error"


# --- limits -----------------------------------------------------------------------------

# A guard against a quadratic scan of one huge line (minutes), not a timing: load speed is
# measured by bench/scale.py.
HANG_GUARD = 30.0


def test_five_megabyte_one_line_article_is_refused_quickly(tmp_path):
    path = put(tmp_path, "huge.txt", "word " * 1_000_000)
    started = time.perf_counter()
    loaded = load_paths([path])
    assert time.perf_counter() - started < HANG_GUARD
    error = only_error(loaded)
    assert error.reason == "article text is 5,000,000 characters, over the 2,000,000 limit"
    assert "max_article_chars" in error.hint


def test_five_megabyte_one_line_article_loads_when_allowed(tmp_path):
    path = put(tmp_path, "huge.txt", "word " * 1_000_000)
    started = time.perf_counter()
    loaded = load_paths([path], replace(DEFAULT, max_article_chars=6_000_000))
    assert time.perf_counter() - started < HANG_GUARD
    assert loaded.errors == ()
    assert len(loaded.articles[0].text) == 5_000_000


def test_file_larger_than_max_file_bytes(tmp_path):
    path = put(tmp_path, "big.txt", "x" * 1001)
    error = only_error(load_paths([path], replace(DEFAULT, max_file_bytes=1000)))
    assert error.reason == "file is too large (1,001 bytes, limit 1,000 bytes)"


def test_long_jsonl_row_is_refused_by_line(tmp_path):
    path = put(
        tmp_path, "r.jsonl", jsonl({"id": "ok", "text": "short"}, {"id": "x", "text": "y" * 50})
    )
    loaded = load_paths([path], replace(DEFAULT, max_article_chars=40))
    assert ids(loaded) == ["ok"]
    assert only_error(loaded).reason == "line 2: article text is 50 characters, over the 40 limit"


# --- JSONL ------------------------------------------------------------------------------


def test_malformed_jsonl_lines_name_their_line_and_the_rest_loads(tmp_path):
    text = (
        jsonl({"id": "a", "text": "A."})
        + '{"id": "b", "text": \n'
        + "\n"
        + "[1, 2]\n"
        + "[" * 100_000
        + "\n"
        + jsonl({"id": "c", "text": "C."})
    )
    path = put(tmp_path, "rows.jsonl", text)
    loaded = load_paths([path])
    assert ids(loaded) == ["a", "c"]
    assert [e.reason for e in loaded.errors[:2]] == [
        "line 2: not valid JSON (Expecting value, column 21)",
        "line 4: expected a JSON object, got a list",
    ]
    assert len(loaded.errors) == 3
    assert loaded.errors[2].reason.startswith("line 5: not valid JSON (")  # too deeply nested
    assert all(e.path == path for e in loaded.errors)


def test_row_fields_null_numbers_and_dates(tmp_path):
    rows = [
        {"id": 42, "text": "Numbered.", "title": None, "source": None, "url": None},
        {"id": "d1", "text": "T", "title": "  A\ntitle ", "date": "2017-04-05"},
        {"id": "d2", "text": "T", "date": "2017-04-05T23:30:00-05:00", "source": "bbc"},
        {"id": "d3", "text": "T", "date": "2017-04-05T10:00:00Z", "url": "https://x.test/a"},
        {"id": "d4", "text": "T", "date": "April 5, 2017", "title": 7},
        {"id": "d5", "text": "T", "date": 20170405, "title": ["not", "text"]},
        {"id": "d6", "text": "T\r\nline\ud800", "date": None},
    ]
    loaded = load_paths([put(tmp_path, "rows.jsonl", jsonl(*rows))])
    assert loaded.errors == ()
    by_id = {a.id: a for a in loaded.articles}
    assert set(by_id) == {"42", "d1", "d2", "d3", "d4", "d5", "d6"}
    assert (by_id["42"].title, by_id["42"].source, by_id["42"].url) == ("", None, None)
    assert (by_id["d1"].title, by_id["d1"].date) == ("A title", "2017-04-05")
    assert (by_id["d2"].date, by_id["d2"].source) == ("2017-04-05", "bbc")
    assert (by_id["d3"].date, by_id["d3"].url) == ("2017-04-05", "https://x.test/a")
    assert (by_id["d4"].date, by_id["d4"].title) == ("2017-04-05", "7")
    assert (by_id["d5"].date, by_id["d5"].title) == (None, "")
    assert by_id["d6"].text == "T\nline\ufffd"
    by_id["d6"].text.encode("utf-8")  # lone surrogates would make every writer fail


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"id": "x", "text": None}, "line 2: 'text' is null, not a string (id 'x')"),
        ({"id": "x", "text": 5}, "line 2: 'text' is a number, not a string (id 'x')"),
        ({"id": "x"}, "line 2: 'text' is missing (id 'x')"),
        ({"id": "x", "text": " \n "}, "line 2: empty text (id 'x')"),
        ({"id": None, "text": "T"}, "line 2: 'id' is null"),
        ({"text": "T"}, "line 2: 'id' is missing"),
        ({"id": " ", "text": "T"}, "line 2: empty 'id'"),
        ({"id": True, "text": "T"}, "line 2: 'id' is a boolean"),
    ],
)
def test_bad_row_is_an_error_naming_its_line(tmp_path, row, reason):
    path = put(tmp_path, "rows.jsonl", jsonl({"id": "ok", "text": "Fine."}, row))
    loaded = load_paths([path])
    assert ids(loaded) == ["ok"]
    assert only_error(loaded).reason == reason


def test_many_bad_rows_are_capped_with_a_summary(tmp_path):
    path = put(tmp_path, "junk.jsonl", "not json\n" * 30)
    loaded = load_paths([path], replace(DEFAULT, max_errors_per_file=20))
    assert len(loaded.errors) == 21
    assert loaded.errors[0].reason.startswith("line 1: not valid JSON")
    assert loaded.errors[-1].reason == "10 more bad rows not listed"


def test_jsonl_with_only_blank_lines_between_rows_numbers_lines_from_the_file(tmp_path):
    path = put(tmp_path, "r.jsonl", '\n\n{"id": "a", "text": ""}\r\n')
    assert only_error(load_paths([path])).reason == "line 3: empty text (id 'a')"


# --- CSV --------------------------------------------------------------------------------


def test_csv_without_id_and_text_names_the_columns_found(tmp_path):
    path = put(tmp_path, "x.csv", "unit_id,article_content,,\n1,hello,,\n")
    error = only_error(load_paths([path]))
    assert error.reason == (
        "CSV has no 'id' or 'text' column (columns found: 'unit_id', 'article_content')"
    )
    assert "--id-column and --text-column" in error.hint


def test_csv_without_text_column(tmp_path):
    path = put(tmp_path, "x.csv", "id,body\n1,hello\n")
    assert only_error(load_paths([path])).reason == (
        "CSV has no 'text' column (columns found: 'id', 'body')"
    )


def test_csv_with_header_only_has_no_rows(tmp_path):
    path = put(tmp_path, "x.csv", "id,text\n")
    assert only_error(load_paths([path])).reason == "no rows"


def test_csv_rows_quoted_newlines_and_line_numbers(tmp_path):
    text = (
        "ID, Text ,title,date,extra\r\n"
        '1,"First line\r\nsecond, with comma",T1,2020-01-02,z\r\n'
        "\r\n"
        "2,,T2,,\r\n"
        "3,Third.\r\n"
    )
    loaded = load_paths([put(tmp_path, "x.csv", text)])
    assert ids(loaded) == ["1", "3"]
    first = loaded.articles[0]
    assert (first.text, first.title, first.date) == (
        "First line\nsecond, with comma",
        "T1",
        "2020-01-02",
    )
    assert loaded.articles[1].title == ""
    assert only_error(loaded).reason == "line 5: empty text (id '2')"


def test_csv_field_longer_than_csv_default_limit_loads_and_limit_is_restored(tmp_path):
    before = csv.field_size_limit()
    body = "long " * 40_000  # 200,000 characters: over csv's 131,072 default
    path = put(tmp_path, "x.csv", f"id,text\nbig,{body}\n")
    loaded = load_paths([path])
    assert loaded.errors == ()
    assert loaded.articles[0].text == body
    assert csv.field_size_limit() == before


# --- duplicates and determinism ---------------------------------------------------------


def test_duplicate_ids_keep_the_first_in_sorted_path_order_and_name_both(tmp_path):
    a = put(tmp_path, "a/x.txt", "From a\nbody")
    b = put(tmp_path, "b.jsonl", jsonl({"id": "y", "text": "one"}, {"id": "x", "text": "two"}))
    c = put(tmp_path, "c.jsonl", jsonl({"id": "y", "text": "three"}))
    for order in ([c, b, a], [a, b, c]):
        loaded = load_paths(order)
        assert [(art.id, art.path, art.text) for art in loaded.articles] == [
            ("x", a, "From a\nbody"),
            ("y", b, "one"),
        ]
        assert messages(loaded) == [
            f"{b}: duplicate id 'x' at {b} line 2; kept the one at {a} "
            "(give every article a unique id, or pass --dedupe suffix (or first))",
            f"{c}: duplicate id 'y' at {c} line 1; kept the one at {b} line 1 "
            "(give every article a unique id, or pass --dedupe suffix (or first))",
        ]


def test_result_does_not_depend_on_path_order(tmp_path):
    folder = tmp_path / "dir"
    put(folder, "z.txt", "Z\nz")
    put(folder, "m.md", "# M\nm")
    put(folder, "skip.pdf", "x")
    put(folder, "bad.txt", b"\x00")
    loose = put(tmp_path, "loose.jsonl", jsonl({"id": "b", "text": "B"}, {"id": "a", "text": "A"}))
    missing = str(tmp_path / "missing.txt")
    paths = [str(folder), loose, missing]
    first = load_paths(paths)
    again = load_paths(list(reversed(paths)))
    assert first.articles == again.articles
    assert messages(first) == messages(again)
    assert first.notes == again.notes
    assert ids(first) == ["a", "b", "m", "z"]
    assert len(first.errors) == 2


def test_every_problem_is_an_input_error(tmp_path):
    put(tmp_path, "e.txt", "")
    put(tmp_path, "n.txt", b"\x00")
    put(tmp_path, "w.txt", b"\xff\xfe\xfd")
    put(tmp_path, "j.jsonl", "{bad\n")
    put(tmp_path, "c.csv", "a,b\n")
    loaded = load_paths([str(tmp_path), str(tmp_path / "missing")])
    assert len(loaded.errors) == 6
    assert all(isinstance(error, InputError) for error in loaded.errors)


# --- stdin ------------------------------------------------------------------------------


def test_stdin_plain_text_is_one_article():
    loaded = load_paths(["-"], stdin=io.StringIO("Headline\r\nBody text.\n"))
    assert [(a.id, a.path, a.title, a.text) for a in loaded.articles] == [
        ("stdin", "<stdin>", "Headline", "Headline\nBody text.\n")
    ]


def test_stdin_jsonl_is_detected_by_its_first_brace():
    data = ("\n  " + jsonl({"id": "s1", "text": "One."}, {"id": "s2", "text": "Two."})).encode()
    loaded = load_paths(["-"], stdin=io.BytesIO(data))
    assert ids(loaded) == ["s1", "s2"]
    assert {a.path for a in loaded.articles} == {"<stdin>"}


def test_stdin_bytes_follow_the_encoding_setting():
    raw = io.TextIOWrapper(io.BytesIO("Caf\u00e9\nBody.".encode("cp1252")))
    error = only_error(load_paths(["-"], stdin=raw))
    assert error.path == "<stdin>"
    assert error.hint == "it looks like cp1252: pass --encoding cp1252"
    raw = io.TextIOWrapper(io.BytesIO("Caf\u00e9\nBody.".encode("cp1252")))
    loaded = load_paths(["-"], replace(DEFAULT, encoding="cp1252"), stdin=raw)
    assert loaded.articles[0].title == "Caf\u00e9"


def test_empty_stdin_and_stdin_given_twice(tmp_path):
    assert only_error(load_paths(["-"], stdin=io.BytesIO(b""))).message() == (
        "<stdin>: file is empty (give it an article, or leave it out)"
    )
    loaded = load_paths(["-", "-"], stdin=io.BytesIO(b"Title\nBody"))
    assert ids(loaded) == ["stdin"]
    assert loaded.errors == ()


def test_stdin_and_a_file_with_the_same_id(tmp_path):
    path = put(tmp_path, "stdin.txt", "From file\nbody")
    loaded = load_paths([path, "-"], stdin=io.StringIO("From stdin\nbody"))
    assert [a.title for a in loaded.articles] == ["From stdin"]  # "-" sorts before paths
    assert only_error(loaded).path == path


# --- helpers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-05", "2017-04-05"),
        (" 2017-04-05 ", "2017-04-05"),
        ("2017-04-05T10:00:00", "2017-04-05"),
        ("2017-04-05 10:00:00+02:00", "2017-04-05"),
        ("2017-04-05T10:00:00.123Z", "2017-04-05"),
        ("2017-13-05", None),
        ("05/04/2017", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (2017, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --- the real corpora -------------------------------------------------------------------

needs_corpora = pytest.mark.skipif(not SHARED.exists(), reason="shared corpora not available")


@needs_corpora
def test_fakes_csv_default_encoding_suggests_latin1_not_a_failing_cp1252():
    """cp1252 would stop at the 49 stray 0x81 bytes: the hint goes straight to latin-1."""
    error = only_error(load_paths([str(FAKES)]))
    assert error.reason == "not valid UTF-8: byte 0x95 at offset 214894 (line 84)"
    assert error.hint == (
        "pass --encoding latin-1, which accepts every byte; it reads like cp1252 with stray bytes"
    )


@needs_corpora
def test_fakes_csv_cp1252_fails_on_0x81_and_suggests_latin1():
    error = only_error(load_paths([str(FAKES)], replace(DEFAULT, encoding="cp1252")))
    assert error.reason == "not valid cp1252: byte 0x81 at offset 214895 (line 84)"
    assert "latin-1" in error.hint


@needs_corpora
def test_fakes_csv_latin1_names_the_columns_it_has():
    error = only_error(load_paths([str(FAKES)], replace(DEFAULT, encoding="latin-1")))
    assert error.reason == (
        "CSV has no 'id' or 'text' column (columns found: 'unit_id', 'article_title', "
        "'article_content', 'source', 'date', 'location', 'labels')"
    )


@needs_corpora
def test_gva_dev_loads_whole():
    """Load speed is measured per stage by bench/scale.py, not here."""
    loaded = load_paths([str(GVA_DEV)])
    assert loaded.errors == ()
    assert len(loaded.articles) == 2612
    assert all(a.date is None or len(a.date) == 10 for a in loaded.articles)


@needs_corpora
def test_ecbplus_topic_and_seeds_load():
    ecb = load_paths([str(ECB_DEV_1)])
    assert (len(ecb.articles), ecb.errors) == (39, ())
    assert all(a.title == "" and a.path == str(ECB_DEV_1) for a in ecb.articles)
    seeds = load_paths([str(SEEDS)])
    assert (len(seeds.articles), seeds.errors, seeds.notes) == (5, (), ())
    first = seeds.articles[0]
    assert first.id == "000_3ffce216f57b5052"
    assert first.title.startswith("Late-Breaking: 40 Drones Intercepted in Kaluga Oblast")
    assert first.text.startswith(first.title)


def test_stdin_larger_than_max_file_bytes_is_refused_without_reading_it_all():
    stream = io.BytesIO(b"x" * 5000)
    error = only_error(load_paths(["-"], replace(DEFAULT, max_file_bytes=1000), stdin=stream))
    assert error.message() == (
        "<stdin>: file is too large (limit 1,000 bytes) "
        "(split it into smaller files, or raise max_file_bytes)"
    )
    assert stream.tell() == 1001


def test_stdin_text_with_a_byte_order_mark_is_still_detected_as_jsonl():
    loaded = load_paths(["-"], stdin=io.StringIO("\ufeff" + jsonl({"id": "b", "text": "B."})))
    assert (ids(loaded), loaded.errors) == (["b"], ())


@needs_corpora
def test_fakes_csv_loads_every_row_with_its_date_given_the_readme_options():
    """FA-KES as a new user meets it: latin-1, its own column names, 12 repeated ids and
    4/5/2017-style dates. The README's one command reads all 804 rows, every date."""
    settings = replace(
        DEFAULT,
        encoding="latin-1",
        columns=(("id", "unit_id"), ("text", "article_content"), ("title", "article_title")),
        dedupe="suffix",
        date_order="mdy",
    )
    loaded = load_paths([str(FAKES)], settings)
    assert loaded.errors == ()
    assert len(loaded.articles) == 804
    assert all(a.date and a.title and a.source for a in loaded.articles)
    assert loaded.notes == (
        f"12 articles with a repeated id renamed with a suffix (--dedupe suffix), e.g. "
        f"'1926479049' at {FAKES} line 464",
    )
