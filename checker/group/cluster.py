"""Components of the candidate graph, then average-linkage clusters inside each.

Pairs scoring at least ``group_threshold`` are the edges of a graph; its connected components
(``scipy.sparse.csgraph``) are clustered separately. Average linkage never joins two clusters
without a pair at the threshold, so apart from the blocking this split changes nothing. A
component larger than ``group_max_block`` is split further by raising the edge threshold
inside it (the only lossy step, for very large inputs). Average linkage
(``scipy.cluster.hierarchy``) on the full pair scores inside each component (all pairs there,
candidates or not) is cut at ``1 - group_threshold``; a block of two is decided
directly, as linkage would (scipy's per-call cost is most of a small block's).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from checker.group.scoring import Scorer


def components(n: int, i: np.ndarray, j: np.ndarray) -> list[np.ndarray]:
    graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    splits = np.flatnonzero(np.diff(labels[order])) + 1
    return [np.sort(part) for part in np.split(order, splits)]


def blocks(
    nodes: np.ndarray, i: np.ndarray, j: np.ndarray, score: np.ndarray, threshold: float, cap: int
) -> list[np.ndarray]:
    """Connected components of ``nodes`` joined by pairs scoring >= threshold (the pairs lie
    inside ``nodes``), none larger than cap: a larger one is split with a stricter threshold."""
    keep = score >= threshold
    i, j, score = i[keep], j[keep], score[keep]
    # Scale: components of ``nodes`` alone, numbered 0..len(nodes)-1 (``nodes`` is sorted, so
    # the numbering keeps the order and the components come out as before). Numbering by the
    # whole collection made every split of a large block cost the whole collection. (Ported
    # from branch ``scale``, 0ab2a37.)
    li, lj = np.searchsorted(nodes, i), np.searchsorted(nodes, j)
    parts = components(len(nodes), li, lj)
    label = np.empty(len(nodes), dtype=np.int64)
    for k, part in enumerate(parts):
        label[part] = k
    edge_label = label[li]  # both ends of an edge are in one component
    out = []
    for k, part in enumerate(parts):
        comp = nodes[part]
        if len(comp) <= max(cap, 2):
            out.append(comp)
            continue
        inside = edge_label == k
        stricter = threshold * 1.25 + 0.01
        out.extend(blocks(comp, i[inside], j[inside], score[inside], stricter, cap))
    return out


def average_linkage(
    scorer: Scorer, members: np.ndarray, threshold: float
) -> list[tuple[np.ndarray, float]]:
    """Average-linkage clusters of one block, each with its mean pair score."""
    if len(members) == 1:
        return [(members, 1.0)]
    return _linked(members, scorer.block_scores(members), threshold)


def cluster_blocks(
    scorer: Scorer, blocks: list[np.ndarray], threshold: float
) -> list[tuple[np.ndarray, float]]:
    """``average_linkage`` of each block in turn, the pairs of every block scored at once
    (``Scorer.blocks_scores``)."""
    scores = iter(scorer.blocks_scores([b for b in blocks if len(b) > 1]))
    out = []
    for members in blocks:
        if len(members) == 1:
            out.append((members, 1.0))
        else:
            out.extend(_linked(members, next(scores), threshold))
    return out


def _linked(
    members: np.ndarray, scores: np.ndarray, threshold: float
) -> list[tuple[np.ndarray, float]]:
    """Average-linkage clusters of a block of two or more, given its pair scores."""
    score = np.clip(scores, 0.0, 1.0)
    cut = 1.0 - threshold + 1e-9
    if len(members) == 2 and np.isfinite(score[0, 1]):
        return _linked_pair(members, score[0, 1], cut)
    tree = linkage(1.0 - score[np.triu_indices(len(members), k=1)], method="average")
    labels = fcluster(tree, t=cut, criterion="distance")
    out = []
    for label in sorted(set(labels.tolist())):
        pos = np.flatnonzero(labels == label)
        out.append((members[pos], _mean_pair_score(score[np.ix_(pos, pos)])))
    return out


def mean_score(scorer: Scorer, members: np.ndarray) -> float:
    """The mean pair score of a cluster's members (1 for one report): what its ``why``
    shows, worked out again once the recall pass and the splits have changed the members."""
    return _mean_pair_score(np.clip(scorer.block_scores(np.sort(members)), 0.0, 1.0))


def _mean_pair_score(score: np.ndarray) -> float:
    """Mean of the pair scores above the diagonal of a square matrix (1 when it has none)."""
    n = len(score)
    return float(score[np.triu_indices(n, k=1)].mean()) if n > 1 else 1.0


def _linked_pair(members: np.ndarray, score: float, cut: float) -> list[tuple[np.ndarray, float]]:
    """What linkage and fcluster make of a block of two (a fifth of GVA's blocks), without
    them: one cluster when their distance is within the cut (``fcluster`` joins at a
    distance <= t), its mean score the pair's; else each alone, the first first."""
    if 1.0 - score <= cut:
        return [(members[[0, 1]], float(score))]
    return [(members[[0]], 1.0), (members[[1]], 1.0)]
