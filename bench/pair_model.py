"""Learned pair weights against the hand weights, under 2-fold cross-validation (issue 9).

usage: python bench/pair_model.py [--markdown]

The grouping scores a pair as the cosine of hand-weighted TF-IDF vectors times hand-set
penalty factors. Here the same ingredients become pair features: the cosine contribution of
each feature family (names, pairs of names, figures, days, years, numbers, words, anchors;
vectors with every family weight 1), the log of their sum, and the counter-evidence
(addresses, ages, decisive figures, anchor figures, lede places, event days: 0/1; the log of
the date factor). A logistic regression (numpy, Newton steps, a small L2 penalty) is fitted
on the candidate pairs of the training fold and labelled by the gold; the ECB+ topics, the GVA
mixes and the GVA half count equally.

Folds: ECB+ dev topics alternate (as ``quality.py --halves``: 1, 3, 5 ... / 2, 4, 6 ...);
GVA dev states, by number of articles, alternate (Texas, California, Pennsylvania ... /
Florida, Illinois, Ohio ...), so each fold has GVA mixes (Texas and California / Florida and
Michigan). Fold k trains on one half and is scored on the other. Scored on: each ECB+ topic
of the half run on its own (pairs added up), each GVA mix of the half run on its own, and the
GVA dev articles of the half's states run as one collection.

Both arms cluster the same way: candidate pairs (``blocking``), components of the pairs at
the threshold, average linkage inside each (``cluster``); no split or recall pass (their
limits are on the hand scale). Each arm's threshold is the one of its grid that gives the
best mean of the three training corpora's micro pair F1. ``hand, full`` is the grouping as
shipped (``group_events``, threshold 0.045, split and recall passes) for reference.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from quality import (  # noqa: E402
    CORPORA,
    _ecb_topics,
    _gold_of,
    claims_for,
    prf,
    read_articles,
    read_gold,
    render,
)

from checker.evaluate import event_pair_counts  # noqa: E402
from checker.group import group_events, prepare  # noqa: E402
from checker.group.blocking import candidates  # noqa: E402
from checker.group.cluster import average_linkage, blocks  # noqa: E402
from checker.group.conflicts import conflict_factors  # noqa: E402
from checker.group.dates import day_factors, gap_factors  # noqa: E402
from checker.group.places import place_factors  # noqa: E402
from checker.group.scoring import Scorer  # noqa: E402
from checker.group.vectors import family_weights  # noqa: E402
from checker.settings import DEFAULT, Settings  # noqa: E402

FAMILIES = "pqudynwa"
PENALTIES = {
    "address": {"group_address_penalty": 0.5},
    "age": {"group_age_penalty": 0.5},
    "decisive": {"group_decisive_penalty": 0.5},
    "anchor": {"group_conflict_penalty": 0.5},
}
NAMES = [
    *(f"share_{f}" for f in FAMILIES),
    *(f"cos_{f}" for f in FAMILIES),
    "log_cos",
    *PENALTIES,
    "place",
    "day",
    "log_date",
]
HAND_GRID = tuple(round(0.030 + 0.005 * k, 3) for k in range(7))
LEARNED_GRID = tuple(round(0.05 * k, 2) for k in range(2, 19))
GROUPS = ("ECB+ dev", "GVA dev mixes", "GVA dev (half)")


# --- corpora and folds ---------------------------------------------------------------------


@dataclasses.dataclass
class Corpus:
    """One collection grouped on its own, with what both arms need about it."""

    name: str
    group: str
    gold: list[dict]
    ids: list[str]
    scorer: Scorer
    i: np.ndarray
    j: np.ndarray
    unit: sparse.csr_matrix  # TF-IDF rows with every family weight 1, L2-normalised
    family: sparse.csr_matrix  # vocabulary x family, 1 where the feature is of that family
    shipped: tuple[int, int, int]  # pair counts of group_events as shipped
    cache: dict = dataclasses.field(default_factory=dict)


def build(name: str, group: str, articles: list, gold: list[dict], settings: Settings) -> Corpus:
    claims = claims_for(articles, settings)
    arts = sorted(articles, key=lambda a: (a.text, a.title, a.id))
    scorer = prepare(arts, claims, settings)
    i, j = candidates(scorer.vectors, settings)
    v = scorer.vectors
    weights = family_weights(settings)
    per_column = np.asarray([weights[f[0]] for f in v.vocab])
    unit = sparse.csr_matrix(v.x @ sparse.diags(1.0 / per_column))
    norms = np.sqrt(np.asarray(unit.multiply(unit).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.csr_matrix(sparse.diags(1.0 / norms) @ unit)
    cols = np.asarray([FAMILIES.index(f[0]) for f in v.vocab])
    family = sparse.csr_matrix(
        (np.ones(len(cols)), (np.arange(len(cols)), cols)), shape=(len(cols), len(FAMILIES))
    )
    events = group_events(articles, claims, settings)
    shipped = event_pair_counts(gold, {a: e.id for e in events for a in e.articles})
    ids = [a.id for a in arts]
    return Corpus(name, group, gold, ids, scorer, i, j, unit, family, shipped)


def states_of() -> dict[str, str]:
    """Article id -> the state of its GVA incident (dev.facts.jsonl)."""
    gva = CORPORA / "gva"
    with (gva / "dev.facts.jsonl").open(encoding="utf-8") as fh:
        state = {f["event"]: f["state"] for f in map(json.loads, fh)}
    return {a: state[e["id"]] for e in read_gold(gva / "dev.gold.toml") for a in e["articles"]}


def state_folds(article_state: dict[str, str]) -> list[set[str]]:
    """States by number of articles (most first, ties by name), alternating between folds."""
    count = Counter(article_state.values())
    ranked = sorted(count, key=lambda s: (-count[s], s))
    return [set(ranked[0::2]), set(ranked[1::2])]


def load_folds(settings: Settings) -> list[list[Corpus]]:
    topics = _ecb_topics()
    ecb = [topics[0::2], topics[1::2]]
    article_state = states_of()
    states = state_folds(article_state)
    whole = read_articles(CORPORA / "gva" / "dev.jsonl", settings)
    whole_gold = read_gold(CORPORA / "gva" / "dev.gold.toml")
    folds = []
    for k in (0, 1):
        part = [
            build(
                f"ecb/{p.stem}",
                GROUPS[0],
                read_articles(p, settings),
                read_gold(_gold_of(p)),
                settings,
            )
            for p in ecb[k]
        ]
        for p in sorted((CORPORA / "gva" / "dev-mix").glob("*.jsonl")):
            if p.stem.rsplit("-", 2)[0] in states[k]:
                arts, gold = read_articles(p, settings), read_gold(_gold_of(p))
                part.append(build(f"mix/{p.stem}", GROUPS[1], arts, gold, settings))
        arts = [a for a in whole if article_state[a.id] in states[k]]
        gold = [e for e in whole_gold if article_state[e["articles"][0]] in states[k]]
        part.append(build(f"gva/half{k}", GROUPS[2], arts, gold, settings))
        folds.append(part)
    return folds


# --- pair features -------------------------------------------------------------------------


def features(c: Corpus, i: np.ndarray, j: np.ndarray, with_hand: bool = False) -> np.ndarray:
    """One row per pair (i, j): the columns of ``NAMES`` (and ``log_hand``, the log of the
    hand-weighted pair score, when ``with_hand``)."""
    s, sc = c.scorer.settings, c.scorer
    fam = np.asarray((c.unit[i].multiply(c.unit[j]) @ c.family).todense(), dtype=np.float64)
    unit = c.unit.multiply(c.unit)
    na = np.sqrt(np.asarray((unit[i] @ c.family).todense()))
    nb = np.sqrt(np.asarray((unit[j] @ c.family).todense()))
    within = fam / np.maximum(na * nb, 1e-12)
    cols = [fam, within, np.log(np.maximum(fam.sum(axis=1), 1e-4))[:, None]]
    off = {
        "group_address_penalty": 1.0,
        "group_age_penalty": 1.0,
        "group_decisive_penalty": 1.0,
        "group_conflict_penalty": 1.0,
    }
    for change in PENALTIES.values():
        one = dataclasses.replace(s, **{**off, **change})
        cols.append((conflict_factors(sc.evidence, i, j, one) < 1.0)[:, None])
    place = dataclasses.replace(s, group_place_penalty=0.5)
    cols.append((place_factors(sc.places, sc.words, i, j, place) < 1.0)[:, None])
    day = dataclasses.replace(s, group_day_penalty=0.5)
    cols.append((day_factors(sc.days[i], sc.days[j], day) < 1.0)[:, None])
    dated = gap_factors(sc.dates[i], sc.dates[j], sc.date_table, s)
    cols.append(np.log(np.maximum(dated, 1e-6))[:, None])
    if with_hand:
        cols.append(np.log(np.maximum(sc.scores(i, j), 1e-4))[:, None])
    return np.hstack([np.asarray(x, dtype=np.float64) for x in cols])


def labels(c: Corpus, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    event = {a: e["id"] for e in c.gold for a in e["articles"]}
    return np.asarray([event[c.ids[a]] == event[c.ids[b]] for a, b in zip(i, j, strict=True)])


# --- logistic regression --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Logistic:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # intercept first
    with_hand: bool = False

    def __call__(self, x: np.ndarray) -> np.ndarray:
        z = self.coef[0] + ((x - self.mean) / self.scale) @ self.coef[1:]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1e-3) -> Logistic:
    """Weighted logistic regression on standardised columns, by Newton steps."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = w / w.sum()
    coef = np.zeros(z.shape[1])
    ridge = l2 * np.eye(len(coef))
    ridge[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ coef, -30, 30)))
        grad = z.T @ (w * (p - y)) + ridge @ coef
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + ridge
        step = np.linalg.solve(hess, grad)
        coef -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(mean, scale, coef)


def train(corpora: Sequence[Corpus], with_hand: bool = False) -> Logistic:
    """Fitted on every candidate pair; each corpus group weighs the same in total."""
    xs, ys, ws = [], [], []
    size = Counter()
    for c in corpora:
        size[c.group] += len(c.i)
    for c in corpora:
        xs.append(features(c, c.i, c.j, with_hand))
        ys.append(labels(c, c.i, c.j))
        ws.append(np.full(len(c.i), 1.0 / max(size[c.group], 1)))
    y = np.concatenate(ys).astype(np.float64)
    model = fit(np.vstack(xs), y, np.concatenate(ws))
    return dataclasses.replace(model, with_hand=with_hand)


# --- clustering with a pair score -----------------------------------------------------------

Score = Callable[[Corpus, np.ndarray, np.ndarray], np.ndarray]


def hand(c: Corpus, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    return c.scorer.scores(i, j)


def learned(model: Logistic) -> Score:
    return lambda c, i, j: model(features(c, i, j, model.with_hand))


@dataclasses.dataclass(frozen=True)
class _Block:
    """What ``average_linkage`` asks of a scorer: dense pair scores inside one block."""

    corpus: Corpus
    score: Score

    arm: str

    def block_scores(self, members: np.ndarray) -> np.ndarray:
        ii, jj = np.triu_indices(len(members), k=1)
        key = (self.arm, members.tobytes())
        if key not in self.corpus.cache:  # the same block comes back at other thresholds
            self.corpus.cache[key] = self.score(self.corpus, members[ii], members[jj])
        upper = self.corpus.cache[key]
        out = np.zeros((len(members), len(members)))
        out[ii, jj] = out[jj, ii] = upper
        return out


def pair_counts(c: Corpus, arm: str, score: Score, threshold: float) -> tuple[int, int, int]:
    key = (arm, "candidates")
    if key not in c.cache:
        c.cache[key] = score(c, c.i, c.j)
    scored = c.cache[key]
    everyone = np.arange(len(c.ids))
    scorer = _Block(c, score, arm)
    cluster_of = {}
    for block in blocks(everyone, c.i, c.j, scored, threshold, c.scorer.settings.group_max_block):
        for members, _ in average_linkage(scorer, block, threshold):
            for m in members:
                cluster_of[c.ids[int(m)]] = int(members[0])
    return event_pair_counts(c.gold, cluster_of)


def micro(counts: Sequence[tuple[int, int, int]]) -> float:
    return prf(*(sum(x[k] for x in counts) for k in range(3)))[2]


def group_f1(corpora: Sequence[Corpus], arm: str, score: Score, threshold: float) -> list[float]:
    """Micro pair F1 of each corpus group (``GROUPS``)."""
    return [
        micro([pair_counts(c, arm, score, threshold) for c in corpora if c.group == g])
        for g in GROUPS
    ]


def choose(corpora: Sequence[Corpus], arm: str, score: Score, grid: Sequence[float]) -> float:
    return max(grid, key=lambda t: (float(np.mean(group_f1(corpora, arm, score, t))), -t))


# --- the table -------------------------------------------------------------------------------

HEADER = [
    "fold",
    "scored on",
    "hand, full (0.045)",
    "hand",
    "learned",
    "learned + hand score",
    "thresholds (hand, learned, + hand)",
]


def fold_rows(k: int, fit_on: list[Corpus], score_on: list[Corpus]) -> tuple[list, Logistic]:
    model, stacked = train(fit_on), train(fit_on, with_hand=True)
    arms = [("hand", hand, HAND_GRID)]
    arms += [(f"learned{k}", learned(model), LEARNED_GRID)]
    arms += [(f"stacked{k}", learned(stacked), LEARNED_GRID)]
    chosen = [choose(fit_on, name, score, grid) for name, score, grid in arms]
    f1 = [
        group_f1(score_on, name, score, t) for (name, score, _), t in zip(arms, chosen, strict=True)
    ]
    rows = []
    for n, g in enumerate(GROUPS):
        shipped = micro([c.shipped for c in score_on if c.group == g])
        names = [c.name.split("/")[1] for c in score_on if c.group == g]
        where = f"{g} ({', '.join(names)})" if g == GROUPS[0] else g
        cells = [str(k), where, f"{shipped:.3f}", *(f"{f[n]:.3f}" for f in f1)]
        rows.append([*cells, f"{chosen[0]:.3f}, {chosen[1]:.2f}, {chosen[2]:.2f}"])
    return rows, model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the tables as markdown")
    args = parser.parse_args(argv)
    folds = load_folds(DEFAULT)
    table, coefs = [], []
    for k in (0, 1):
        rows, model = fold_rows(k, folds[1 - k], folds[k])
        table += rows
        coefs.append(model.coef)
    print(render(table, args.markdown, HEADER))
    print()
    weights = [[name, *(f"{c[n + 1]:+.2f}" for c in coefs)] for n, name in enumerate(NAMES)]
    weights.insert(0, ["intercept", *(f"{c[0]:+.2f}" for c in coefs)])
    header = ["feature (standardised)", "fitted for fold 0", "fitted for fold 1"]
    print(render(weights, args.markdown, header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
