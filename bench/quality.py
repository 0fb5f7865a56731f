"""Grouping quality on every dev corpus: one table of pair precision, recall and F1.

usage: python bench/quality.py [--markdown] [--only NAME]

Rows: ``seeds`` (the five seed articles against shared/gold/seeds-dev.toml), ``ecbplus-dev``
(each topic file run on its own; pairs micro-averaged over all topics, with a ``macro`` row
averaging the per-topic scores), ``gva-dev-mix`` (each hard mix run on its own, then all), and
``gva-dev`` (the whole GVA dev split in one run). Pair scores follow
shared/gold/score.py ``event_scores`` exactly: pairs over the gold articles.

Only dev splits are read; the test splits are never looked at here.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.group import group_events  # noqa: E402
from checker.model import Article, Claim, Event  # noqa: E402
from checker.settings import DEFAULT, Settings  # noqa: E402

SHARED = Path("/work/shared")
if not SHARED.exists():  # a checkout with shared/ beside it (CI)
    SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


# --- loading ---------------------------------------------------------------------------------


def _read_private(path: Path) -> list[Article]:
    """A tiny reader for JSONL corpora and .txt article folders (used until checker.load)."""
    if path.is_dir():
        out = []
        for file in sorted(path.glob("*.txt")):
            raw = file.read_text(encoding="utf-8-sig")
            title, _, body = raw.partition("\n")
            out.append(
                Article(id=file.stem, text=body.strip(), title=title.strip(), path=str(file))
            )
        return out
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            out.append(
                Article(
                    id=str(row["id"]),
                    text=row.get("text") or "",
                    title=row.get("title") or "",
                    date=row.get("date") or None,
                    source=row.get("source") or None,
                    url=row.get("url") or None,
                    path=str(path),
                )
            )
    return out


def read_articles(path: Path, settings: Settings = DEFAULT) -> list[Article]:
    """Articles of one corpus file or folder: the project's loader when it exists."""
    try:
        from checker.load import load_paths
    except ImportError:
        return _read_private(path)
    loaded = load_paths([str(path)], settings)
    return list(loaded.articles)


def read_gold(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return tomllib.load(fh).get("event", [])


def claims_for(articles: Sequence[Article], settings: Settings) -> dict[str, tuple[Claim, ...]]:
    """Claims from the project's extractor (as checker.pipeline.run does), else none."""
    try:
        from checker.extract import extract_claims, known_places
        from checker.split import split_article
    except ImportError:
        return {}
    sentences = {a.id: split_article(a, settings) for a in articles}
    places = known_places(s for a in articles for s in sentences[a.id])
    return {a.id: tuple(extract_claims(sentences[a.id], settings, places)) for a in articles}


# --- scoring (as shared/gold/score.py event_scores) -----------------------------------------


def pair_counts(gold_events: list[dict], events: Sequence[Event]) -> tuple[int, int, int]:
    gold_of = {a: e["id"] for e in gold_events for a in e["articles"]}
    tool_of = {a: e.id for e in events for a in e.articles}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold_of), 2):
        g = gold_of[a] == gold_of[b]
        t = a in tool_of and b in tool_of and tool_of[a] == tool_of[b]
        tp += g and t
        fp += (not g) and t
        fn += g and not t
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Row:
    def __init__(self, name: str) -> None:
        self.name = name
        self.articles = self.found = self.gold = 0
        self.tp = self.fp = self.fn = 0
        self.seconds = 0.0
        self.figures = ""
        self.macro: list[float] = []

    def add(self, other: Row) -> None:
        for key in ("articles", "found", "gold", "tp", "fp", "fn"):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.seconds += other.seconds
        self.macro.append(prf(other.tp, other.fp, other.fn)[2])

    def cells(self) -> list[str]:
        p, r, f = prf(self.tp, self.fp, self.fn)
        return [
            self.name,
            str(self.articles),
            str(self.found),
            str(self.gold),
            f"{p:.3f}",
            f"{r:.3f}",
            f"{f:.3f}",
            f"{self.seconds:.2f}",
            self.figures,
        ]


def run_one(name: str, corpus: Path, gold: Path, settings: Settings) -> Row:
    articles = read_articles(corpus, settings)
    gold_events = read_gold(gold)
    claims = claims_for(articles, settings)
    start = time.perf_counter()
    events = group_events(articles, claims, settings)
    row = Row(name)
    row.seconds = time.perf_counter() - start
    row.articles = len(articles)
    row.found = len(events)
    row.gold = len(gold_events)
    row.tp, row.fp, row.fn = pair_counts(gold_events, events)
    return row


# --- GVA figures column: to be filled in ----------------------------------------------------


def gva_figures_correct(corpus: Path, settings: Settings) -> str:
    """GVA FIGURES CORRECT — placeholder for the column another engineer fills in.

    Intended: run ``checker.pipeline.run`` on the corpus and compare the killed / injured
    figures it reports per event with shared/corpora/gva/dev.facts.jsonl; return a short
    cell such as ``"41/60"``. Returns "" (an empty cell) until then.
    """
    return ""


# --- corpora ---------------------------------------------------------------------------------


def _topic_key(path: Path) -> tuple[int, str]:
    stem = path.name.split(".")[0]
    return (int(stem), stem) if stem.isdigit() else (10**9, stem)


def rows_for(name: str, settings: Settings) -> list[Row]:
    if name == "seeds":
        return [run_one("seeds", SHARED / "seeds", SHARED / "gold" / "seeds-dev.toml", settings)]
    if name == "ecbplus-dev":
        total = Row("ecbplus-dev (micro)")
        rows = []
        for corpus in sorted((CORPORA / "ecbplus" / "dev").glob("*.jsonl"), key=_topic_key):
            gold = corpus.with_name(corpus.name.replace(".jsonl", ".gold.toml"))
            row = run_one(f"  ecbplus-dev/{corpus.stem}", corpus, gold, settings)
            rows.append(row)
            total.add(row)
        macro = Row("ecbplus-dev (macro)")
        macro_f = sum(total.macro) / len(total.macro) if total.macro else 0.0
        cells = total.cells()
        macro.cells = lambda: [macro.name, "", "", "", "", "", f"{macro_f:.3f}", "", ""]  # type: ignore[method-assign]
        return [*rows, total, macro] if _verbose else [total, macro]
        del cells
    if name == "gva-dev-mix":
        total = Row("gva-dev-mix (all)")
        rows = []
        for corpus in sorted((CORPORA / "gva" / "dev-mix").glob("*.jsonl")):
            gold = corpus.with_name(corpus.name.replace(".jsonl", ".gold.toml"))
            row = run_one(f"  gva-dev-mix/{corpus.stem}", corpus, gold, settings)
            rows.append(row)
            total.add(row)
        return [*rows, total]
    if name == "gva-dev":
        corpus = CORPORA / "gva" / "dev.jsonl"
        row = run_one("gva-dev", corpus, CORPORA / "gva" / "dev.gold.toml", settings)
        row.figures = gva_figures_correct(corpus, settings)
        return [row]
    raise SystemExit(f"unknown corpus {name!r}; choose from {', '.join(NAMES)}")


NAMES = ("seeds", "ecbplus-dev", "gva-dev-mix", "gva-dev")
HEADER = ["corpus", "articles", "events", "gold events", "pair P", "pair R", "pair F1", "seconds"]
_verbose = True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    parser.add_argument("--only", choices=NAMES, help="run one corpus only")
    parser.add_argument("--threshold", type=float, help="override settings.group_threshold")
    args = parser.parse_args(argv)
    settings = DEFAULT
    if args.threshold is not None:
        import dataclasses

        settings = dataclasses.replace(settings, group_threshold=args.threshold)
    rows: list[Row] = []
    for name in [args.only] if args.only else NAMES:
        rows.extend(rows_for(name, settings))
    header = [*HEADER, "GVA figures correct"]
    table = [row.cells() for row in rows]
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" for _ in header) + "|")
        for cells in table:
            print("| " + " | ".join(c.strip() or " " for c in cells) + " |")
    else:
        widths = [max(len(h), *(len(c[i]) for c in table)) for i, h in enumerate(header)]
        print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
        for cells in table:
            print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
