"""Speed and memory of the audit, measured end to end on real inputs.

    python bench/speed.py            # all cases
    python bench/speed.py --markdown # the table for the README

Each case runs in a fresh interpreter (``checker audit ... --format json``), so import time is
included, as a user sees it; peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"

CASES = [
    ("seeds (5 articles)", [str(ROOT / "seeds")], 5),
    ("ECB+ dev topic 20 (16 articles)", [str(SHARED / "ecbplus" / "dev" / "20.jsonl")], 3),
    ("ECB+ dev, all topics (413 articles)", [str(SHARED / "ecbplus" / "dev.jsonl")], 1),
    ("GVA dev (2,612 articles)", [str(SHARED / "gva" / "dev.jsonl")], 1),
]


SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")


def run_case(paths: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one audit in a child process. The child's own resource
    use (``os.wait4``), since the RUSAGE_CHILDREN maximum is a running maximum over every child
    waited for so far, and would give a small case the peak of a large one run before it."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "checker.cli", "audit", *paths, "--format", "json"],
        stdout=subprocess.DEVNULL,
        cwd=ROOT,
    )
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, child.args)
    return seconds, usage.ru_maxrss / 1024


def two_long_articles(folder: Path, sentences: int = 5_250) -> list[str]:
    """Two reports of a little over 5,000 sentences each (``sentences`` is a rough count)
    that share most of them (one event): the worst case for comparing sentences inside an
    event. Built from GVA dev texts; the second report has the same paragraphs in another
    order, "said" worded as "stated"."""
    import json

    paragraphs: list[str] = []
    count = 0
    with open(SHARED / "gva" / "dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            for paragraph in json.loads(line)["text"].split("\n"):
                if paragraph.strip():
                    paragraphs.append(paragraph.strip())
                    count += len(SENTENCE_END.findall(paragraph))
            if count >= sentences:
                break
    first = "Shootings this year\n\n" + "\n\n".join(paragraphs)
    second = "Shootings this year\n\n" + "\n\n".join(reversed(paragraphs))
    paths = []
    for name, text in (("long-a.txt", first), ("long-b.txt", second.replace(" said", " stated"))):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def five_megabyte_line() -> tuple[float, float]:
    """One 5 MB line of news sentences through the whole pipeline, the article size limit
    raised (by default such an article is refused with a clear message): in process."""
    import dataclasses

    sys.path.insert(0, str(ROOT))
    from checker.model import Article
    from checker.pipeline import run
    from checker.settings import DEFAULT

    sentence = "The army said 40 drones were shot down over Kaluga. "
    text = (sentence * (5_000_000 // len(sentence) + 1))[:5_000_000]
    settings = dataclasses.replace(DEFAULT, max_article_chars=6_000_000)
    start = time.perf_counter()
    run([Article("huge", text)], settings)
    seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--only", help="run the cases whose name contains this")
    args = parser.parse_args()
    rows = []
    for name, paths, repeats in CASES:
        if args.only and args.only not in name:
            continue
        if not all(Path(p).exists() for p in paths):
            print(f"skipping {name}: input not found", file=sys.stderr)
            continue
        results = [run_case(paths) for _ in range(repeats)]
        seconds = statistics.median(r[0] for r in results)
        rows.append((name, f"{seconds:.2f}", f"{max(r[1] for r in results):.0f}", repeats))
    name = "two 5,000-sentence articles, one event"
    if (not args.only or args.only in name) and (SHARED / "gva" / "dev.jsonl").exists():
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            seconds, peak = run_case(two_long_articles(Path(folder)))
        rows.append((name, f"{seconds:.2f}", f"{peak:.0f}", 1))
    if not args.only or args.only in "5 MB":
        seconds, peak = five_megabyte_line()
        name = "one 5 MB line (limit raised, in process)"
        rows.append((name, f"{seconds:.2f}", f"{peak:.0f}", 1))
    header = ("input", "seconds (median)", "peak RSS MiB", "runs")
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(str(x) for x in row) + " |")
    else:
        for row in [header, *rows]:
            print(f"{row[0]:40s} {row[1]:>16s} {row[2]:>12s} {row[3]!s:>5s}")


if __name__ == "__main__":
    main()
