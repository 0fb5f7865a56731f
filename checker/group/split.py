"""The split pass: a large event that is two look-alike events told apart by their own people.

In a collection of many stories, what two look-alike events share (the boxer, the island, the
team) is rare, so it holds their reports together; alone, as in a collection of that story
only, the shared setting weighs nothing and what tells them apart remains. Each event of at
least ``group_split_min_size`` reports is scored again with the frequencies of its own reports
(a feature's idf lowered to what it would be among them alone) and cut in two by average
linkage. The cut is kept only when both parts have ``group_split_min_part`` reports or more and
each has a full name ("Hasim Rahman", "Tony Thompson") that ``group_split_core_share`` of its
reports write and no report of the other part writes, not even one of its words (so
"Tallgrass Distributors" and "Tallgrass Distribution" are one company, not two events).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

from checker.group.scoring import Scorer
from checker.group.vectors import columns_of

Cut = tuple[int, int, str, str]  # a report of each part (row index), each part's own name


def _idf(df: np.ndarray, size: int, scorer: Scorer) -> np.ndarray:
    s = scorer.settings
    scope = min(max(size, s.group_idf_min_articles), s.group_idf_scope)
    return np.maximum(np.log((scope + 1.0) / (df + 1.0)), 0.0)


def own_scores(scorer: Scorer, members: np.ndarray) -> np.ndarray:
    """Dense pair scores of ``members`` weighed by their own feature frequencies."""
    v = scorer.vectors
    rows = v.x[members]
    cols = rows.indices
    local = _idf(np.bincount(cols, minlength=rows.shape[1])[cols], len(members), scorer)
    ratio = np.minimum(1.0, local / np.maximum(_idf(v.df[cols], v.n, scorer), 1e-12))
    rows = rows.copy()
    rows.data = rows.data * ratio
    norms = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    rows = sparse.csr_matrix(sparse.diags(1.0 / norms) @ rows)
    cos = np.asarray((rows @ rows.T).todense(), dtype=np.float64)
    ii, jj = np.triu_indices(len(members), k=1)
    out = np.zeros_like(cos)
    out[ii, jj] = out[jj, ii] = cos[ii, jj] * scorer.factors(members[ii], members[jj])
    return np.clip(out, 0.0, 1.0)


def own_names(scorer: Scorer, part: np.ndarray, other: np.ndarray) -> list[str]:
    """Full names most of ``part`` writes and ``other`` never writes, nor any of their words
    (the most widely written first)."""
    v, s = scorer.vectors, scorer.settings
    cols, counts = np.unique(columns_of(v.written, part), return_counts=True)
    theirs = {v.vocab[c] for c in np.unique(columns_of(v.written, other)).tolist()}
    found = [
        (-n, v.vocab[c])
        for c, n in zip(cols.tolist(), counts.tolist(), strict=True)
        if n >= s.group_split_core_share * len(part)
        and v.vocab[c][0] == "q"
        and v.vocab[c] not in theirs
        and not any(f"p:{w}" in theirs for w in v.vocab[c][2:].split())
    ]
    return [name for _, name in sorted(found)]  # the most widely written first


def split_look_alikes(
    scorer: Scorer, clusters: list[np.ndarray]
) -> tuple[list[np.ndarray], list[Cut]]:
    """The clusters, each large one cut in two where its own frequencies show two events, and
    the cuts made (for the explanations: "cut from E2: Hasim Rahman vs Tony Thompson")."""
    s = scorer.settings
    cuts: list[Cut] = []
    if s.group_split_min_size < 2:
        return clusters, cuts
    out: list[np.ndarray] = []
    for members in clusters:
        if len(members) < s.group_split_min_size:
            out.append(members)
            continue
        score = own_scores(scorer, members)
        tree = linkage(1.0 - score[np.triu_indices(len(members), k=1)], method="average")
        labels = fcluster(tree, t=2, criterion="maxclust")
        a, b = members[labels == 1], members[labels == 2]
        names_a = own_names(scorer, a, b) if min(len(a), len(b)) >= s.group_split_min_part else []
        names_b = own_names(scorer, b, a) if names_a else []
        if names_b:
            out.extend([a, b])
            shown = scorer.vectors.shown
            cuts.append((int(a[0]), int(b[0]), shown[names_a[0]], shown[names_b[0]]))
        else:
            out.append(members)
    return out, cuts
