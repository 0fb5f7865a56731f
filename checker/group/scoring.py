"""Pair scores: cosine of the TF-IDF vectors x date factor x counter-evidence factors.

Every factor is <= 1, so a pair whose cosine is below the threshold is never an edge. Shared
anchor facts, rare names, streets and figures raise the cosine itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from checker.group.conflicts import Evidence, conflict_factors
from checker.group.dates import Told, day_factors, gap_factors, told_gap_factors
from checker.group.people import People, people_factors
from checker.group.places import place_factors
from checker.group.vectors import Vectors
from checker.settings import Settings

FEW_PAIRS = 32  # up to this many pairs, cosines are taken pair by pair (no scipy call)


@dataclass(frozen=True, slots=True)
class Scorer:
    """Scores pairs of articles (row indices) from explicit inputs."""

    vectors: Vectors
    evidence: Evidence
    dates: np.ndarray  # ordinal of each article's date, -1 when unknown
    date_table: np.ndarray  # factor of each gap bucket (dates.date_factors)
    days: np.ndarray  # the day of each article's main happening, -1 when unknown
    places: list[frozenset[tuple[str, ...]]]  # the places each article's lede names ...
    placed: np.ndarray  # ... and whether it names any
    words: list[frozenset[str]]  # every word each article writes (lower case)
    told: Told  # each article's date and the calendar days it writes
    people: People  # the rare people each article names
    headline_only: np.ndarray  # bool: the article has nothing of its own but a headline
    settings: Settings

    def cosines(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The cosine of each pair, its products added as numpy's sum adds them (scipy's
        row sums)."""
        if len(i) <= FEW_PAIRS:
            return self._few_cosines(i, j)
        x = self.vectors.x
        out = np.empty(len(i), dtype=np.float64)
        step = 50_000
        for start in range(0, len(i), step):
            a, b = i[start : start + step], j[start : start + step]
            out[start : start + step] = np.asarray(x[a].multiply(x[b]).sum(axis=1)).ravel()
        return out

    def _few_cosines(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """``cosines`` pair by pair, from the rows' slices of ``x``: scipy's row indexing
        and product cost ~0.7 ms a call, and the recall pass asks for a few pairs at a
        time (187 calls, 603 pairs on GVA dev+test). The same products in column order,
        the same ``np.add.reduceat`` over them."""
        x = self.vectors.x
        ptr, cols, data = x.indptr, x.indices, x.data
        out = np.zeros(len(i), dtype=np.float64)
        pairs = zip(np.asarray(i).tolist(), np.asarray(j).tolist(), strict=True)
        for k, (a, b) in enumerate(pairs):
            sa, sb = slice(ptr[a], ptr[a + 1]), slice(ptr[b], ptr[b + 1])
            _, pa, pb = np.intersect1d(cols[sa], cols[sb], assume_unique=True, return_indices=True)
            products = data[sa][pa] * data[sb][pb]
            products = products[products != 0]  # scipy keeps no zero product
            if len(products):
                out[k] = np.add.reduceat(products, [0])[0]
        return out

    def block_cosines(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The cosine of each pair as a block's sparse product ``x @ x.T`` gives it: the
        products of the shared columns added one by one in column order, from zero (as
        ``np.bincount`` adds weights), where numpy's sum adds long rows pairwise (the last
        bit may differ from ``cosines``)."""
        x = self.vectors.x
        out = np.zeros(len(i), dtype=np.float64)
        step = 50_000
        for start in range(0, len(i), step):
            a, b = i[start : start + step], j[start : start + step]
            products = x[a].multiply(x[b]).tocsr()
            rows = np.repeat(np.arange(len(a)), np.diff(products.indptr))
            out[start : start + step] = np.bincount(rows, products.data, minlength=len(a))
        return out

    def date_factors(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """The date factor of each pair: the gap between their dates, unless a day one report
        writes is near the other's (``dates.told_gap_factors``)."""
        dated = gap_factors(self.dates[i], self.dates[j], self.date_table, self.settings)
        if self.settings.group_told_dates:
            dated = told_gap_factors(i, j, self.told, self.settings, dated)
        return dated

    def factors(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Product of the date and counter-evidence factors of each pair (all <= 1)."""
        if not len(i):
            return np.ones(0, dtype=np.float64)
        dated = self.date_factors(i, j)
        dated *= people_factors(self.people, i, j, self.dates, dated, self.settings)
        if self.settings.group_day_penalty < 1.0:
            dated *= day_factors(self.days[i], self.days[j], self.settings)
        if self.settings.group_place_penalty < 1.0:
            dated *= place_factors(self.places, self.words, i, j, self.settings, self.placed)
        return conflict_factors(self.evidence, i, j, self.settings, start=dated)

    def scores(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cosine x factors of each pair. The factors are weighed only where the cosine is
        not zero (a third of the margin pass's pairs on GVA dev+test share no feature):
        zero times a factor in [0, 1] is zero."""
        return self._weighed(i, j, self.cosines(i, j))

    def _weighed(self, i: np.ndarray, j: np.ndarray, cos: np.ndarray) -> np.ndarray:
        """``cos`` times the pairs' factors, weighed where ``cos`` is not zero."""
        some = np.flatnonzero(cos)
        out = np.zeros_like(cos)
        out[some] = cos[some] * self.factors(i[some], j[some])
        return out

    def block_scores(self, members: np.ndarray) -> np.ndarray:
        """Dense symmetric pair scores inside one block (zero diagonal)."""
        xb = _used_columns(self.vectors.x[members])
        cos = np.asarray((xb @ xb.T).todense(), dtype=np.float64)
        ii, jj = np.triu_indices(len(members), k=1)
        upper = cos[ii, jj] * self.factors(members[ii], members[jj])
        return _symmetric(len(members), ii, jj, upper)

    def blocks_scores(self, blocks: list[np.ndarray]) -> list[np.ndarray]:
        """``block_scores`` of each block, every pair of every block scored at once: a call
        per block cost ~0.5 ms of scipy's indexing and checks, ~0.6 s over GVA dev+test's
        1,124 blocks. The same floats (``block_cosines``)."""
        upper = [np.triu_indices(len(m), k=1) for m in blocks]
        i = np.concatenate([m[ii] for m, (ii, _) in zip(blocks, upper, strict=True)] or [[]])
        j = np.concatenate([m[jj] for m, (_, jj) in zip(blocks, upper, strict=True)] or [[]])
        i, j = i.astype(np.int64), j.astype(np.int64)
        scores = self._weighed(i, j, self.block_cosines(i, j))
        ends = np.cumsum([len(ii) for ii, _ in upper])
        parts = np.split(scores, ends[:-1]) if len(blocks) else []
        return [
            _symmetric(len(m), ii, jj, part)
            for m, (ii, jj), part in zip(blocks, upper, parts, strict=True)
        ]


def _symmetric(n: int, ii: np.ndarray, jj: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """An n x n matrix with ``upper`` at (ii, jj) and (jj, ii), zero elsewhere."""
    out = np.zeros((n, n), dtype=np.float64)
    out[ii, jj] = upper
    out[jj, ii] = upper
    return out


def _used_columns(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    """The same rows with only the columns they use, renumbered in the same order.

    Scale: ``rows @ rows.T`` converts ``rows.T`` to CSR, which costs one entry per column of
    the whole vocabulary; per block that made grouping quadratic (blocks and vocabulary both
    grow with the collection). The column order is kept, so every sum adds the same terms in
    the same order and the scores are bit-identical. (Ported from branch ``scale``, 0ab2a37.)"""
    cols, local = np.unique(rows.indices, return_inverse=True)
    return sparse.csr_matrix(
        (rows.data, local.reshape(-1), rows.indptr), shape=(rows.shape[0], len(cols))
    )
