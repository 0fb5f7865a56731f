"""Every kind of bad or odd input, through the command: a one-line error and exit 2, or a
correct audit. The load stage's own details (exact offsets, row caps, ...) are in
test_load.py; here each case is checked end to end: exit code, the exact ``Error:`` line on
standard error, and what was still audited.

Cases from the issue, in its order: missing path; empty directory; directory with no
supported files; empty file; whitespace-only file; binary file; non-UTF-8 text (a sample of
the real FA-KES CSV); UTF-8 BOM; CRLF and CR line ends; malformed JSONL; CSV without an id
or text column; duplicate ids; null/number fields; one article only; two identical articles;
a 5 MB one-line article; an unreadable file; several files where one is bad. Then: no input
we can construct gives a traceback.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import checker.load.files
from checker.cli import cli, main
from checker.model import Article
from checker.pipeline import run
from tests.helpers import DATA, SEEDS

FAKES_SAMPLE = DATA / "fakes-sample.cp1252.csv"  # header + 4 rows of FA-KES-Dataset.csv, as is
ARTICLE = (
    "Drones shot down over Kaluga\n\n"
    "Air defences shot down 40 drones over Kaluga overnight, the governor said.\n"
    "No casualties were reported.\n"
)
OTHER = (
    "Fire in Banstead\n\nMore than 50 firefighters tackled the blaze in Banstead, police said.\n"
)


def audit(*args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, ["audit", *args], input=input)


def errors(result) -> list[str]:
    lines = result.stderr.splitlines()
    assert all(line.startswith(("Error: ", "Note: ")) for line in lines), lines
    return [line for line in lines if line.startswith("Error: ")]


def put(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def audited_ids(result) -> list[str]:
    return [a["id"] for a in json.loads(result.stdout)["articles"]]


def as_json(*args: str) -> str:
    result = audit("-f", "json", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


# --- paths -----------------------------------------------------------------------------------


def test_missing_path(tmp_path):
    result = audit(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert errors(result) == [
        f"Error: {tmp_path / 'nope.txt'}: no such file or directory (check the path)"
    ]


def test_empty_directory(tmp_path):
    result = audit(str(tmp_path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {tmp_path}: directory is empty (give .txt, .md, .csv or "
        ".jsonl files, a directory of them, or - for stdin)"
    ]


def test_directory_with_no_supported_files(tmp_path):
    put(tmp_path, "a.pdf", b"%PDF")
    put(tmp_path, "b.docx", b"PK")
    (tmp_path / "sub").mkdir()
    result = audit(str(tmp_path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {tmp_path}: no .txt, .md, .csv or .jsonl files in directory (3 other entries) "
        "(give .txt, .md, .csv or .jsonl files, a directory of them, or - for stdin)"
    ]


def test_single_file_of_an_unsupported_type(tmp_path):
    path = put(tmp_path, "report.pdf", b"%PDF-1.4")
    result = audit(str(path))
    assert result.exit_code == 2
    [line] = errors(result)
    assert line.startswith(f"Error: {path}: unsupported file type '.pdf' (")


def test_directory_notes_what_it_skipped_and_audits_the_rest(tmp_path):
    put(tmp_path, "a.txt", ARTICLE)
    put(tmp_path, "notes.pdf", b"%PDF")
    (tmp_path / "sub").mkdir()
    result = audit("-f", "json", str(tmp_path))
    assert result.exit_code == 0
    assert errors(result) == []
    assert "Note: skipped 1 files with unsupported extensions" in result.stderr
    assert audited_ids(result) == ["a"]


# --- empty, whitespace, binary ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n  \n", "file contains only whitespace"),
        ("\ufeff\u00a0\u2003\n\u3000".encode(), "file contains only whitespace"),
    ],
)
def test_empty_and_whitespace_only_files(tmp_path, content, reason):
    path = put(tmp_path, "blank.txt", content)
    result = audit(str(path))
    assert result.exit_code == 2
    assert errors(result) == [f"Error: {path}: {reason} (give it an article, or leave it out)"]


@pytest.mark.parametrize("content", ["\u00a0\n\ufeff", "\u200b\u200b\n", "\u2060\u200d"])
def test_file_of_invisible_characters_is_refused_as_blank(tmp_path, content):
    path = put(tmp_path, "blank.txt", content)
    result = audit(str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: file contains only whitespace (give it an article, or leave it out)"
    ]


def test_empty_stdin():
    result = audit("-", input=b"")
    assert result.exit_code == 2
    assert errors(result) == ["Error: <stdin>: file is empty (give it an article, or leave it out)"]


@pytest.mark.parametrize("name", ["image.txt", "rows.jsonl", "table.csv"])
def test_binary_file(tmp_path, name):
    path = put(tmp_path, name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = audit(str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: binary file: NUL byte at offset 8 (give text "
        "files: .txt, .md, .csv or .jsonl)"
    ]


def test_utf16_file_gets_an_encoding_hint(tmp_path):
    path = put(tmp_path, "a.txt", ARTICLE.encode("utf-16"))
    result = audit(str(path))
    assert result.exit_code == 2
    [line] = errors(result)
    assert "--encoding utf-16" in line
    assert audit("--encoding", "utf-16", str(path)).exit_code == 0


# --- encodings: the real FA-KES CSV is cp1252 with stray bytes -------------------------------


def test_fakes_sample_is_the_real_thing():
    data = FAKES_SAMPLE.read_bytes()
    assert b"\x95\x81" in data  # the stray bytes of the original, line 84
    assert data.startswith(b"unit_id,article_title,article_content,")


def test_non_utf8_says_where_and_suggests_encoding():
    result = audit(str(FAKES_SAMPLE))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {FAKES_SAMPLE}: not valid UTF-8: byte 0x95 at offset 6289 (line 4) "
        "(pass --encoding latin-1, which accepts every byte; it reads like cp1252 with stray "
        "bytes)"
    ]


def test_cp1252_stops_at_the_stray_byte_and_suggests_latin1():
    result = audit("--encoding", "cp1252", str(FAKES_SAMPLE))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {FAKES_SAMPLE}: not valid cp1252: byte 0x81 at offset 6290 (line 4) "
        "(pass --encoding latin-1, which accepts every byte)"
    ]


def test_latin1_reads_it_and_names_the_missing_columns():
    result = audit("--encoding", "latin-1", str(FAKES_SAMPLE))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {FAKES_SAMPLE}: CSV has no 'id' or 'text' column (columns found: 'unit_id', "
        "'article_title', 'article_content', 'source', 'date', 'location', 'labels') "
        "(name the columns to use with --id-column and --text-column)"
    ]


def test_following_the_hints_audits_the_fakes_sample(tmp_path):
    data = FAKES_SAMPLE.read_bytes().replace(
        b"unit_id,article_title,article_content,", b"id,title,text,", 1
    )
    path = put(tmp_path, "fakes.csv", data)
    result = audit("-f", "json", "--encoding", "latin-1", str(path))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["articles"]) == 4
    assert all(a["sentences"] > 0 for a in report["articles"])
    assert "\x81" not in result.stdout and "\x95" not in result.stdout


def test_cp1252_text_file_with_encoding(tmp_path):
    path = put(tmp_path, "a.txt", "Caf\u00e9 \u201cquote\u201d \u2014 3 died.\n".encode("cp1252"))
    assert audit(str(path)).exit_code == 2
    result = audit("-f", "json", "--encoding", "cp1252", str(path))
    assert result.exit_code == 0
    title = json.loads(result.stdout)["articles"][0]["title"]
    assert title == "Caf\u00e9 \u201cquote\u201d \u2014 3 died."


# --- BOM and line ends: the same audit as plain UTF-8 with \n --------------------------------


def same_name_elsewhere(tmp_path, monkeypatch, name: str, variants: dict[str, bytes]) -> dict:
    """JSON audit of each variant written under one relative name, so paths match."""
    out = {}
    for label, content in variants.items():
        folder = tmp_path / label
        put(folder, name, content)
        monkeypatch.chdir(folder)
        out[label] = as_json(name)
    return out


@pytest.mark.parametrize(
    ("name", "plain"),
    [
        ("a.txt", ARTICLE),
        ("a.jsonl", json.dumps({"id": "a", "title": "T", "text": ARTICLE}) + "\n"),
        ("a.csv", 'id,title,text\na,T,"' + ARTICLE + '"\n'),
    ],
)
def test_utf8_bom(tmp_path, monkeypatch, name, plain):
    outputs = same_name_elsewhere(
        tmp_path,
        monkeypatch,
        name,
        {
            "plain": plain.encode("utf-8"),
            "bom": b"\xef\xbb\xbf" + plain.encode("utf-8"),
        },
    )
    assert outputs["bom"] == outputs["plain"]
    assert "\ufeff" not in outputs["bom"]


@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", "a.csv"])
def test_crlf_and_cr_line_ends(tmp_path, monkeypatch, name):
    if name == "a.txt":
        plain = ARTICLE
    elif name == "a.jsonl":
        plain = "".join(
            json.dumps({"id": i, "text": t}) + "\n" for i, t in (("a", ARTICLE), ("b", OTHER))
        )
    else:
        plain = 'id,text\na,"' + ARTICLE + '"\nb,"' + OTHER + '"\n'
    variants = {
        "lf": plain.encode(),
        "crlf": plain.replace("\n", "\r\n").encode(),
        "cr": plain.replace("\n", "\r").encode(),
    }
    if name == "a.jsonl":
        del variants["cr"]  # a lone CR is not a JSONL line end: see the next test
    outputs = same_name_elsewhere(tmp_path, monkeypatch, name, variants)
    assert all(text == outputs["lf"] for text in outputs.values())
    assert "\\r" not in outputs["lf"]


def test_jsonl_with_cr_only_line_ends_is_read_or_refused_clearly(tmp_path):
    rows = "".join(
        json.dumps({"id": i, "text": t}) + "\r" for i, t in (("a", ARTICLE), ("b", OTHER))
    )
    path = put(tmp_path, "a.jsonl", rows)
    result = audit("-f", "json", str(path))
    if result.exit_code == 0:
        assert audited_ids(result) == ["a", "b"]
    else:
        assert result.exit_code == 2
        [line] = errors(result)
        assert line.startswith(f"Error: {path}: line 1: ")


# --- JSONL and CSV rows ----------------------------------------------------------------------


def test_malformed_jsonl_names_the_bad_line_and_audits_the_rest(tmp_path):
    path = put(
        tmp_path,
        "rows.jsonl",
        "\n".join(
            [
                json.dumps({"id": "a", "text": ARTICLE}),
                '{"id": "b", "text": "unterminated',
                "",
                "[1, 2]",
                json.dumps({"id": "c", "text": OTHER}),
            ]
        )
        + "\n",
    )
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: line 2: not valid JSON (Unterminated string starting at, column 21) "
        "(each line must be one JSON object)",
        f"Error: {path}: line 4: expected a JSON object, got a list (each line must be one JSON "
        "object)",
    ]
    assert audited_ids(result) == ["a", "c"]


@pytest.mark.parametrize(
    ("header", "missing", "options"),
    [
        ("title,body\n", "'id' or 'text'", "--id-column and --text-column"),
        ("id,body\n", "'text'", "--text-column"),
        ("text,title\n", "'id'", "--id-column"),
    ],
)
def test_csv_without_id_or_text_column(tmp_path, header, missing, options):
    path = put(tmp_path, "t.csv", header + "x,y\n")
    result = audit(str(path))
    assert result.exit_code == 2
    [line] = errors(result)
    assert line.startswith(f"Error: {path}: CSV has no {missing} column (columns found: ")
    assert line.endswith(f"(name the columns to use with {options})")


def test_null_and_number_fields(tmp_path):
    path = put(
        tmp_path,
        "rows.jsonl",
        "".join(
            json.dumps(row) + "\n"
            for row in [
                {
                    "id": 7,
                    "text": ARTICLE,
                    "title": None,
                    "date": 20240101,
                    "source": 3,
                    "url": None,
                },
                {"id": None, "text": OTHER},
                {"id": "n", "text": None},
                {"id": "m", "text": 42},
                {"id": 2.5, "text": OTHER, "date": "2024-03-01T10:00:00"},
            ]
        ),
    )
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    hint = "(each row needs an 'id' and a 'text'; 'title', 'date', 'source', 'url' are optional)"
    assert errors(result) == [
        f"Error: {path}: line 2: 'id' is null {hint}",
        f"Error: {path}: line 3: 'text' is null, not a string (id 'n') {hint}",
        f"Error: {path}: line 4: 'text' is a number, not a string (id 'm') {hint}",
    ]
    articles = json.loads(result.stdout)["articles"]
    assert [(a["id"], a["title"], a["date"], a["source"]) for a in articles] == [
        ("2.5", "", "2024-03-01", None),
        ("7", "", None, "3"),
    ]


# --- duplicate ids ---------------------------------------------------------------------------


def test_duplicate_ids_across_files_keep_one_and_name_both(tmp_path):
    first = put(tmp_path, "one/a.txt", ARTICLE)
    second = put(tmp_path, "two/a.txt", OTHER)
    result = audit("-f", "json", str(second), str(first))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {second}: duplicate id 'a' at {second}; kept the one at {first} "
        "(give every article a unique id, or pass --dedupe suffix (or first))"
    ]
    assert [a["path"] for a in json.loads(result.stdout)["articles"]] == [str(first)]


def test_duplicate_ids_in_one_file(tmp_path):
    path = put(
        tmp_path,
        "rows.jsonl",
        "".join(json.dumps({"id": "a", "text": t}) + "\n" for t in (ARTICLE, OTHER)),
    )
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: duplicate id 'a' at {path} line 2; kept the one at {path} line 1 "
        "(give every article a unique id, or pass --dedupe suffix (or first))"
    ]
    assert audited_ids(result) == ["a"]


# --- one article, two identical articles -----------------------------------------------------


def test_one_article_only_says_there_is_nothing_to_compare(tmp_path):
    path = put(tmp_path, "a.txt", ARTICLE)
    result = audit(str(path))
    assert result.exit_code == 0
    assert errors(result) == []
    assert "only one article: nothing to compare it with" in result.stdout
    notes = json.loads(as_json(str(path)))["notes"]
    assert any("nothing to compare" in note for note in notes)


def test_two_identical_articles_never_contradict_each_other(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    a, b = put(tmp_path, "a.txt", seed), put(tmp_path, "b.txt", seed)
    for args in (
        [],
        ["--events", str(put(tmp_path, "e.toml", '[[event]]\nid = "x"\narticles = ["a", "b"]\n'))],
    ):
        result = audit("-f", "json", "--fail-on", "contradiction", str(a), str(b), *args)
        assert result.exit_code == 0, result.output
        verdicts = {f["verdict"] for f in json.loads(result.stdout)["findings"]}
        assert not verdicts & {"contradiction", "disputed"}


def test_two_identical_articles_are_one_event(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    result = audit(
        "-f", "json", str(put(tmp_path, "a.txt", seed)), str(put(tmp_path, "b.txt", seed))
    )
    report = json.loads(result.stdout)
    assert [e["articles"] for e in report["events"]] == [["a", "b"]]
    assert any(f["verdict"] == "agreement" for f in report["findings"])


def test_identical_reports_that_say_both_never_contradict_each_other():
    # Each copy says "damaged" and "no property damage": not a disagreement between them.
    text = "Homes in Qeshm had been damaged.\n\nNo property damage had been reported."
    report = run([Article("a", text), Article("b", text)], overrides=[["a", "b"]])
    assert [f for f in report.findings if f.kind == "negation"] == []


def test_negation_contradiction_does_not_depend_on_article_order():
    damaged = "Homes in Qeshm had been damaged, officials said."
    spared = "No property damage had been reported in Qeshm, officials said."
    seen = []
    for first, second in ((damaged, spared), (spared, damaged)):
        report = run([Article("a", first), Article("b", second)], overrides=[["a", "b"]])
        by_id = {"a": first, "b": second}
        seen.append(
            sorted(
                (f.verdict, f.kind, tuple(sorted((by_id[c.article], c.quote) for c in f.claims)))
                for f in report.findings
            )
        )
    assert seen[0] == seen[1]
    assert ("contradiction", "negation") in [found[:2] for found in seen[0]]


WAVE = (
    "In Voronezh Oblast, the governor confirmed the destruction of a fast air target, which "
    "authorities believe was part of the same wave of attacks."
)
SEPARATE = (
    "Meanwhile, the Voronezh region reported a separate incident involving a high-speed air "
    "target that was shot down."
)


def disputes(texts: dict[str, str], rename: dict[str, str]) -> list[tuple]:
    report = run([Article(i, t) for i, t in texts.items()], overrides=[sorted(texts)])
    return sorted(
        (f.verdict, f.kind, tuple(sorted((rename[c.article], c.quote) for c in f.claims)))
        for f in report.findings
        if f.verdict in ("disputed", "contradiction", "agreement")
    )


def test_disputed_relation_does_not_depend_on_article_ids():
    same = {"a": "a", "b": "b", "c": "c"}
    first = disputes({"a": WAVE, "b": SEPARATE, "c": SEPARATE}, same)
    # The same three reports with the ids of the first and last swapped.
    second = disputes({"a": SEPARATE, "b": SEPARATE, "c": WAVE}, {"a": "c", "b": "b", "c": "a"})
    assert ("disputed", "relation") in [x[:2] for x in first]
    assert second == first


# --- limits: a 5 MB one-line article ---------------------------------------------------------


def test_five_megabyte_one_line_article_is_refused_quickly_with_the_setting_named(tmp_path):
    path = put(tmp_path, "huge.txt", "word " * 1_000_000)
    result = audit(str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: article text is 5,000,000 characters, over the 2,000,000 limit "
        "(split the article, or raise max_article_chars)"
    ]


def test_five_megabyte_one_line_jsonl_row_is_refused_and_the_rest_audited(tmp_path):
    path = put(
        tmp_path,
        "rows.jsonl",
        json.dumps({"id": "big", "text": "word " * 1_000_000})
        + "\n"
        + json.dumps({"id": "ok", "text": ARTICLE})
        + "\n",
    )
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    [line] = errors(result)
    assert line.startswith(f"Error: {path}: line 1: article text is 5,000,000 characters")
    assert audited_ids(result) == ["ok"]


SENTENCE = "The army said 40 drones were shot down over Kaluga. "


def test_one_line_article_at_the_size_limit_audits_in_bounded_time(tmp_path):
    """The largest article the default settings let through, through the installed command.

    The timeout is a hang guard (about 7 s here; a quadratic step took minutes), not a speed
    measurement: bench/speed.py measures the 5 MB case."""
    text = (SENTENCE * (2_000_000 // len(SENTENCE) + 1))[:1_999_990]
    path = put(tmp_path, "big.txt", text)
    done = subprocess.run(
        [sys.executable, "-m", "checker.cli", "audit", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_self_contradictions_grow_at_most_linearly():
    text = "".join(
        f"The army said {40 + i % 7} drones were shot down over Kaluga.\n" for i in range(400)
    )
    report = run([Article("a", text)])
    assert len(report.findings) <= 400


def test_one_long_token_audits_in_bounded_time(tmp_path):
    path = put(tmp_path, "token.txt", "x" * 200_000)
    done = subprocess.run(
        [sys.executable, "-m", "checker.cli", "audit", str(path)],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard: 0.5 s here, minutes when the boilerplate regex backtracked
    )
    assert done.returncode == 0, done.stderr


# --- unreadable files, and one bad file among good ones --------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_as_non_root(tmp_path):
    path = put(tmp_path, "secret.txt", ARTICLE)
    path.chmod(0)
    try:
        result = audit(str(path))
    finally:
        path.chmod(0o600)
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: cannot read it: permission denied (check its permissions)"
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    secret = put(tmp_path, "secret.txt", ARTICLE)
    fine = put(tmp_path, "fine.txt", OTHER)

    def guarded_open(file, *args, **kwargs):
        if os.fspath(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(checker.load.files, "open", guarded_open, raising=False)
    result = audit("-f", "json", str(secret), str(fine))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {secret}: cannot read it: permission denied (check its permissions)"
    ]
    assert audited_ids(result) == ["fine"]


def test_several_files_where_some_are_bad(tmp_path):
    for name in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(name, tmp_path / name.name)
    bad = put(tmp_path, "z-binary.txt", b"GIF89a\x00\x01")
    empty = put(tmp_path, "y-empty.md", b"")
    rows = put(tmp_path, "x-rows.jsonl", json.dumps({"id": "row", "text": OTHER}) + "\n{oops\n")
    result = audit("-f", "json", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {tmp_path / 'missing.txt'}: no such file or directory (check the path)",
        f"Error: {rows}: line 2: not valid JSON (Expecting property name enclosed in double "
        "quotes, column 2) (each line must be one JSON object)",
        f"Error: {empty}: file is empty (give it an article, or leave it out)",
        f"Error: {bad}: binary file: NUL byte at offset 6 (give text files: .txt, .md, .csv "
        "or .jsonl)",
    ]
    assert audited_ids(result) == sorted(
        [p.stem for p in sorted(SEEDS.glob("*.txt"))[:3]] + ["row"]
    )


# --- digits that int() does not read ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "\u00b9",
        "In \u00b2\u2070\u00b2\u2070 the fire spread.",
        "The boy, \u00b9\u00b2, was hurt.",
        "\u2460\u2461",
    ],
)
def test_superscript_and_circled_digits_do_not_crash(text):
    run([Article("a", text)])


# --- no traceback, whatever the input --------------------------------------------------------

NASTY = {
    "controls.txt": "Title\x00\x07\x1b[2J\x7f\x9b\n\nbody \x1b]0;x\x07 40 drones".encode(),
    "surrogate.jsonl": b'{"id": "\\ud800", "text": "\\udfff 3 people \\ud83d died"}\n',
    "deep.jsonl": b'{"id": "d", "text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
    "nested.jsonl": b"[" * 100_000 + b"\n",
    "huge-number.jsonl": b'{"id": 1e400, "text": "x"}\n{"id": ' + b"9" * 5000 + b', "text": "y"}\n',
    "unclosed.csv": b'id,text\na,"never closed\n',
    "nul-free-garbage.txt": bytes(range(1, 256)),
    "only-headers.csv": b"id,text\n",
    "pipes.md": b"| a | b |\n|---|---|\n| <b>x</b> | `y` |\n\n# 40 drones | over Kaluga",
    "numbers.txt": "1e400 drones; -0 killed; NaN died; 10^9999 people; \u0663\u0660 hurt".encode(),
    "bidi.txt": "\u202eevil\u202c 40 drones \u2066over\u2069 Kaluga \u2028 \u2029 \ufeff".encode(),
    "long-word.txt": b"x" * 10_000,  # longer ones: see test_one_long_token_audits_in_bounded_time
    "many-lines.txt": b"a.\n" * 10_000,
}


@pytest.mark.parametrize("name", sorted(NASTY))
def test_no_traceback_for_nasty_files(tmp_path, capsys, name):
    path = put(tmp_path, name, NASTY[name])
    for fmt in ("table", "markdown", "json", "csv"):
        with pytest.raises(SystemExit) as stop:
            main(["audit", "-f", fmt, str(path)])
        captured = capsys.readouterr()
        assert stop.value.code in (0, 2), (fmt, captured.err)
        assert "Traceback" not in captured.err
        assert all(line.startswith(("Error: ", "Note: ")) for line in captured.err.splitlines())
        if stop.value.code == 2:
            assert errors_of(captured.err), captured.err


def errors_of(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


# Bytes that hit the loader's branches: encodings, NULs, JSON and CSV syntax, line ends.
_SHARDS = [
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\r",
    b"\n",
    b"\r\n",
    b'"',
    b",",
    b"{",
    b"}",
    b'{"id": "a", "text": "',
    b'"}',
    b"id,text\n",
    b"\x95\x81",
    b"\xc3\xa9",
    b" 40 ",
    b"drones",
    b"Kaluga",
    b"|",
    b"<",
    b"\x1b[",
    b"\t",
    b"\\",
    b"\xe2\x80\xae",
]


@given(
    st.lists(st.sampled_from(_SHARDS) | st.binary(max_size=8), max_size=25).map(b"".join),
    st.sampled_from(["a.txt", "a.md", "a.jsonl", "a.csv"]),
    st.sampled_from([[], ["--encoding", "latin-1"], ["--encoding", "utf-16"]]),
)
def test_any_bytes_in_any_supported_file_exit_0_or_2_with_one_line_errors(data, name, options):
    # tmp_path is per test, not per example: each example writes its own directory.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        result = audit("-f", "json", *options, str(path))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 2), result.output
    lines = result.stderr.splitlines()
    assert all(line.startswith(("Error: ", "Note: ")) for line in lines), lines
    if result.exit_code == 2:
        assert errors_of(result.stderr)
    else:
        json.loads(result.stdout)


# --- issue 10: input options, CSV rows never lost, outputs never harmed -----------------------

CSV_ROWS = (
    "story,body,headline,published,outlet\n"
    'a1,"Air defences shot down 40 drones over Kaluga overnight, the governor said.",'
    "Drones,4/5/2017,Reuters\n"
    'a2,"Forty drones were shot down over Kaluga, the governor said.",Kaluga,4/6/2017,BBC\n'
)
COLUMNS = (
    "--id-column",
    "story",
    "--text-column",
    "body",
    "--title-column",
    "headline",
    "--date-column",
    "published",
    "--source-column",
    "outlet",
)


def articles_of(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["articles"]


def test_column_options_map_a_csv_with_other_names(tmp_path):
    path = put(tmp_path, "news.csv", CSV_ROWS)
    result = audit("-f", "json", *COLUMNS, "--date-order", "mdy", str(path))
    got = [(a["id"], a["title"], a["date"], a["source"]) for a in articles_of(result)]
    assert got == [("a1", "Drones", "2017-04-05", "Reuters"), ("a2", "Kaluga", "2017-04-06", "BBC")]
    assert result.stderr == ""


def test_a_column_option_naming_no_column_is_an_error(tmp_path):
    path = put(tmp_path, "news.csv", CSV_ROWS)
    result = audit(*COLUMNS[:4], "--date-column", "when", str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: CSV has no 'when' column (columns found: 'story', 'body', 'headline', "
        "'published', 'outlet') (name the columns to use with --date-column)"
    ]


def test_column_options_apply_to_jsonl_keys(tmp_path):
    rows = [{"story": "j1", "body": ARTICLE}, {"story": "j2", "body": OTHER}]
    path = put(tmp_path, "news.jsonl", "\n".join(json.dumps(r) for r in rows))
    result = audit("-f", "json", "--id-column", "story", "--text-column", "body", str(path))
    assert [a["id"] for a in articles_of(result)] == ["j1", "j2"]


def test_dates_that_cannot_be_read_are_one_note_per_file(tmp_path):
    path = put(tmp_path, "news.csv", CSV_ROWS)
    result = audit("-f", "json", *COLUMNS, str(path))
    assert [a["date"] for a in articles_of(result)] == [None, None]
    assert result.stderr.splitlines() == [
        f"Note: {path}: 2 dates could not be read, e.g. '4/5/2017'; those articles have no "
        "date (pass --date-order mdy (4/5/2017 is April 5) or dmy (4 May))"
    ]


def test_an_unclosed_quote_is_an_error_naming_the_line_where_it_opened(tmp_path):
    text = (
        "id,text\n"
        "a,Forty drones were shot down over Kaluga.\n"
        'b,"The governor said forty drones were shot down.\n'
        "c,No casualties were reported.\n"
        "d,Flights were diverted.\n"
    )
    path = put(tmp_path, "q.csv", text)
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: line 3: a quote opened here is never closed (check the quotes and "
        "commas of this row: the rows after it may be cut or merged)"
    ]
    assert audited_ids(result) == ["a"]


def test_a_row_wider_than_the_header_is_an_error(tmp_path):
    path = put(tmp_path, "w.csv", "id,text\na,Forty drones fell.,extra\nb,x y z.\n")
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {path}: line 2: 3 cells, but the header has 2 (check the quotes and commas "
        "of this row: the rows after it may be cut or merged)"
    ]
    assert audited_ids(result) == ["b"]


def test_a_quoted_multiline_text_is_one_row_not_an_error(tmp_path):
    path = put(tmp_path, "m.csv", 'id,text\na,"Line one.\nLine ""two""."\nb,Other.\n')
    assert audited_ids(audit("-f", "json", str(path))) == ["a", "b"]


@pytest.mark.parametrize(
    ("mode", "ids", "note"),
    [
        ("suffix", ["x", "x-2", "y"], "1 articles with a repeated id renamed with a suffix"),
        ("first", ["x", "y"], "1 articles with a repeated id left out (--dedupe first)"),
    ],
)
def test_dedupe_keeps_repeated_ids_apart_or_keeps_the_first(tmp_path, mode, ids, note):
    rows = [{"id": "x", "text": ARTICLE}, {"id": "x", "text": OTHER}, {"id": "y", "text": OTHER}]
    path = put(tmp_path, "d.jsonl", "\n".join(json.dumps(r) for r in rows))
    result = audit("-f", "json", "--dedupe", mode, str(path))
    assert audited_ids(result) == ids
    assert note in result.stderr


def test_repeated_ids_are_an_error_by_default_with_the_option_in_the_hint(tmp_path):
    rows = [{"id": "x", "text": ARTICLE}, {"id": "x", "text": OTHER}]
    path = put(tmp_path, "d.jsonl", "\n".join(json.dumps(r) for r in rows))
    result = audit("-f", "json", str(path))
    assert result.exit_code == 2
    assert errors(result)[0].endswith(
        "(give every article a unique id, or pass --dedupe suffix (or first))"
    )


def test_input_format_reads_csv_from_stdin():
    result = audit("-f", "json", "--input-format", "csv", "-", input=b"id,text\ns1,Drones fell.\n")
    assert [a["id"] for a in articles_of(result)] == ["s1"]


def test_input_format_overrides_an_extension_that_lies(tmp_path):
    path = put(tmp_path, "rows.txt", json.dumps({"id": "r1", "text": ARTICLE}) + "\n")
    assert audited_ids(audit("-f", "json", str(path))) == ["rows"]  # one text article
    result = audit("-f", "json", "--input-format", "jsonl", str(path))
    assert [a["id"] for a in articles_of(result)] == ["r1"]


@pytest.mark.parametrize(
    "args",
    [
        ["--threshold", "nan"],
        ["--threshold", "inf"],
        ["--threshold", "-inf"],
        ["--threshold", "-0.1"],
        ["--threshold", "1.5"],
        ["--threshold", "x"],
        ["--dedupe", "last"],
        ["--input-format", "xml"],
        ["--date-order", "ymd"],
        ["--text-column", ""],
        ["--id-column", " "],
        ["-o", ""],
        ["--report", ""],
        ["--report", "  "],
    ],
)
def test_bad_option_values_are_usage_errors(args):
    result = audit(*args, str(SEEDS))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Invalid value for" in result.stderr
    assert "Traceback" not in result.stderr


def test_fakes_sample_audits_with_one_command():
    """The README's FA-KES command, on the four-row sample shipped in tests/data."""
    result = audit(
        "-f",
        "json",
        "--encoding",
        "latin-1",
        "--id-column",
        "unit_id",
        "--text-column",
        "article_content",
        "--title-column",
        "article_title",
        "--dedupe",
        "suffix",
        "--date-order",
        "mdy",
        str(FAKES_SAMPLE),
    )
    articles = articles_of(result)
    assert len(articles) == 4
    assert all(a["date"] and a["title"] for a in articles)
    assert result.stderr == ""


# --- standard streams and Ctrl-C ---------------------------------------------------------------


def run_checker(*args: str, **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "checker.cli", *args]
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(command, capture_output=False, cwd=root, check=False, **kwargs)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_on_a_full_disk_is_one_clear_line():
    with open("/dev/full", "w") as full:
        done = run_checker("audit", str(SEEDS), stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == (
        "Error: <stdout>: cannot write it: no space left on device "
        "(free some space, or write the report elsewhere with -o FILE)\n"
    )


def test_closed_standard_input_is_one_clear_line():
    done = run_checker(
        "audit",
        "-",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert done.stderr == (
        "Error: <stdin>: standard input is closed "
        "(pipe the articles into it, or give file paths instead of -)\n"
    )


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("checker.load", "load_paths"),  # while reading
        ("checker.pipeline", "run"),  # while auditing
        ("checker.render.markdown", "render_markdown"),  # while rendering
        ("checker.fileio", "_mode_for"),  # with the temporary file written, before the rename
    ],
)
def test_ctrl_c_exits_130_and_leaves_no_temp_file(tmp_path, monkeypatch, capsys, module, name):
    import importlib

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib.import_module(module), name, interrupt)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old report")
    args = ["audit", "-f", "markdown", "-o", str(out / "report.md"), str(SEEDS)]
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 130
    assert capsys.readouterr().err == "Interrupted.\n"  # no traceback
    assert sorted(os.listdir(out)) == ["report.md"]
    assert (out / "report.md").read_text() == "old report"


def test_csv_on_stdin_without_input_format_gets_a_note_naming_the_option():
    result = audit("-f", "json", "-", input=b"id,text\ns1,Drones fell over Kaluga.\n")
    assert [a["id"] for a in articles_of(result)] == ["stdin"]
    assert result.stderr.splitlines() == [
        "Note: <stdin>: read as one text article, but its first line looks like a CSV header "
        "(pass --input-format csv to read its rows)"
    ]


def test_empty_extra_cells_lose_nothing_and_are_no_error(tmp_path):
    path = put(tmp_path, "t.csv", "id,text\na,Forty drones fell.,,\n")
    assert audited_ids(audit("-f", "json", str(path))) == ["a"]


def test_a_number_for_a_date_is_counted_as_unread(tmp_path):
    path = put(tmp_path, "n.jsonl", json.dumps({"id": "a", "text": ARTICLE, "date": 20170405}))
    result = audit("-f", "json", str(path))
    assert result.stderr.splitlines() == [
        f"Note: {path}: 1 dates could not be read, e.g. '20170405'; those articles have no date "
        "(write dates as YYYY-MM-DD)"
    ]


def test_input_format_reads_a_named_file_of_any_extension(tmp_path):
    path = put(tmp_path, "export.dat", "id,text\nx1,Forty drones fell.\n")
    assert audit(str(path)).exit_code == 2  # unsupported extension without the option
    result = audit("-f", "json", "--input-format", "csv", str(path))
    assert [a["id"] for a in articles_of(result)] == ["x1"]


@pytest.mark.parametrize(
    ("code", "words"), [(28, "no space left on device"), (30, "read-only file system")]
)
def test_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, monkeypatch, code, words):
    import checker.fileio

    target = put(tmp_path, "out.json", "old")

    def fail(*args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(checker.fileio.os, "replace", fail)
    result = audit("-f", "json", "-o", str(target), str(SEEDS))
    assert result.exit_code == 2
    assert errors(result) == [
        f"Error: {target}: cannot write it: {words} (choose a writable file path for the report)"
    ]
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.json"]


def test_output_to_dev_stdout_goes_to_the_pipe():
    """/dev/stdout links to a pipe here: written into, not replaced by a file in /dev."""
    done = run_checker(
        "audit", "-f", "json", "-o", "/dev/stdout", str(SEEDS), stdout=subprocess.PIPE
    )
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["articles"]) == 5
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")
