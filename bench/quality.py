"""Grouping quality on every dev corpus: one table of pair precision, recall and F1.

usage: python bench/quality.py [--markdown] [--only NAME] [--topics] [--threshold T]
                              [--set SETTING=VALUE ...] [--plateau] [--halves]

Rows: ``seeds`` (the five seed articles against shared/gold/seeds-dev.toml); ``ecbplus-dev``
(each topic file run on its own, both sub-topics mixed; pairs added up over all topics, and a
``macro`` row averaging the per-topic F1); ``gva-dev-mix`` (each hard mix run on its own, then
all together); ``gva-dev`` (the whole GVA dev split, 2,612 articles, in one run). Pair scores
count exactly as shared/gold/score.py ``event_scores`` does: pairs over the gold articles.
``--plateau`` adds micro pair F1 of every corpus over a range of thresholds (is the chosen one
on a plateau or a knife edge?); ``--halves`` chooses the threshold on half of the ECB+ dev
topics and scores it on the other half (and the other way round).
``seconds`` is the time of ``group_events`` alone (claims are extracted beforehand, as
checker.pipeline.run does). Only dev splits are read: the test splits are never looked at.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import sys
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from checker.evaluate import event_pair_counts  # noqa: E402
from checker.extract import extract_claims  # noqa: E402
from checker.group import group_events  # noqa: E402
from checker.load import load_paths  # noqa: E402
from checker.model import Article, Claim, Event  # noqa: E402
from checker.settings import DEFAULT, Settings  # noqa: E402
from checker.split import split_article  # noqa: E402

SHARED = ROOT.parent / "shared"  # CI: a fresh clone with shared/ beside it
if not SHARED.exists():
    SHARED = Path("/work/shared")
CORPORA = SHARED / "corpora"
NAMES = ("seeds", "ecbplus-dev", "gva-dev-mix", "gva-dev")
HEADER = ["corpus", "articles", "events", "gold events", "pair P", "pair R", "pair F1", "seconds"]
FIGURES_HEADER = "GVA figures correct"


# --- reading ---------------------------------------------------------------------------------


def read_articles(path: Path, settings: Settings = DEFAULT) -> list[Article]:
    loaded = load_paths([str(path)], settings)
    if loaded.errors:
        raise SystemExit("; ".join(err.message() for err in loaded.errors))
    return list(loaded.articles)


def read_gold(path: Path) -> list[dict]:
    with path.open("rb") as fh:
        return tomllib.load(fh).get("event", [])


def claims_for(articles: Sequence[Article], settings: Settings) -> dict[str, tuple[Claim, ...]]:
    """Claims of each article, extracted as checker.pipeline.run extracts them."""
    sentences = {a.id: split_article(a, settings) for a in articles}
    return {a.id: tuple(extract_claims(sentences[a.id], settings)) for a in articles}


# --- scoring (as shared/gold/score.py event_scores) ------------------------------------------


def pair_counts(gold_events: list[dict], events: Sequence[Event]) -> tuple[int, int, int]:
    """True positive, false positive and false negative pairs over the gold articles."""
    return event_pair_counts(gold_events, {a: e.id for e in events for a in e.articles})


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclasses.dataclass
class Row:
    name: str
    articles: int = 0
    found: int = 0
    gold: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    seconds: float = 0.0
    figures: str = ""
    parts: list[Row] = dataclasses.field(default_factory=list)

    def add(self, part: Row) -> None:
        for key in ("articles", "found", "gold", "tp", "fp", "fn", "seconds"):
            setattr(self, key, getattr(self, key) + getattr(part, key))
        self.parts.append(part)

    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

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


def macro_cells(name: str, total: Row) -> list[str]:
    f1 = sum(part.f1() for part in total.parts) / max(len(total.parts), 1)
    return [name, "", "", "", "", "", f"{f1:.3f}", "", ""]


_LOADED: dict[tuple[Path, Path], tuple[list[Article], list[dict], dict]] = {}


def load_corpus(corpus: Path, gold: Path, settings: Settings):
    """Articles, gold events and claims of a corpus, read and extracted once per process
    (the plateau and the halves group the same corpus at many thresholds)."""
    key = (corpus, gold)
    if key not in _LOADED:
        articles = read_articles(corpus, settings)
        _LOADED[key] = (articles, read_gold(gold), claims_for(articles, settings))
    return _LOADED[key]


def run_one(name: str, corpus: Path, gold: Path, settings: Settings) -> Row:
    articles, gold_events, claims = load_corpus(corpus, gold, settings)
    start = time.perf_counter()
    events = group_events(articles, claims, settings)
    seconds = time.perf_counter() - start
    tp, fp, fn = pair_counts(gold_events, events)
    return Row(name, len(articles), len(events), len(gold_events), tp, fp, fn, seconds)


# --- GVA figures column --------------------------------------------------------------------


def gva_figures_correct(corpus: Path, gold: Path, settings: Settings) -> str:
    """Share of multi-article incidents whose killed / injured record the audit reports.

    The whole audit (grouping included, as a user runs it) on the corpus, compared with the
    incident records in dev.facts.jsonl beside it; see bench/figures.py for the rule.
    """
    from figures import describe, figure_accuracy, read_facts

    from checker.pipeline import run

    facts = read_facts(corpus.with_name(corpus.name.replace(".jsonl", ".facts.jsonl")))
    report = run(read_articles(corpus, settings), settings)
    return describe(figure_accuracy(report, read_gold(gold), facts))


# --- corpora ---------------------------------------------------------------------------------


def _gold_of(corpus: Path) -> Path:
    return corpus.with_name(corpus.name.replace(".jsonl", ".gold.toml"))


def _topic_key(path: Path) -> tuple[int, str]:
    return (int(path.stem), "") if path.stem.isdigit() else (10**9, path.stem)


def rows_for(name: str, settings: Settings, topics: bool) -> list[list[str]]:
    """Table rows (cells) of one corpus."""
    if name == "seeds":
        row = run_one("seeds", SHARED / "seeds", SHARED / "gold" / "seeds-dev.toml", settings)
        return [row.cells()]
    if name == "ecbplus-dev":
        total = Row("ecbplus-dev (micro)")
        for corpus in sorted((CORPORA / "ecbplus" / "dev").glob("*.jsonl"), key=_topic_key):
            total.add(run_one(f"  ecbplus-dev/{corpus.stem}", corpus, _gold_of(corpus), settings))
        parts = [p.cells() for p in total.parts] if topics else []
        return [*parts, total.cells(), macro_cells("ecbplus-dev (macro)", total)]
    if name == "gva-dev-mix":
        total = Row("gva-dev-mix (all)")
        for corpus in sorted((CORPORA / "gva" / "dev-mix").glob("*.jsonl")):
            total.add(run_one(f"  gva-dev-mix/{corpus.stem}", corpus, _gold_of(corpus), settings))
        return [*(p.cells() for p in total.parts), total.cells()]
    if name == "gva-dev":
        corpus, gold = CORPORA / "gva" / "dev.jsonl", CORPORA / "gva" / "dev.gold.toml"
        row = run_one("gva-dev", corpus, gold, settings)
        row.figures = gva_figures_correct(corpus, gold, settings)
        return [row.cells()]
    raise ValueError(name)


# --- plateau and halves ------------------------------------------------------------------

PLATEAU = (0.030, 0.035, 0.040, 0.045, 0.050, 0.055, 0.060)
PLATEAU_HEADER = ["group_threshold", "seeds", "ECB+ dev", "GVA dev mixes", "GVA dev"]


def _ecb_topics() -> list[Path]:
    return sorted((CORPORA / "ecbplus" / "dev").glob("*.jsonl"), key=_topic_key)


def _micro(corpora: Sequence[Path], settings: Settings) -> Row:
    total = Row("")
    for corpus in corpora:
        total.add(run_one(corpus.stem, corpus, _gold_of(corpus), settings))
    return total


def plateau(settings: Settings, thresholds: Sequence[float] = PLATEAU) -> list[list[str]]:
    """Micro pair F1 of each corpus at each threshold (the chosen one in bold)."""
    seeds = (SHARED / "seeds", SHARED / "gold" / "seeds-dev.toml")
    mixes = sorted((CORPORA / "gva" / "dev-mix").glob("*.jsonl"))
    whole = (CORPORA / "gva" / "dev.jsonl", CORPORA / "gva" / "dev.gold.toml")
    rows = []
    for t in sorted({*thresholds, settings.group_threshold}):
        s = dataclasses.replace(settings, group_threshold=t)
        cells = [
            f"{t:.3f}",
            f"{run_one('seeds', *seeds, s).f1():.3f}",
            f"{_micro(_ecb_topics(), s).f1():.3f}",
            f"{_micro(mixes, s).f1():.3f}",
            f"{run_one('gva-dev', *whole, s).f1():.3f}",
        ]
        if t == settings.group_threshold:
            cells = [f"**{c}**" for c in cells]
        rows.append(cells)
    return rows


def halves(settings: Settings, thresholds: Sequence[float] = PLATEAU) -> list[list[str]]:
    """Honest generalisation on ECB+ dev: the threshold chosen (best micro F1) on the odd
    topics, scored on the even ones, and the other way round."""
    topics = _ecb_topics()
    parts = {"odd": topics[0::2], "even": topics[1::2]}
    f1 = {
        (name, t): _micro(part, dataclasses.replace(settings, group_threshold=t)).f1()
        for name, part in parts.items()
        for t in thresholds
    }
    rows = []
    for chosen_on, scored_on in (("odd", "even"), ("even", "odd")):
        best = max(thresholds, key=lambda t: (f1[(chosen_on, t)], -t))
        rows.append(
            [
                f"{chosen_on} ({', '.join(p.stem for p in parts[chosen_on])})",
                f"{best:.3f}",
                f"{f1[(chosen_on, best)]:.3f}",
                f"{f1[(scored_on, best)]:.3f}",
                f"{max(f1[(scored_on, t)] for t in thresholds):.3f}",
            ]
        )
    return rows


HALVES_HEADER = [
    "ECB+ dev topics tuned on",
    "threshold",
    "F1 there",
    "F1 on the other half",
    "best possible there",
]


def render(table: list[list[str]], markdown: bool, header: Sequence[str] | None = None) -> str:
    header = [*HEADER, FIGURES_HEADER] if header is None else list(header)
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(c.strip() or " " for c in cells) + " |" for cells in table]
        return "\n".join(lines)
    widths = [max(len(h), *(len(c[k]) for c in table)) for k, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        for cells in table
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as markdown")
    parser.add_argument("--only", choices=NAMES, help="run one corpus only")
    parser.add_argument("--topics", action="store_true", help="one row per ECB+ topic too")
    parser.add_argument("--threshold", type=float, help="override settings.group_threshold")
    parser.add_argument(
        "--plateau",
        action="store_true",
        help="F1 over a range of thresholds (printed anyway without --only)",
    )
    parser.add_argument(
        "--halves", action="store_true", help="also ECB+ dev: tuned on half, scored on the other"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="SETTING=VALUE",
        help="override any setting, e.g. --set date_decay=0.3 (a Python literal)",
    )
    args = parser.parse_args(argv)
    changes = {}
    for item in args.set:
        key, _, value = item.partition("=")
        changes[key.strip()] = ast.literal_eval(value.strip())
    if args.threshold is not None:
        changes["group_threshold"] = args.threshold
    settings = dataclasses.replace(DEFAULT, **changes)
    table: list[list[str]] = []
    for name in [args.only] if args.only else NAMES:
        table.extend(rows_for(name, settings, args.topics))
    print(render(table, args.markdown))
    if args.plateau or not args.only:
        print()
        print(render(plateau(settings), args.markdown, PLATEAU_HEADER))
    if args.halves:
        print()
        print(render(halves(settings), args.markdown, HALVES_HEADER))
    return 0


if __name__ == "__main__":
    sys.exit(main())
