"""Engines: results in item order whatever the workers do, byte-identical reports for any
--jobs, clear errors for bad engine options, and Ctrl-C that leaves no worker behind.

The Dask engine has its own file (test_dask.py), skipped when dask is not installed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from functools import partial

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import (
    DASK_HINT,
    Engine,
    LocalEngine,
    Opened,
    Sealed,
    chunked,
    open_engine,
)
from checker.errors import InputError
from checker.settings import DEFAULT
from tests.helpers import DATA, ROOT, SEEDS

FORMATS = ("table", "markdown", "json", "csv")


def _square_plus(offset: int, value: int) -> int:
    return value * value + offset


def _pair(a: int, b: str) -> str:
    return f"{a}{b}"


def _pid(_item: int) -> int:
    return os.getpid()


# --- chunks and order ------------------------------------------------------------------------


def test_chunks_cover_every_item_once_in_order():
    items = list(range(103))
    for parts, largest in ((1, 500), (8, 500), (8, 5), (200, 500)):
        chunks = chunked(items, parts, largest)
        assert [x for c in chunks for x in c] == items
        assert max(len(c) for c in chunks) <= largest
    assert chunked([], 4, 10) == []


def test_chunks_shrink_towards_the_end_and_follow_the_costs():
    sizes = [len(c) for c in chunked(list(range(5255)), 8, 500)]
    assert sizes[0] == 500 and sizes[-1] < 200  # the last chunks are small: no long tail
    assert all(a >= b for a, b in zip(sizes, sizes[1:-1], strict=False))
    costs = [100.0] * 10 + [1.0] * 990  # ten heavy items first: they fill the first chunks
    chunks = chunked(list(range(1000)), 8, 500, costs)
    assert [x for c in chunks for x in c] == list(range(1000))
    assert len(chunks[0]) < 10 and sum(len(c) for c in chunks[:3]) <= 30
    assert len(chunked(list(range(100)), 4, 500, [0] * 100)) < 30  # no costs: counted alike


def test_the_tail_share_bounds_the_smallest_chunk():
    """The last chunks are no smaller than 1/(parts x tail_share) of the whole."""
    for share in (1, 4, 8):
        sizes = [len(c) for c in chunked(list(range(4000)), 8, 500, None, share)]
        assert sum(sizes) == 4000
        assert min(sizes[:-1]) >= 4000 // (8 * share)  # the very last takes what is left
    assert len(chunked(list(range(4000)), 8, 500, None, 1)) == 8  # even shares: no tail


def test_serial_engine_maps_in_order_over_several_sequences():
    assert Engine().map(_pair, [1, 2, 3], ["a", "b", "c"]) == ["1a", "2b", "3c"]


def test_local_engine_returns_results_in_item_order():
    settings = replace(DEFAULT, engine_chunks_per_worker=7, engine_max_chunk=3)
    items = list(range(200))
    with LocalEngine(2, settings) as engine:
        assert engine.map(partial(_square_plus, 5), items) == [x * x + 5 for x in items]
        assert engine.map(_pair, [1, 2], ["x", "y"]) == ["1x", "2y"]


def test_local_engine_uses_worker_processes_and_jobs_1_none():
    with LocalEngine(2) as engine:
        pids = set(engine.map(_pid, list(range(40))))
    assert os.getpid() not in pids
    with LocalEngine(1) as engine:
        assert set(engine.map(_pid, list(range(40)))) == {os.getpid()}
        assert engine._pool is None


def test_start_is_map_collected_later():
    for engine in (Engine(), LocalEngine(2)):
        with engine:
            collect = engine.start(partial(_square_plus, 1), list(range(30)))
            assert collect() == [k * k + 1 for k in range(30)]
            assert engine.start(_pair, [1, 2], ["x", "y"])() == ["1x", "2y"]


def test_arrived_is_told_each_chunk_in_item_order():
    settings = replace(DEFAULT, engine_chunks_per_worker=3, engine_max_chunk=4)
    for engine in (Engine(), LocalEngine(2, settings)):
        with engine:
            parts: list[list[int]] = []
            collect = engine.start(partial(_square_plus, 0), list(range(25)), arrived=parts.append)
            assert collect() == [k * k for k in range(25)]
            assert [x for part in parts for x in part] == [k * k for k in range(25)]
            assert (len(parts) == 1) == (engine.workers == 1)  # in process: all at once


def _opened_length(sealed: Sealed) -> tuple[int, bool]:
    """In a worker: the length of the value, and whether it arrived still sealed."""
    was_sealed = sealed._value is None
    return len(sealed.open()), was_sealed


def test_sealed_values_cross_processes_as_one_string_and_open_where_read():
    import pickle

    value = (("a", 1), ("b", 2.5), None)
    sealed = Sealed(value)
    assert sealed.open() is value  # in process: nothing pickled
    copy = pickle.loads(pickle.dumps(sealed))
    assert copy._value is None and copy.open() == value
    again = pickle.loads(pickle.dumps(copy))  # sent on unopened: the same string
    assert again._blob is copy._blob or again._blob == copy._blob
    assert again.open() == value
    with LocalEngine(2) as engine:
        assert engine.map(_opened_length, [Sealed("abc"), Sealed([1, 2])]) == [(3, True), (2, True)]
    view = Opened({"x": Sealed([1]), "y": copy})
    assert dict(view) == {"x": [1], "y": value} and view.get("z", ()) == ()


def test_abort_kills_the_workers():
    engine = LocalEngine(2)
    pids = set(engine.map(_pid, list(range(40))))
    processes = list(engine._pool._processes.values())
    engine.close(abort=True)
    # The pool's own manager thread reaps the workers too, and a process it has reaped but not
    # yet marked reads as alive for a moment: wait that moment out (a hang guard, not a timing).
    deadline = time.monotonic() + 30
    while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert all(not p.is_alive() for p in processes)
    assert engine._pool is None and pids


def test_open_engine_picks_the_engine_the_options_ask_for():
    assert type(open_engine("local", 1)) is Engine
    local = open_engine("local", 2)
    assert isinstance(local, LocalEngine) and local.workers == 2
    with pytest.raises(ValueError, match="unknown engine"):
        open_engine("spark")
    with pytest.raises(InputError, match="dask"):
        open_engine("local", 2, "tcp://127.0.0.1:1")
    with pytest.raises(ValueError):
        LocalEngine(0)


def test_dask_engine_without_dask_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(InputError) as error:
        open_engine("dask")
    assert "checker[dask]" in error.value.message()
    result = CliRunner().invoke(cli, ["audit", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"Error: --engine dask: dask.distributed is not installed ({DASK_HINT})"
    ]


# --- the command: same bytes for any --jobs ---------------------------------------------------


def _outputs(jobs: str, path: str, formats=FORMATS) -> dict[str, str]:
    out = {}
    for fmt in formats:
        result = CliRunner().invoke(cli, ["audit", "-f", fmt, "--jobs", jobs, path])
        assert result.exit_code == 0, result.output
        out[fmt] = result.stdout
    return out


@pytest.mark.parametrize(
    ("path", "formats"),
    [(SEEDS, FORMATS), (DATA / "gva-discrepancies.jsonl", ("json", "markdown"))],
    ids=["seeds", "gva-discrepancies"],
)
def test_jobs_1_and_jobs_2_give_byte_identical_output(path, formats):
    one, two = _outputs("1", str(path), formats), _outputs("2", str(path), formats)
    for fmt in formats:
        assert one[fmt] == two[fmt], f"{fmt} differs between --jobs 1 and --jobs 2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jobs", "0"], "Invalid value for '--jobs'"),
        (["--engine", "spark"], "Invalid value for '--engine'"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    ],
)
def test_bad_engine_options_are_usage_errors(args, message):
    result = CliRunner().invoke(cli, ["audit", str(SEEDS), *args])
    assert result.exit_code == 2
    assert message in result.stderr


# --- Ctrl-C with a pool ----------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    path = f"/proc/{pid}/task/{pid}/children"
    try:
        with open(path) as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_ctrl_c_with_a_pool_exits_130_without_traceback_and_stops_the_workers(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    body = "\n\n".join(texts * 4)  # enough work that the pool is still busy when Ctrl-C comes
    for k in range(400):
        (tmp_path / f"a{k:04d}.txt").write_text(f"Report {k}\n\n{body}", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "audit", "--jobs", "2", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal gives it
    )
    deadline = time.monotonic() + 120  # a hang guard, not a timing
    while len(_children(process.pid)) < 2 and process.poll() is None:
        assert time.monotonic() < deadline, "the pool never started"
        time.sleep(0.05)
    workers = _children(process.pid)
    assert process.poll() is None, "the audit ended before Ctrl-C: give it more work"
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert err.strip() == "Interrupted."
    for pid in workers:
        assert not os.path.exists(f"/proc/{pid}") or _zombie(pid), f"worker {pid} left running"


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_the_default_engine_imports_no_dask():
    code = (
        "import sys, contextlib\n"
        "from checker.cli import main\n"
        "with contextlib.suppress(SystemExit):\n"
        f"    main(['audit', '-f', 'json', {str(SEEDS)!r}])\n"
        "assert not {'dask', 'distributed'} & set(sys.modules), 'dask imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr


def test_timings_hook_names_every_stage_and_changes_nothing():
    from checker.load import load_paths
    from checker.pipeline import run
    from checker.render.json import render_json

    articles = load_paths([str(SEEDS)]).articles
    timings: dict[str, float] = {}
    timed = run(articles, timings=timings)
    stages = ("split", "extract", "features", "group", "judge")
    assert set(timings) == {*stages, *(f"{s} cpu" for s in stages)}
    assert all(v >= 0 for v in timings.values())
    assert render_json(timed) == render_json(run(articles))


def test_young_objects_raises_the_threshold_inside_and_restores_it():
    import gc

    from checker.engine import young_objects

    before = gc.get_threshold()
    with young_objects(before[0] + 1000):
        assert gc.get_threshold() == (before[0] + 1000, *before[1:])
    assert gc.get_threshold() == before
    with young_objects(1):  # never lowered
        assert gc.get_threshold() == before


def test_collector_paused_inside_and_on_again_after():
    import gc

    from checker.engine import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with collector_paused(False):
        assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
