"""The recall pass: a lone report or a fragment joins an event it plainly belongs to.

Average linkage at one threshold cannot always hold together reports that paraphrase each
other: a short report, or a few reports written from another angle, stay apart. After the
clustering, each cluster of at most ``group_recall_max_size`` articles (smallest first) joins
the larger cluster with which it scores best on average, when

- that average, over every pair between the two (scored afresh: a pair the blocking did not
  propose still counts its own score), is at least ``group_recall_threshold``; the larger
  clusters are tried in order of their candidate pairs' scores, down to an average of
  ``group_recall_floor`` (the candidate pairs alone: a bound on the work),
- it shares one of that cluster's decisive facts: a rare name, pair of names, figure or
  anchor fact that at least ``group_recall_core_share`` of the cluster's articles give, and
- no pair between the two shows counter-evidence (``conflicts``: addresses, ages, figures;
  ``dates``: the days of the main happening).

A fragment the recall pass leaves alone may still join the event it scores far best with
(``group_recall_margin`` times any other's) when it names that event's main person
(``reattach_by_margin``): a report written from another angle shares too little with its
event for the mean score, but less still with any other.

A page with nothing of its own but a headline (a video page whose text is a playlist of
other stories; a report of one sentence is not one of them) is not clustered at all: a
headline alone ("Police: 4 people shot in southeast Fresno") scores high with any report of
the same city and toll, so in the clustering it linked reports of different shootings.
Afterwards it joins the event (or an earlier such page) with which it scores
``group_threshold`` on average, every pair with no counter-evidence and no date gap (all
factors 1); else it stays alone (``follow_headlines``).
"""

from __future__ import annotations

import numpy as np

from checker.group.conflicts import conflict_factors
from checker.group.dates import day_factors
from checker.group.scoring import Scorer
from checker.group.vectors import columns_of

CORE_FAMILIES = frozenset("qua")  # families whose shared features are decisive facts


def _core(scorer: Scorer, members: np.ndarray) -> set[int]:
    """Columns of the decisive facts of a cluster: rare, and given by enough of its articles."""
    v, s = scorer.vectors, scorer.settings
    cols, counts = np.unique(columns_of(v.written, members), return_counts=True)  # O(nnz)
    need = max(1.0, s.group_recall_core_share * len(members))
    return {
        int(c)
        for c in cols[counts >= need]
        if v.vocab[c][0] in CORE_FAMILIES and v.df[c] <= s.group_block_df
    }


class _Cross:
    """For each cluster, the other clusters it has candidate pairs with and the sum of those
    pairs' scores (``of``), as flat arrays: cluster k's entries are ``start[k]`` to
    ``start[k + 1]``."""

    def __init__(self, start: np.ndarray, other: np.ndarray, total: np.ndarray) -> None:
        self.start, self.other, self.total = start, other, total

    def others(self, k: int) -> np.ndarray:
        """The other clusters of cluster k, in the order ``_cross_totals`` was asked for."""
        return self.other[self.start[k] : self.start[k + 1]]

    def of(self, k: int) -> list[tuple[int, float]]:
        """(other cluster, total) of cluster k, in the order ``_cross_totals`` was asked for."""
        a, b = int(self.start[k]), int(self.start[k + 1])
        return list(zip(self.other[a:b].tolist(), self.total[a:b].tolist(), strict=True))


def _cross_totals(
    li: np.ndarray, lj: np.ndarray, score: np.ndarray, count: int, best_first: bool = False
) -> _Cross:
    """For each of ``count`` clusters, the other clusters it has candidate pairs with and the
    sum of those pairs' scores, by other cluster, or the highest total first (ties: the
    other cluster first) when ``best_first``. Summed by ``np.bincount``, which adds in pair
    order one at a time, as the loop over the ~130k pairs between clusters of GVA dev+test
    did (the same floats); sorted by numpy, not a Python sort per cluster."""
    cross = li != lj
    a, b, v = li[cross], lj[cross], score[cross]
    keys = np.minimum(a, b) * count + np.maximum(a, b)
    pairs, where = np.unique(keys, return_inverse=True)
    sums = np.bincount(where.reshape(-1), v, minlength=len(pairs))
    lo, hi = np.divmod(pairs, count)
    mine, other, total = np.r_[lo, hi], np.r_[hi, lo], np.r_[sums, sums]
    order = np.lexsort((other, -total, mine) if best_first else (other, mine))
    start = np.searchsorted(mine[order], np.arange(count + 1))
    return _Cross(start, other[order], total[order])


def _cluster_of(clusters: list[np.ndarray], n: int) -> np.ndarray:
    """Each of the ``n`` articles' cluster number (its index in ``clusters``; -1 for an
    article in none, a headline-only page before ``follow_headlines`` places it)."""
    label = np.full(n, -1, dtype=np.int64)
    for k, members in enumerate(clusters):
        label[members] = k
    return label


def reattach(
    scorer: Scorer,
    clusters: list[np.ndarray],
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
) -> list[np.ndarray]:
    """Clusters after the recall pass (``i``, ``j``, ``score``: the candidate pairs)."""
    s = scorer.settings
    if s.group_recall_max_size < 1 or len(clusters) < 2:
        return clusters
    n = scorer.vectors.n
    label = _cluster_of(clusters, n)
    members_of = list(clusters)
    by_small = _cross_totals(label[i], label[j], score, len(clusters), best_first=True)
    written = scorer.vectors.written
    order = sorted(range(len(clusters)), key=lambda k: (len(members_of[k]), int(members_of[k][0])))
    for k in order:
        small = members_of[k]
        if not len(small) or len(small) > s.group_recall_max_size:
            continue
        best, mine = None, None
        for other, v in by_small.of(k):
            big = members_of[other]
            if len(big) <= len(small) or len(big) + len(small) > max(s.group_max_block, 2):
                continue
            if v / (len(small) * len(big)) < s.group_recall_floor:
                break
            mine = set(columns_of(written, small).tolist()) if mine is None else mine
            if not mine & _core(scorer, big):
                continue
            ii = np.repeat(small, len(big))
            jj = np.tile(big, len(small))
            if float(scorer.scores(ii, jj).mean()) < s.group_recall_threshold:
                continue
            if _counter_evidence(scorer, ii, jj):
                continue
            best = other
            break
        if best is None:
            continue
        merged = np.sort(np.concatenate([members_of[best], small]))
        members_of[best], members_of[k] = merged, small[:0]
    return [m for m in members_of if len(m)]


def reattach_by_margin(
    scorer: Scorer,
    clusters: list[np.ndarray],
    i: np.ndarray,
    j: np.ndarray,
    score: np.ndarray,
) -> list[np.ndarray]:
    """Clusters after the margin pass (``i``, ``j``, ``score``: the candidate pairs).

    A lone report or fragment (at most ``group_recall_max_size`` articles) that the recall
    pass left alone joins the larger cluster it scores best with on average when that
    average is at least ``group_recall_margin_floor`` and ``group_recall_margin`` times the
    next best cluster's, it names a person that ``group_recall_core_share`` of that cluster
    names (``people``: the event's main people), and no pair shows counter-evidence or a
    date gap (as in ``reattach``). A report written from another angle shares little with
    its event, but less still with any other: the margin and the person say where it goes.
    Every fragment is decided on the clusters as the recall pass left them; a fragment
    whose event joins a larger one follows it.
    """
    s = scorer.settings
    if s.group_recall_margin <= 0 or s.group_recall_max_size < 1 or len(clusters) < 2:
        return clusters
    label = _cluster_of(clusters, scorer.vectors.n)
    by_small = _cross_totals(label[i], label[j], score, len(clusters))
    main: dict[int, set[str]] = {}
    tried = []  # (fragment, its candidate clusters' keys): those naming a main person
    sizes = np.asarray([len(c) for c in clusters], dtype=np.int64)
    for k, small in enumerate(clusters):
        if len(small) > s.group_recall_max_size:
            continue
        others = by_small.others(k)
        room = max(s.group_max_block, 2) - len(small)
        keys = others[(sizes[others] > len(small)) & (sizes[others] <= room)].tolist()
        if _names_a_main_person(scorer, small, [(o, clusters[o]) for o in keys], main):
            tried.append((k, keys))
    means = _mean_scores(scorer, [(clusters[k], [clusters[o] for o in keys]) for k, keys in tried])
    target = {}
    for (k, keys), mean in zip(tried, means, strict=True):
        best = _clear_best(scorer, clusters[k], keys, mean, [clusters[o] for o in keys], main)
        if best is not None:
            target[k] = best
    return _moved(clusters, target)


def _names_a_main_person(
    scorer: Scorer,
    small: np.ndarray,
    others: list[tuple[int, np.ndarray]],
    main: dict[int, set[str]],
) -> bool:
    """Whether ``small`` names a main person of one of ``others`` (key, members). ``main``:
    each cluster's main people by key, filled in as they are needed. The cheap test, first:
    most fragments name no event's main person."""
    mine = _named_by(scorer, small)
    if not mine:
        return False
    for key, big in others:
        if key not in main:
            main[key] = _main_people(scorer, big)
    return any(not main[key].isdisjoint(mine) for key, _ in others)


def _mean_scores(
    scorer: Scorer, cases: list[tuple[np.ndarray, list[np.ndarray]]]
) -> list[np.ndarray]:
    """For each fragment and its clusters, the mean pair score with each cluster: every
    pair of every case scored at once (a call per fragment cost 0.6-0.9 s on GVA dev)."""
    if not cases:
        return []
    ii, jj, lengths = [], [], []
    for small, others in cases:
        every = np.concatenate(others)
        ii.append(np.repeat(small, len(every)))
        jj.append(np.tile(every, len(small)))
        lengths.append(len(small) * len(every))
    scores = scorer.scores(np.concatenate(ii), np.concatenate(jj))
    out = []
    for (small, others), part in zip(cases, np.split(scores, np.cumsum(lengths)[:-1]), strict=True):
        sizes = np.asarray([len(big) for big in others], dtype=np.int64)
        per_member = part.reshape(len(small), -1).sum(axis=0)
        out.append(np.add.reduceat(per_member, np.cumsum(sizes) - sizes) / (sizes * len(small)))
    return out


def _clear_best(
    scorer: Scorer,
    small: np.ndarray,
    keys: list[int],
    means: np.ndarray,
    others: list[np.ndarray],
    main: dict[int, set[str]],
) -> int | None:
    """The cluster (its key) ``small`` plainly belongs to, if any (``means``: its mean
    score with each of ``others``)."""
    s = scorer.settings
    ranked = sorted(range(len(keys)), key=lambda p: (-means[p], p))
    top, pos = float(means[ranked[0]]), ranked[0]
    second = float(means[ranked[1]]) if len(ranked) > 1 else 0.0
    if top < s.group_recall_margin_floor or top < s.group_recall_margin * second:
        return None
    if main[keys[pos]].isdisjoint(_named_by(scorer, small)):
        return None
    big = others[pos]
    if _counter_evidence(scorer, np.repeat(small, len(big)), np.tile(big, len(small))):
        return None
    return keys[pos]


def _counter_evidence(scorer: Scorer, ii: np.ndarray, jj: np.ndarray) -> bool:
    """Whether a pair of a fragment and a cluster (``ii``, ``jj``: every pair between them)
    shows counter-evidence (``conflicts``: addresses, ages, figures; the days of the main
    happening) or a date factor under ``group_recall_date_factor``: then it joins nothing."""
    s = scorer.settings
    against = conflict_factors(scorer.evidence, ii, jj, s)
    against *= day_factors(scorer.days[ii], scorer.days[jj], s)
    if np.any(against < 1.0):
        return True
    return bool(np.any(scorer.date_factors(ii, jj) < s.group_recall_date_factor))


def _named_by(scorer: Scorer, members: np.ndarray) -> set[str]:
    """Every person the articles ``members`` name (``people.named``)."""
    return set().union(*(scorer.people.named[m] for m in members.tolist()))


def _main_people(scorer: Scorer, members: np.ndarray) -> set[str]:
    """The people ``group_recall_core_share`` of a cluster's articles name."""
    named = scorer.people.named
    counts: dict[str, int] = {}
    for m in members.tolist():
        for name in named[m]:
            counts[name] = counts.get(name, 0) + 1
    need = max(1.0, scorer.settings.group_recall_core_share * len(members))
    return {name for name, c in counts.items() if c >= need}


def _moved(clusters: list[np.ndarray], target: dict[int, int]) -> list[np.ndarray]:
    """``clusters`` with each one in ``target`` merged into its target (a target that moves
    takes its newcomers along: targets are larger, so every chain ends)."""

    def final(k: int) -> int:
        while k in target:
            k = target[k]
        return k

    joined: dict[int, list[np.ndarray]] = {}
    for k, members in enumerate(clusters):
        joined.setdefault(final(k), []).append(members)
    return [np.sort(np.concatenate(joined[k])) for k in sorted(joined)]


def follow_headlines(
    scorer: Scorer,
    clusters: list[np.ndarray],
    headlines: list[int],
    i: np.ndarray,
    j: np.ndarray,
) -> list[np.ndarray]:
    """``clusters`` with each headline-only article (rows ``headlines``, in order) joined to
    the cluster it plainly belongs to, or alone (``i``, ``j``: the candidate pairs that
    have a headline-only article in them)."""
    if not headlines:
        return clusters
    threshold = scorer.settings.group_threshold
    members = list(clusters)
    label = _cluster_of(members, scorer.vectors.n)
    for row in headlines:
        partners = np.concatenate([j[i == row], i[j == row]])
        tried = sorted({int(k) for k in label[partners].tolist() if k >= 0})
        best, best_mean = -1, 0.0
        for k in tried:
            big = members[k]
            mine = np.full(len(big), row, dtype=np.int64)
            factors = scorer.factors(mine, big)
            if float(factors.min()) < 1.0:
                continue
            mean = float((scorer.cosines(mine, big) * factors).mean())  # ``scores``, once
            if mean >= threshold and mean > best_mean:  # ties: the first cluster
                best, best_mean = k, mean
        if best < 0:
            label[row] = len(members)
            members.append(np.asarray([row], dtype=np.int64))
        else:
            label[row] = best
            members[best] = np.sort(np.append(members[best], row))
    return members
