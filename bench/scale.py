"""How the audit scales: the real GVA corpus and synthetic corpora of 8k to 64k articles.

    python bench/scale.py --markdown                 # GVA dev+test, then 8k, 16k, 32k, 64k
    python bench/scale.py --sizes 8000,16000 --jobs 1
    python bench/scale.py --no-gva --sizes 64000 --engine dask

Each case runs in a fresh interpreter (imports are not timed; ``process s`` includes them),
which first makes a *bare pass* over the same files (read, decode, split into words with one
regex: the floor any tool pays), then loads, audits (``checker.pipeline.run`` with its
``timings`` hook and the chosen engine) and renders the JSON report. Reported: wall seconds of
load + audit + render and the CPU seconds (this process and its workers) spent on them, the
stages' wall seconds, the ratio of that wall time to the bare pass,
and peak resident memory of the main process and of its largest worker.

The GVA case is dev + test (5,255 articles; speed only, nothing is scored). The synthetic
corpora are made by bench/synthetic.py from the dev reports (events of real sizes, unique
ids, names and dates) and cached in ``--corpora`` (default: a folder in the temp dir).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from synthetic import GVA, write_corpus  # noqa: E402

STAGES = ("load", "split", "extract", "features", "group", "judge", "render")
SIZES = (8000, 16000, 32000, 64000)
_WORD = re.compile(r"\w+")


# --- the child: one measured audit ------------------------------------------------------------


def _files(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.jsonl")) if p.is_dir() else [p])
    return out


def bare_pass(paths: list[str]) -> tuple[float, int]:
    """Seconds to read and decode the files and split them into words, and the word count."""
    start = time.perf_counter()
    words = 0
    for path in _files(paths):
        words += len(_WORD.findall(path.read_bytes().decode("utf-8")))
    return time.perf_counter() - start, words


def measure(paths: list[str], engine_name: str, jobs: int | None) -> dict:
    """One audit of ``paths`` in this process, with per-stage seconds and peak memory."""
    from checker.engine import open_engine
    from checker.load import load_paths
    from checker.pipeline import run
    from checker.render.json import render_json
    from checker.settings import DEFAULT

    bare, words = bare_pass(paths)
    timings: dict[str, float] = {}
    cpu = _cpu_seconds()
    start = time.perf_counter()
    loaded = load_paths(paths, DEFAULT)
    timings["load"] = time.perf_counter() - start
    with open_engine(engine_name, jobs, settings=DEFAULT) as engine:
        report = run(loaded.articles, DEFAULT, engine=engine, timings=timings)
        workers = engine.workers
    middle = time.perf_counter()
    render_json(report)
    timings["render"] = time.perf_counter() - middle
    wall = time.perf_counter() - start
    return {
        "cpu": _cpu_seconds() - cpu,
        "articles": len(report.articles),
        "sentences": sum(len(s) for s in report.sentences),
        "events": len(report.events),
        "findings": len(report.findings),
        "words": words,
        "workers": workers,
        "wall": wall,
        "bare": bare,
        "stages": timings,
        "rss_main": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "errors": len(loaded.errors),
    }


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished workers."""
    me, workers = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return me.ru_utime + me.ru_stime + workers.ru_utime + workers.ru_stime


# --- the parent: cases, table ---------------------------------------------------------------


def run_case(paths: list[str], engine_name: str, jobs: int | None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", *paths]
    command += ["--engine", engine_name] + (["--jobs", str(jobs)] if jobs else [])
    start = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - start
    return result


def cases(args) -> list[tuple[str, list[str]]]:
    out = []
    if not args.no_gva:
        out.append(("GVA dev+test", [str(GVA / "dev.jsonl"), str(GVA / "test.jsonl")]))
    folder = Path(args.corpora)
    for size in args.sizes:
        target = folder / f"gva-synthetic-{size}"
        if not (target / "part-000.jsonl").exists():
            write_corpus(size, target)
        out.append((f"synthetic {size // 1000}k", [str(target)]))
    return out


HEADER = [
    "corpus",
    "articles",
    "sentences",
    "wall s",
    "CPU s",
    *(f"{s} s" for s in STAGES),
    "bare s",
    "x bare",
    "process s",
    "peak RSS MiB (main / worker)",
]


def row(name: str, r: dict) -> list[str]:
    stages = [f"{r['stages'].get(s, 0.0):.2f}" for s in STAGES]
    rss = f"{r['rss_main']:.0f} / {r['rss_worker']:.0f}"
    ratio = r["wall"] / max(r["bare"], 1e-9)
    return [
        name,
        f"{r['articles']:,}",
        f"{r['sentences']:,}",
        f"{r['wall']:.1f}",
        f"{r['cpu']:.1f}",
        *stages,
        f"{r['bare']:.2f}",
        f"{ratio:.0f}",
        f"{r['process']:.1f}",
        rss,
    ]


def growth(rows: list[tuple[str, dict]]) -> list[str]:
    """Time and memory ratio of each synthetic doubling."""
    synth = [(n, r) for n, r in rows if n.startswith("synthetic")]
    lines = []
    for (a, ra), (b, rb) in zip(synth, synth[1:], strict=False):
        mem = max(rb["rss_main"], rb["rss_worker"]) / max(ra["rss_main"], ra["rss_worker"])
        wall, cpu = rb["wall"] / ra["wall"], rb["cpu"] / ra["cpu"]
        lines.append(f"{a} -> {b}: wall x{wall:.2f}, CPU x{cpu:.2f}, peak RSS x{mem:.2f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-gva", action="store_true", help="skip the real GVA case")
    parser.add_argument("--jobs", type=int, default=None, help="default: all cores")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--corpora", default=str(Path(tempfile.gettempdir()) / "checker-scale"))
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.engine, args.jobs)))
        return
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    for name, paths in cases(args):
        result = run_case(paths, args.engine, args.jobs)
        rows.append((name, result))
        print(f"# {name}: " + json.dumps(result), file=sys.stderr, flush=True)
    table = [row(name, r) for name, r in rows]
    if args.markdown:
        print("| " + " | ".join(HEADER) + " |")
        print("|" + "---|" * len(HEADER))
        for cells in table:
            print("| " + " | ".join(cells) + " |")
    else:
        for cells in [HEADER, *table]:
            print("  ".join(cells))
    print("\n" + machine())
    for line in growth(rows):
        print(line)


def machine() -> str:
    """What the figures were measured on: cores, CPU model, load when the run ended."""
    import os

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"machine: {os.cpu_count()} cores ({model}), load average {load}"


if __name__ == "__main__":
    main()
