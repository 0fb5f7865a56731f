"""Where the per-article and per-event work runs: in this process, in local worker processes,
or on a Dask cluster.

An engine has one operation, ``map(fn, items, ...)``: call ``fn`` on every item and return the
results *in the order of the items*, whatever order the workers finish in, so that a report
is byte-identical for any number of workers (``start`` is ``map`` collected later). ``fn`` must
be picklable (a module-level function or a ``functools.partial`` of one) and pure: the stages
are (see checker/pipeline.py).

- ``Engine``: in process, no pool (``--jobs 1``; the library default).
- ``LocalEngine(jobs)``: a ``ProcessPoolExecutor`` of ``jobs`` processes, items sent in
  chunks (several per worker, cut by the items' estimated cost and shrinking towards the end,
  so that one slow chunk does not leave the others idle, and few enough that pickling stays
  cheap). Workers ignore Ctrl-C: the parent stops them.
- ``DaskEngine(scheduler)``: the same chunks as tasks on a ``dask.distributed`` cluster (a
  ``LocalCluster`` when no address is given). dask is imported only here, only when asked.

Every engine is a context manager; leaving it shuts the workers down, and leaving it on an
exception (Ctrl-C included) kills them instead of waiting for their chunks.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any

from checker.errors import InputError
from checker.settings import DEFAULT, Settings

ENGINES = ("local", "dask")
Costs = Sequence[float] | None  # estimated cost of each item (``chunked``)
Arrived = Callable[[list], None] | None  # told each chunk's results (``Engine.start``)
DASK_HINT = "install checker[dask]: pip install 'checker[dask]'"


class Sealed:
    """A value that crosses processes as one pickled string, opened only where it is read.

    The claims of an article go from the worker that extracts them, through the main
    process (which does not read them: grouping has their digest), to the worker that judges
    its event. Sealed, the main process receives and sends one bytes object per article
    instead of unpickling and pickling again every claim (on GVA dev+test ~1.6 s and ~1.2 s of
    its CPU). In process, nothing is pickled: ``open`` returns the value it was given."""

    __slots__ = ("_value", "_blob")

    def __init__(self, value: Any = None, blob: bytes | None = None) -> None:
        self._value = value
        self._blob = blob

    def open(self) -> Any:
        """The value (unpickled on the first call after a crossing)."""
        if self._blob is not None and self._value is None:
            self._value = pickle.loads(self._blob)
        return self._value

    def __reduce__(self):
        if self._blob is None:
            self._blob = pickle.dumps(self._value, pickle.HIGHEST_PROTOCOL)
        return _sealed_blob, (self._blob,)


def _sealed_blob(blob: bytes) -> Sealed:
    """A ``Sealed`` rebuilt from its pickled string, not yet opened."""
    return Sealed(None, blob)


class Opened(Mapping):
    """A read-only view of a mapping of ``Sealed`` values that opens each value it is asked
    for (a stage that needs only some of them unpickles only those)."""

    def __init__(self, sealed: Mapping[Any, Sealed]) -> None:
        self._sealed = sealed

    def __getitem__(self, key: Any) -> Any:
        return self._sealed[key].open()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._sealed)

    def __len__(self) -> int:
        return len(self._sealed)


def chunked(
    items: Sequence[Any],
    parts: int,
    largest: int,
    costs: Sequence[float] | None = None,
    tail_share: int = DEFAULT.engine_tail_share,
) -> list[list[Any]]:
    """``items`` cut into consecutive chunks of at most ``largest`` items that shrink towards
    the end: each takes about 1/``parts`` of the cost not yet cut (``costs``: each item's
    estimated cost, 1 each by default), but no less than 1/(``parts`` x
    ``tail_share``) of the whole. A pool hands the next chunk to the first free worker, so
    large chunks first and small ones last leave no worker idle for long at the end while
    another finishes a large one (GVA dev+test's last 255-article chunk kept one of two
    workers idle 1.9 s in chunks of 500)."""
    if not items:
        return []
    weights = [1.0] * len(items) if costs is None else [max(float(c), 0.0) for c in costs]
    if not any(weights):  # nothing to go by: every item alike
        weights = [1.0] * len(items)
    remaining = sum(weights)
    parts = max(parts, 1)
    floor = remaining / (parts * max(tail_share, 1))
    out: list[list[Any]] = []
    start = 0
    while start < len(items):
        target = max(remaining / parts, floor)
        end, taken = start, 0.0
        while end < len(items) and end - start < largest and (end == start or taken < target):
            taken += weights[end]
            end += 1
        out.append(list(items[start:end]))
        remaining -= taken
        start = end
    return out


def _chunks(
    settings: Settings, workers: int, items: Sequence[Any], more: tuple, costs: Costs
) -> list[list[tuple]]:
    """The argument tuples of ``items`` (and ``more``) in chunks for ``workers`` workers."""
    s, args = settings, list(zip(items, *more, strict=True))
    parts = workers * s.engine_chunks_per_worker
    return chunked(args, parts, s.engine_max_chunk, costs, s.engine_tail_share)


@contextlib.contextmanager
def young_objects(count: int):
    """The cyclic garbage collector's young generation holds up to ``count`` new objects
    (``Settings.gc_young_objects``) inside the block; the previous thresholds are restored
    after it. Fewer collections, same results: nothing depends on when garbage is freed."""
    old = gc.get_threshold()
    if count > old[0]:
        gc.set_threshold(count, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@contextlib.contextmanager
def collector_paused(paused: bool = True):
    """No cyclic garbage collection inside the block when ``paused`` (the collector is on
    again after it, if it was on before). Nothing the audit makes is freed by the collector
    alone (see ``Settings.gc_pause_in_workers``), so a collection only walks live objects."""
    if not paused or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _apply_chunk(fn: Callable, chunk: list[tuple], young: int = 0, pause: bool = False) -> list:
    """One task: ``fn`` on each argument tuple of a chunk, results in chunk order (with the
    garbage collector's young generation at ``young`` objects when more than its own, and
    no collection at all when ``pause``)."""
    with young_objects(young), collector_paused(pause):
        return [fn(*args) for args in chunk]


def _results(futures: list, arrived: Arrived = None) -> list:
    """The results of a pool's chunks, in chunk order (waiting for each; ``arrived`` is
    given each chunk's results as they come, while the workers go on with the next)."""
    out: list = []
    for future in futures:
        part = future.result()
        if arrived is not None:
            arrived(part)
        out.extend(part)
    return out


def _gathered(client, futures: list, arrived: Arrived = None) -> list:
    """The results of a Dask cluster's chunks, in chunk order."""
    out: list = []
    for part in client.gather(futures):
        if arrived is not None:
            arrived(part)
        out.extend(part)
    return out


def _ignore_sigint() -> None:
    """Worker initializer: Ctrl-C goes to the whole process group; only the parent handles it
    (it kills the workers), so that no worker prints a traceback. Workers are started with
    SIGINT blocked (see ``_sigint_blocked``), so one that is still starting cannot die of it
    either; a signal pending since then is dropped here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextlib.contextmanager
def _sigint_blocked():
    """SIGINT held back while worker processes are started (they inherit the mask); the
    parent receives a Ctrl-C from this time as soon as the block ends."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _results_now(engine: Engine, fn: Callable, args: tuple, arrived: Arrived) -> list:
    """In process: ``fn`` over the items now, ``arrived`` told of all the results at once."""
    out = Engine.map(engine, fn, *args)
    if arrived is not None:
        arrived(out)
    return out


class Engine:
    """In process, one item after the other: no pool, no pickling."""

    name = "serial"
    workers = 1

    def map(self, fn: Callable, items: Sequence[Any], *more: Sequence[Any]) -> list:
        return [fn(*args) for args in zip(items, *more, strict=True)]

    def start(
        self,
        fn: Callable,
        items: Sequence[Any],
        *more: Sequence[Any],
        costs: Costs = None,
        arrived: Arrived = None,
    ) -> Callable[[], list]:
        """``map`` begun now, its results collected by calling what this returns, so that
        this process can do other work while the workers run. In process: nothing runs
        until then. ``costs``: each item's estimated cost, for cutting the items into
        chunks of about equal work (``chunked``); the results do not depend on it.
        ``arrived``: called with the results of each chunk, in item order, as they are
        collected (in process: once, with all of them)."""
        if not self._shares(items):
            return partial(_results_now, self, fn, (items, *more), arrived)
        chunks = _chunks(self.settings, self.workers, items, more, costs)
        return self._send(fn, chunks, arrived)

    def _shares(self, items: Sequence[Any]) -> bool:
        """Whether these items go to the workers (in process: never)."""
        return False

    def _send(
        self, fn: Callable, chunks: list[list[tuple]], arrived: Arrived
    ) -> Callable[[], list]:
        """Send the chunks to the workers; what this returns collects their results."""
        raise NotImplementedError

    def close(self, abort: bool = False) -> None:
        """Release the workers; ``abort``: kill them now instead of letting them finish."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(abort=kind is not None)


class LocalEngine(Engine):
    """A pool of ``jobs`` local processes, started on the first map that needs it."""

    name = "local"

    def __init__(self, jobs: int | None = None, settings: Settings = DEFAULT) -> None:
        if jobs is not None and jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.workers = jobs or os.cpu_count() or 1
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None

    def map(self, fn: Callable, items: Sequence[Any], *more: Sequence[Any]) -> list:
        return self.start(fn, items, *more)()

    def _shares(self, items: Sequence[Any]) -> bool:
        return self.workers > 1 and len(items) > 1

    def _send(
        self, fn: Callable, chunks: list[list[tuple]], arrived: Arrived
    ) -> Callable[[], list]:
        s = self.settings
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_ignore_sigint)
        with _sigint_blocked():  # submitting starts the workers
            young, pause = s.gc_young_objects, s.gc_pause_in_workers
            futures = [self._pool.submit(_apply_chunk, fn, chunk, young, pause) for chunk in chunks]
        return partial(_results, futures, arrived)

    def close(self, abort: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not abort:
            pool.shutdown(wait=True)
            return
        # Ctrl-C or an error: drop the queued chunks and stop the running ones at once.
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()


class DaskEngine(Engine):
    """Chunks as tasks on a dask.distributed cluster; the client (this process) keeps the
    stages that need every article at once (load, group, number, render)."""

    name = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        jobs: int | None = None,
        settings: Settings = DEFAULT,
        processes: bool = True,
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            reason = "dask.distributed is not installed"
            raise InputError("--engine dask", reason, DASK_HINT) from None
        self.settings = settings
        self._cluster = None
        timeout = f"{settings.dask_connect_seconds}s"
        try:
            if scheduler:
                self._client = Client(scheduler, timeout=timeout)
            else:
                self._cluster = LocalCluster(
                    n_workers=jobs or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=":0",  # any free port: never clash with another cluster
                )
                self._client = Client(self._cluster, timeout=timeout)
        except OSError as exc:  # includes the connection timeout
            raise InputError(
                scheduler or "LocalCluster",
                f"cannot reach the Dask scheduler ({exc})",
                "check the address, e.g. --scheduler tcp://host:8786",
            ) from None
        threads = self._client.nthreads()
        self.workers = max(1, sum(threads.values()))

    def map(self, fn: Callable, items: Sequence[Any], *more: Sequence[Any]) -> list:
        return self.start(fn, items, *more)()

    def _shares(self, items: Sequence[Any]) -> bool:
        return len(items) > 0

    def _send(
        self, fn: Callable, chunks: list[list[tuple]], arrived: Arrived
    ) -> Callable[[], list]:
        s = self.settings
        young = [s.gc_young_objects] * len(chunks)
        futures = self._client.map(_apply_chunk, [fn] * len(chunks), chunks, young, pure=False)
        return partial(_gathered, self._client, futures, arrived)

    def close(self, abort: bool = False) -> None:
        client, self._client = getattr(self, "_client", None), None
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def open_engine(
    name: str = "local",
    jobs: int | None = None,
    scheduler: str | None = None,
    settings: Settings = DEFAULT,
) -> Engine:
    """The engine the CLI options ask for: ``local`` with ``jobs`` processes (1: in process,
    None: all cores) or ``dask`` at ``scheduler`` (None: a LocalCluster of ``jobs`` workers)."""
    if name == "dask":
        return DaskEngine(scheduler, jobs, settings)
    if name != "local":
        raise ValueError(f"unknown engine {name!r} (one of {', '.join(ENGINES)})")
    if scheduler:
        raise InputError("--scheduler", "only the dask engine has a scheduler", "add --engine dask")
    workers = jobs or os.cpu_count() or 1
    return Engine() if workers == 1 else LocalEngine(workers, settings)
