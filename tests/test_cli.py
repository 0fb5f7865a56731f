"""The command line: exit status, one-line errors, Ctrl-C, atomic reports, inert output.

Bad input files are in test_bad_input.py; these tests are about the command itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import checker.pipeline
import checker.render.markdown
from checker.cli import ExitStatus, cli, exit_status, main

# Two reports of one night that disagree on the figure; the events file makes them one
# event whatever the automatic grouping says, so the verdict does not depend on it.
K1 = (
    "Drones over Kaluga\n\nAir defences shot down 40 drones over Kaluga overnight, the governor "
    "said.\n"
)
K2 = "Kaluga attack\n\nAir defences shot down 12 drones over Kaluga overnight, the governor said.\n"
EVENTS = '[[event]]\nid = "x"\narticles = ["k1", "k2"]\n'
SEED = Path(__file__).parent.parent / "seeds" / "000_3ffce216f57b5052.txt"


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


@pytest.fixture
def kaluga(tmp_path):
    (tmp_path / "k1.txt").write_text(K1, encoding="utf-8")
    (tmp_path / "k2.txt").write_text(K2, encoding="utf-8")
    (tmp_path / "events.toml").write_text(EVENTS, encoding="utf-8")
    return tmp_path


def run_main(argv: list[str]) -> int:
    """checker.cli.main as the installed command runs it: it always ends in SystemExit."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    return stop.value.code


# --- exit status as a pure function ----------------------------------------------------------


def test_exit_status_values_are_the_documented_ones():
    assert [int(s) for s in ExitStatus] == [0, 1, 2, 130]


@pytest.mark.parametrize(
    ("verdicts", "fail_on", "errors", "status"),
    [
        ([], "never", 0, ExitStatus.OK),
        (["contradiction"], "never", 0, ExitStatus.OK),
        (["contradiction"], "contradiction", 0, ExitStatus.FINDINGS),
        (["disputed"], "contradiction", 0, ExitStatus.OK),  # a dispute is not a contradiction
        (["disputed"], "disputed", 0, ExitStatus.FINDINGS),
        (["contradiction"], "disputed", 0, ExitStatus.FINDINGS),
        (["embellishment"], "disputed", 0, ExitStatus.OK),
        (["embellishment", "agreement"], "contradiction", 0, ExitStatus.OK),
        (["embellishment"], "embellishment", 0, ExitStatus.FINDINGS),
        (["contradiction"], "embellishment", 0, ExitStatus.FINDINGS),
        (["agreement", "omission", "explained"], "embellishment", 0, ExitStatus.OK),
        ([], "contradiction", 1, ExitStatus.INPUT_ERROR),
        (["contradiction"], "contradiction", 3, ExitStatus.INPUT_ERROR),  # errors win
    ],
)
def test_exit_status(verdicts, fail_on, errors, status):
    assert exit_status(verdicts, fail_on, errors) is status


# --- exit status through the command ---------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "code"), [("never", 0), ("contradiction", 1), ("embellishment", 1)]
)
def test_fail_on_a_contradiction(kaluga, fail_on, code):
    result = invoke(
        "audit",
        str(kaluga / "k1.txt"),
        str(kaluga / "k2.txt"),
        "--events",
        str(kaluga / "events.toml"),
        "--fail-on",
        fail_on,
    )
    assert result.exit_code == code, result.output
    assert "contradiction" in result.stdout


def test_fail_on_without_findings_at_that_level(kaluga):
    # The same article twice under two names: nothing to contradict.
    (kaluga / "k2.txt").write_text(K1, encoding="utf-8")
    result = invoke(
        "audit",
        str(kaluga / "k1.txt"),
        str(kaluga / "k2.txt"),
        "--events",
        str(kaluga / "events.toml"),
        "--fail-on",
        "contradiction",
    )
    assert result.exit_code == 0, result.output


def test_input_errors_beat_findings(kaluga):
    result = invoke(
        "audit",
        str(kaluga / "k1.txt"),
        str(kaluga / "k2.txt"),
        str(kaluga / "missing.txt"),
        "--events",
        str(kaluga / "events.toml"),
        "--fail-on",
        "contradiction",
    )
    assert result.exit_code == 2
    assert "F1" in result.stdout  # the rest was still audited
    assert error_lines(result.stderr) == [
        f"Error: {kaluga / 'missing.txt'}: no such file or directory (check the path)"
    ]


# --- usage errors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["audit"],  # no paths
        ["audit", "--no-such-option", "x.txt"],
        ["audit", "--fail-on", "sometimes", "x.txt"],
        ["audit", "--threshold", "2", "x.txt"],
        ["audit", "-f", "pdf", "x.txt"],
        ["no-such-command"],
        ["eval", "x.txt"],  # --gold missing
    ],
)
def test_usage_errors_exit_2_without_traceback(args, capsys):
    assert invoke(*args).exit_code == 2
    assert run_main(args) == 2
    err = capsys.readouterr().err
    assert "Error: " in err and "Traceback" not in err


def test_help_and_version_exit_0(capsys):
    assert run_main(["--help"]) == 0
    assert run_main(["audit", "--help"]) == 0
    assert run_main(["--version"]) == 0
    assert "audit" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--encoding", "klingon"],
            "Error: --encoding: unknown text encoding 'klingon' (use a "
            "codec name such as utf-8, cp1252 or latin-1)",
        ),
        (["--events", "nope.toml"], "Error: nope.toml: no such events file (check the path)"),
    ],
)
def test_bad_option_values_are_one_line(args, message):
    result = invoke("audit", str(SEED), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert error_lines(result.stderr) == [message]


def test_events_file_that_is_not_toml(tmp_path):
    events = tmp_path / "e.toml"
    events.write_text("[[event]\nthis is not toml", encoding="utf-8")
    result = invoke("audit", str(SEED), "--events", str(events))
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"Error: {events}: not valid TOML")


def test_eval_with_a_missing_gold_file():
    result = invoke("eval", "--gold", "no-gold.toml", str(SEED))
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith("Error: no-gold.toml: ")
    assert "Traceback" not in result.output


# --- every error is one clean line -----------------------------------------------------------


def test_error_line_for_a_hostile_file_name(tmp_path):
    name = "evil\x1b[31m\x1b]0;pwned\x07\nname\u202e.txt"
    result = invoke("audit", str(tmp_path / name))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    line = lines[0]
    assert line.startswith(f"Error: {tmp_path}") and line.endswith("(check the path)")
    assert not any(ch in line for ch in "\x1b\x07\n\r\u202e")
    assert "evil" in line and "name" in line


# --- Ctrl-C ----------------------------------------------------------------------------------


def interrupt(*args, **kwargs):
    raise KeyboardInterrupt


def test_ctrl_c_exits_130_and_leaves_the_old_report(tmp_path, monkeypatch, capsys):
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")
    monkeypatch.setattr(checker.pipeline, "run", interrupt)
    assert run_main(["audit", str(SEED), "--report", str(report)]) == 130
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
    err = capsys.readouterr().err
    assert err.strip() == "Interrupted."


def test_ctrl_c_under_clirunner_is_130_too(monkeypatch):
    monkeypatch.setattr(checker.pipeline, "run", interrupt)
    result = invoke("audit", str(SEED))
    assert result.exit_code == 130
    assert result.stderr.strip() == "Interrupted."


def test_ctrl_c_while_the_report_is_written_leaves_the_old_one(tmp_path, monkeypatch):
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")

    def fsync(fd):
        raise KeyboardInterrupt  # after the temp file was written, before the rename

    monkeypatch.setattr("checker.fileio.os.fsync", fsync)
    assert run_main(["audit", str(SEED), "--report", str(report)]) == 130
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_ctrl_c_during_argument_parsing_is_130(monkeypatch):
    monkeypatch.setattr(cli, "make_context", interrupt)
    assert run_main(["audit", str(SEED)]) == 130


# --- crashes: no traceback, no half report ---------------------------------------------------


def crash(*args, **kwargs):
    raise RuntimeError("renderer bug\x1b[2J")


def test_a_bug_is_one_line_and_leaves_the_old_report(tmp_path, monkeypatch, capsys):
    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")
    monkeypatch.delenv("CHECKER_TRACEBACK", raising=False)
    monkeypatch.setattr(checker.render.markdown, "render_markdown", crash)
    assert run_main(["audit", str(SEED), "--report", str(report)]) == 2
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]
    err = capsys.readouterr().err
    assert "Traceback" not in err
    [line] = error_lines(err)
    assert line.startswith("Error: internal error (RuntimeError: renderer bug)")
    assert "\x1b" not in line


def test_checker_traceback_shows_the_bug(monkeypatch):
    monkeypatch.setenv("CHECKER_TRACEBACK", "1")
    monkeypatch.setattr(checker.render.markdown, "render_markdown", crash)
    with pytest.raises(RuntimeError, match="renderer bug"):
        main(["audit", str(SEED), "-f", "markdown"])


# --- writing reports -------------------------------------------------------------------------


def test_output_and_report_files_are_complete(tmp_path):
    out, report = tmp_path / "sub" / "audit.json", tmp_path / "report.md"
    report.write_text("old", encoding="utf-8")
    result = invoke("audit", str(SEED), "-f", "json", "-o", str(out), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "checker.audit/1"
    assert report.read_text(encoding="utf-8").startswith("# Consistency audit")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "sub"]


@pytest.mark.parametrize("option", ["-o", "--report"])
def test_writing_to_a_directory_is_one_line(tmp_path, option):
    result = invoke("audit", str(SEED), option, str(tmp_path))
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"Error: {tmp_path}: is a directory (give a file name for the report)"
    ]


def test_report_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = invoke("audit", str(SEED), "--report", str(tmp_path / "file" / "r.md"))
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert line.startswith(f"Error: {tmp_path / 'file' / 'r.md'}: cannot create directory")


# --- untrusted text in the output ------------------------------------------------------------

HOSTILE = (
    "Drones | over <script>alert(1)</script> Kaluga\x1b[31m\n\n"
    "Air defences shot down 40 drones over Kaluga \x1b]0;title\x07overnight | the governor "
    "said.\u202e <img src=x onerror=alert(1)>\n"
)


@pytest.fixture
def hostile(kaluga):
    (kaluga / "k1.txt").write_text(HOSTILE, encoding="utf-8")
    return kaluga


def test_terminal_table_has_no_control_characters(hostile):
    result = invoke(
        "audit",
        str(hostile / "k1.txt"),
        str(hostile / "k2.txt"),
        "--events",
        str(hostile / "events.toml"),
    )
    assert result.exit_code == 0
    assert "F1" in result.stdout
    assert not [ch for ch in result.stdout if ch != "\n" and (ord(ch) < 32 or 127 <= ord(ch) < 160)]
    assert "\u202e" not in result.stdout


def test_markdown_report_escapes_html(hostile):
    result = invoke(
        "audit",
        str(hostile / "k1.txt"),
        str(hostile / "k2.txt"),
        "--events",
        str(hostile / "events.toml"),
        "-f",
        "markdown",
    )
    assert result.exit_code == 0
    assert "<script" not in result.stdout and "<img" not in result.stdout
    assert "&lt;script&gt;" in result.stdout or "&lt;img" in result.stdout
    assert "\x1b" not in result.stdout


# --- standard input and the installed command ------------------------------------------------


def test_stdin_is_one_article():
    result = invoke("audit", "-", "-f", "json", input=K1.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["stdin"]


@pytest.mark.parametrize("module", ["checker.cli", "checker"])  # python -m checker too
def test_installed_command_runs_and_exits_2_on_a_missing_file(tmp_path, module):
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [sys.executable, "-m", module, "audit", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2
    assert done.stderr == f"Error: {missing}: no such file or directory (check the path)\n"
    assert done.stdout == ""


def test_bidi_controls_in_a_file_name_never_reach_the_output(kaluga):
    """The id of an article read from '\u202ek1.txt' is 'k1': ids head table columns."""
    evil = kaluga / "\u202ek1.txt"
    (kaluga / "k1.txt").rename(evil)
    (kaluga / "events.toml").write_text(
        '[[event]]\nid = "x"\narticles = ["k1", "k2"]\n', encoding="utf-8"
    )
    result = invoke(
        "audit", str(evil), str(kaluga / "k2.txt"), "--events", str(kaluga / "events.toml")
    )
    assert result.exit_code == 0
    assert "F1" in result.stdout and "k1" in result.stdout
    assert "\u202e" not in result.stdout


def test_unknown_ids_in_the_events_file_are_named(kaluga):
    (kaluga / "events.toml").write_text(
        '[[event]]\nid = "x"\narticles = ["k1", "k9"]\n', encoding="utf-8"
    )
    result = invoke("audit", str(kaluga / "k1.txt"), "--events", str(kaluga / "events.toml"))
    assert result.exit_code == 0
    assert "1 article id(s) not in the input, ignored: 'k9'" in result.stderr


def test_notes_and_report_path_are_clean_single_lines(tmp_path):
    folder = tmp_path / "in\x1b[31m\nbox"
    folder.mkdir()
    (folder / "a.txt").write_text(K1, encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF")
    report = tmp_path / "out\x1b]0;x\x07.md"
    result = invoke("audit", str(folder), "--report", str(report))
    assert result.exit_code == 0, result.output
    assert report.exists()
    lines = result.stderr.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["Note:", "Report"]
    assert not any(ch in result.stderr for ch in "\x1b\x07")
    assert "in box" in lines[0] or "inbox" in lines[0]


def test_reader_leaving_early_is_not_an_error():
    """`checker audit ... | head`: a closed pipe ends quietly, without a traceback."""
    data = Path(__file__).parent / "data"
    args = ["audit", "-f", "json", str(data / "ecbplus-20.jsonl"), str(SEED.parent)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.read(10) == b'{\n  "schem'
    proc.stdout.close()  # the reader leaves; the rest (>64 kB) cannot be written
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Error" not in err, err
    assert proc.returncode == 0
