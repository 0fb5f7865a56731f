"""The same input gives byte-identical table, markdown, JSON and CSV: run twice, with the files
in reverse order, with the rows of a file reversed, and in processes with different hash
seeds (set and dict order must not leak into a report).

Corpora: the five seeds (seeds/) and one real ECB+ topic (tests/data/ecbplus-20.jsonl, a copy
of shared/corpora/ecbplus/dev/20.jsonl).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.helpers import DATA, ROOT, SEEDS

FORMATS = ("table", "markdown", "json", "csv")
ECB = DATA / "ecbplus-20.jsonl"


def outputs(*paths: str) -> dict[str, str]:
    """Every format of one audit, run in this process."""
    out = {}
    for fmt in FORMATS:
        result = CliRunner().invoke(cli, ["audit", "-f", fmt, *paths])
        assert result.exit_code == 0, result.output
        out[fmt] = result.stdout
    return out


def assert_identical(first: dict[str, str], second: dict[str, str]) -> None:
    for fmt in FORMATS:
        assert first[fmt] == second[fmt], f"{fmt} output differs"


@pytest.fixture
def seeds(tmp_path, monkeypatch) -> list[str]:
    """The seed files, named relative to the working directory."""
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    return sorted(p.name for p in tmp_path.glob("*.txt"))


@pytest.fixture
def ecb_rows() -> list[str]:
    return [line for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_fixtures_are_real_and_big_enough(ecb_rows):
    assert len(list(SEEDS.glob("*.txt"))) == 5
    assert len(ecb_rows) >= 10
    assert all(json.loads(row)["text"] for row in ecb_rows)


def test_seeds_twice_and_in_reverse_order(seeds):
    first = outputs(*seeds)
    assert "F1" in first["table"]  # a real audit, with findings
    assert_identical(first, outputs(*seeds))
    assert_identical(first, outputs(*reversed(seeds)))
    # The directory, in its own listing order; only the paths in the JSON say "./".
    listed = outputs(".")
    listed["json"] = listed["json"].replace('"path": "./', '"path": "')
    assert_identical(first, listed)


def test_ecb_topic_split_into_files_in_either_order(tmp_path, monkeypatch, ecb_rows):
    names = []
    for k in range(3):
        name = f"part{k}.jsonl"
        (tmp_path / name).write_text(
            "".join(row + "\n" for row in ecb_rows[k::3]), encoding="utf-8"
        )
        names.append(name)
    monkeypatch.chdir(tmp_path)
    first = outputs(*names)
    assert json.loads(first["json"])["findings"]
    assert_identical(first, outputs(*names))
    assert_identical(first, outputs(*reversed(names)))


def test_ecb_topic_with_its_rows_reversed(tmp_path, monkeypatch, ecb_rows):
    (tmp_path / "fwd").mkdir()
    (tmp_path / "rev").mkdir()
    (tmp_path / "fwd" / "topic.jsonl").write_text("\n".join(ecb_rows) + "\n", encoding="utf-8")
    (tmp_path / "rev" / "topic.jsonl").write_text(
        "\n".join(reversed(ecb_rows)) + "\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path / "fwd")
    forward = outputs("topic.jsonl")
    monkeypatch.chdir(tmp_path / "rev")
    assert_identical(forward, outputs("topic.jsonl"))


def test_report_file_is_the_markdown_output(seeds, tmp_path):
    result = CliRunner().invoke(cli, ["audit", "-f", "markdown", "--report", "r.md", *seeds])
    assert result.exit_code == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == result.stdout


# --- across processes: hash randomisation ----------------------------------------------------

_ALL_FORMATS = """
import json, sys
from click.testing import CliRunner
from checker.cli import cli
out = {}
for fmt in ("table", "markdown", "json", "csv"):
    result = CliRunner().invoke(cli, ["audit", "-f", fmt, *sys.argv[1:]])
    out[fmt] = [int(result.exit_code), result.stdout]
print(json.dumps(out))
"""


def in_process_with_seed(hash_seed: str, cwd: Path, paths: list[str]) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _ALL_FORMATS, *paths],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    out = json.loads(done.stdout)
    assert all(code == 0 for code, _ in out.values()), done.stderr
    return {fmt: text for fmt, (_, text) in out.items()}


@pytest.mark.parametrize("corpus", ["seeds", "ecb"])
def test_same_bytes_under_other_hash_seeds_and_reverse_order(tmp_path, corpus, ecb_rows):
    if corpus == "seeds":
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copy(path, tmp_path / path.name)
        names = sorted(p.name for p in tmp_path.glob("*.txt"))
    else:
        names = []
        for row in ecb_rows:
            name = f"{json.loads(row)['id']}.jsonl"
            (tmp_path / name).write_text(row + "\n", encoding="utf-8")
            names.append(name)
    here = outputs_in(tmp_path, names)
    first = in_process_with_seed("1", tmp_path, names)
    second = in_process_with_seed("2024", tmp_path, list(reversed(names)))
    assert_identical(first, second)
    assert_identical(first, here)


def outputs_in(folder: Path, names: list[str]) -> dict[str, str]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        return outputs(*names)
    finally:
        os.chdir(cwd)
