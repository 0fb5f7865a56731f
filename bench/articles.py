"""The per-article stage alone: CPU seconds to split, extract and digest articles, serially.

    python bench/articles.py                       # GVA dev + test, 5,255 articles
    python bench/articles.py --limit 1500 FILE...  # the first 1,500 (by id) of these files
    python /other/checkout/bench/articles.py       # the same for another checkout

One process, no pool: the stage's own CPU time (``checker.pipeline._analyse``, the function
the workers run), without pickling or the pool's start-up, so that a change to extraction or
to the grouping digest can be measured on its own. On a shared machine, run two checkouts one
after the other, several times, and compare medians (``bench/README.md``, "Scale").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))  # this checkout's checker, whatever is installed

from synthetic import GVA  # noqa: E402

from checker.engine import young_objects  # noqa: E402
from checker.load import load_paths  # noqa: E402
from checker.pipeline import _analyse  # noqa: E402
from checker.settings import DEFAULT  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", default=[GVA / "dev.jsonl", GVA / "test.jsonl"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles by id")
    args = parser.parse_args()
    articles = sorted(load_paths([str(f) for f in args.files], DEFAULT).articles, key=_key)
    articles = articles[: args.limit or None]
    with young_objects(DEFAULT.gc_young_objects):  # as the audit runs it
        start = time.process_time()
        results = [_analyse(DEFAULT, a) for a in articles]
        total = time.process_time() - start
    parts = [sum(r[k] for r in results) for k in (3, 4, 5)]
    print(
        f"{len(articles)} articles: {total:.2f} s CPU (split {parts[0]:.2f}, "
        f"extract {parts[1]:.2f}, digest {parts[2]:.2f}) [{ROOT}]"
    )


def _key(article) -> tuple[str, str]:
    return article.id, article.path


if __name__ == "__main__":
    main()
