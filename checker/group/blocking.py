"""Candidate pairs from rare shared features only (blocking).

Only pairs that share *rare* features (names, figures, dates, numbers or anchors found in at
most ``group_block_df`` articles) worth at least ``group_block_min`` of their cosine are
compared: one sparse product over the rare columns. The cost grows with the number of such
pairs, not with the square of the number of articles.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from checker.group.vectors import Vectors
from checker.settings import Settings

RARE_FAMILIES = frozenset("pqudyna")  # families whose rare features make candidate pairs


def candidates(vectors: Vectors, settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) whose shared rare features add at least ``group_block_min`` to their
    cosine, sorted."""
    df = vectors.df
    rare = (
        np.isin(vectors.family, sorted(RARE_FAMILIES)) & (df >= 2) & (df <= settings.group_block_df)
    )
    xr = vectors.x[:, np.flatnonzero(rare)]
    shared = sparse.triu(xr @ xr.T, k=1).tocoo()
    keep = shared.data >= max(settings.group_block_min, 1e-12)
    row, col = shared.row[keep].astype(np.int64), shared.col[keep].astype(np.int64)
    order = np.lexsort((col, row))
    return row[order], col[order]
