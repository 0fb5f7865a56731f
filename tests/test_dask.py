"""The Dask engine gives byte-identical JSON to the in-process engine (a LocalCluster of two
workers). Needs the extra: pip install 'checker[dask]' (the README's test command installs it,
so CI runs these)."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="dask.distributed not installed: pip install '.[dask]'")

from click.testing import CliRunner  # noqa: E402

from checker.cli import cli  # noqa: E402
from checker.engine import DaskEngine  # noqa: E402
from checker.load import load_paths  # noqa: E402
from checker.pipeline import run  # noqa: E402
from checker.render.json import render_json  # noqa: E402
from tests.helpers import DATA, SEEDS  # noqa: E402

CORPORA = [SEEDS, DATA / "gva-discrepancies.jsonl"]


@pytest.fixture(scope="module")
def dask_engine():
    """Two in-process workers (threads): the same scheduler, task and chunk code paths as a
    real cluster, without starting processes."""
    with DaskEngine(jobs=2, processes=False) as engine:
        yield engine


@pytest.mark.parametrize("path", CORPORA, ids=["seeds", "gva-discrepancies"])
def test_dask_engine_gives_the_same_json_as_in_process(dask_engine, path):
    articles = load_paths([str(path)]).articles
    assert dask_engine.workers == 2
    assert render_json(run(articles, engine=dask_engine)) == render_json(run(articles))


def test_dask_engine_keeps_item_order(dask_engine):
    assert dask_engine.map(str, list(range(50))) == [str(k) for k in range(50)]
    assert dask_engine.map(str, []) == []


def test_cli_engine_dask_on_a_local_cluster_matches_jobs_1():
    """The command's own LocalCluster (worker processes), as a user runs it."""
    args = ["audit", "-f", "json", str(SEEDS)]
    local = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    dask = CliRunner().invoke(cli, [*args, "--engine", "dask", "--jobs", "2"])
    assert (local.exit_code, dask.exit_code) == (0, 0), dask.output
    assert dask.stdout == local.stdout


def test_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch):
    monkeypatch.setattr("checker.settings.DEFAULT", _quick_timeout())
    result = CliRunner().invoke(
        cli, ["audit", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0]


def _quick_timeout():
    from dataclasses import replace

    from checker.settings import DEFAULT

    return replace(DEFAULT, dask_connect_seconds=2)
