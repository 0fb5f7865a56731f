"""Feature bags -> TF-IDF vectors, with the collection statistics computed once.

Sublinear tf, idf ``log((m+1)/(df+1))`` where m is the number of articles, but at least
``group_idf_min_articles`` (so that two reports alone can still match) and at most
``group_idf_scope`` (a name found in 30 of 3,000 articles is as common for this purpose as one
in 30 of 200), family weights from the settings, rows L2-normalised (``scipy.sparse``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from checker.settings import Settings


@dataclass(frozen=True, slots=True)
class Vectors:
    """The articles' feature vectors and what the explanations need about the features."""

    vocab: list[str]  # feature of each column, sorted
    family: np.ndarray  # the family of each column's feature, its first letter ("p", "w"...)
    df: np.ndarray  # articles giving each feature
    col_weight: np.ndarray  # idf x family weight of each column
    x: sparse.csr_matrix  # TF-IDF rows, L2-normalised
    present: sparse.csr_matrix  # 1 where the row's weight is > 0
    written: sparse.csr_matrix  # 1 where the article gives the feature, however common
    shown: Mapping[str, str]  # feature -> how the articles most often write it (``Shown``)

    @property
    def n(self) -> int:
        return self.x.shape[0]


def family_weights(settings: Settings) -> dict[str, float]:
    s = settings
    return {
        "p": s.group_weight_name,
        "q": s.group_weight_name,
        "u": s.group_weight_figure,
        "d": s.group_weight_figure,
        "y": s.group_weight_year,
        "n": s.group_weight_number,
        "w": s.group_weight_word,
        "a": s.group_weight_anchor,
    }


def build_vectors(
    counts: Sequence[Counter], surfaces: Sequence[dict[str, str]], settings: Settings
) -> Vectors:
    """Vectors of the articles whose feature counts (and written forms) are given, in order."""
    n = len(counts)
    vocab = sorted({f for c in counts for f in c})
    index = {f: i for i, f in enumerate(vocab)}
    rows = np.repeat(np.arange(n), [len(c) for c in counts])
    cols = np.fromiter((index[f] for c in counts for f in c), np.int64, len(rows))
    tf = np.fromiter((v for c in counts for v in c.values()), np.float64, len(rows))
    return vectors_of(vocab, (rows, cols, tf), surfaces, settings)


def vectors_of(
    vocab: list[str],
    entries: tuple[np.ndarray, np.ndarray, np.ndarray],
    surfaces: Sequence[Mapping[str, str]],
    settings: Settings,
) -> Vectors:
    """Vectors from the sorted vocabulary and each (row, column, count) the articles give
    (in any order: the rows are made with their columns sorted); ``surfaces``: how each
    article writes its features (a feature it is not given for is never asked)."""
    s = settings
    rows, cols, tf = entries
    n = len(surfaces)
    df = np.bincount(cols, minlength=len(vocab))
    scope = min(max(n, s.group_idf_min_articles), s.group_idf_scope)
    idf = np.maximum(np.log((scope + 1.0) / (df + 1.0)), 0.0)
    letters = [f[0] for f in vocab]
    weight = family_weights(s)
    col_weight = idf * np.asarray([weight[f] for f in letters])
    x = sparse.csr_matrix(
        ((1.0 + np.log(tf)) * col_weight[cols], (rows, cols)), shape=(n, len(vocab))
    )
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sparse.csr_matrix(sparse.diags(1.0 / norms) @ x)
    x.sort_indices()
    written = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab))
    )
    return Vectors(
        vocab=vocab,
        family=np.asarray(letters, dtype="<U1"),
        df=df,
        col_weight=col_weight,
        x=x,
        present=(x > 0).astype(np.float32).tocsr(),
        written=written,
        shown=Shown(surfaces, vocab, written),
    )


def columns_of(matrix: sparse.csr_matrix, rows) -> np.ndarray:
    """The column indices of ``rows`` of a CSR matrix, row after row: ``matrix[rows].indices``
    read from ``indptr`` without scipy's row indexing (~0.1 ms of checks a call)."""
    ptr, cols = matrix.indptr, matrix.indices
    return np.concatenate([cols[ptr[r] : ptr[r + 1]] for r in np.asarray(rows).tolist()])


class Shown(Mapping):
    """Feature -> its most frequent written form (ties: the first in sort order), worked out
    for a feature when it is first asked for, from the articles that write it (a column of
    ``written``). Explanations and cuts show a few features per event; counting the forms
    of every feature of GVA dev+test (631k entries) took ~0.5 s of the main process."""

    def __init__(self, surfaces: Sequence[Mapping[str, str]], vocab: list[str], written) -> None:
        self._surfaces, self._vocab, self._written = surfaces, vocab, written
        self._index: dict[str, int] | None = None  # the column of each feature ...
        self._columns = None  # ... and ``written`` by column, made on the first look-up
        self._known: dict[str, str] = {}

    def __getitem__(self, feature: str) -> str:
        known = self._known.get(feature)
        if known is None:
            known = self._known[feature] = self._most_written(feature)
        return known

    def _most_written(self, feature: str) -> str:
        if self._index is None:
            self._index = {f: k for k, f in enumerate(self._vocab)}
            self._columns = self._written.tocsc()
        column = self._index[feature]  # KeyError for a feature no article gives
        ptr = self._columns.indptr
        forms: dict[str, int] = {}
        for row in self._columns.indices[ptr[column] : ptr[column + 1]].tolist():
            text = self._surfaces[row].get(feature)
            if text is not None:
                forms[text] = forms.get(text, 0) + 1
        return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self._vocab)

    def __len__(self) -> int:
        return len(self._vocab)
