"""The judging stage alone: capture an audit's event jobs once, then judge them in process.

    python bench/judge_stage.py capture /tmp/gva-dev-jobs.pkl corpora/gva/dev.jsonl
    python bench/judge_stage.py time /tmp/gva-dev-jobs.pkl --repeat 3
    valgrind --tool=callgrind --toggle-collect=_operator_call \\
        python bench/judge_stage.py time /tmp/gva-dev-jobs.pkl --repeat 1

``capture`` runs ``checker.pipeline.run`` in process and pickles the job of every event as the
pipeline sends it to a worker (the event, its articles, sealed sentences and claims, and its
share of the copied sentences). ``time`` unpickles them afresh for each pass (so that the
sealed sentences and claims are opened inside the pass, as in a worker), judges every job
with the collector paused (as the pool's workers do) and prints the CPU seconds of each pass
and a digest of the findings: two checkouts that judge alike print the same digest. The pass
runs inside ``operator.call``, so callgrind's ``--toggle-collect=_operator_call`` counts the
judging and nothing else. Jobs pickled by one checkout are read by another as long as the
model's classes are the same.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import operator
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker import pipeline  # noqa: E402
from checker.load import load_paths  # noqa: E402
from checker.settings import DEFAULT  # noqa: E402


def capture(out: str, paths: list[str]) -> None:
    """Audit ``paths`` in process and pickle every event's judging job into ``out``."""
    jobs = []
    judge_one = pipeline._judge_one

    def kept(settings, job):
        jobs.append(job)
        return judge_one(settings, job)

    pipeline._judge_one = kept
    try:
        report = pipeline.run(load_paths(paths, DEFAULT).articles, DEFAULT)
    finally:
        pipeline._judge_one = judge_one
    Path(out).write_bytes(pickle.dumps(jobs, pickle.HIGHEST_PROTOCOL))
    print(f"{len(jobs)} jobs, {len(report.findings)} findings -> {out}")


def judge_pass(blob: bytes, stride: int) -> tuple[float, list]:
    """CPU seconds to judge every ``stride``-th job of the pickled ``blob``, and the findings."""
    jobs = pickle.loads(blob)[::stride]
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        found = operator.call(lambda: [pipeline._judge_one(DEFAULT, job) for job in jobs])
        return time.process_time() - start, found
    finally:
        gc.enable()


def digest(found: list) -> str:
    """A short hash of every finding's fields (ids are given later, over the report)."""
    rows = [
        [
            (f.event, f.verdict, f.kind, f.slot, f.explanation, f.severity, f.confidence)
            + tuple((c.article, c.sentence, c.start, c.end) for c in f.claims)
            for f in findings
        ]
        for findings in found
    ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    cap = sub.add_parser("capture", help="audit in process and keep the judging jobs")
    cap.add_argument("out")
    cap.add_argument("paths", nargs="+")
    tim = sub.add_parser("time", help="judge captured jobs in process")
    tim.add_argument("jobs")
    tim.add_argument("--repeat", type=int, default=3)
    tim.add_argument("--stride", type=int, default=1, help="every n-th job only")
    args = parser.parse_args(argv)
    if args.command == "capture":
        capture(args.out, args.paths)
        return
    blob = Path(args.jobs).read_bytes()
    for _ in range(args.repeat):
        seconds, found = judge_pass(blob, args.stride)
        count = sum(map(len, found))
        print(f"judge CPU {seconds:.3f} s, {count} findings, digest {digest(found)}")


if __name__ == "__main__":
    main()
