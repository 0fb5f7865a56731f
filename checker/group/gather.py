"""The collection read as the digests come in: each article's features numbered, the words
written in lower case counted.

Grouping's statistics need every article, but most of their reading is one article at a
time: the number of each feature an article gives (a dictionary look-up per feature, 628k
on GVA dev+test) and the count of the words it writes in lower case (656k). The pipeline
hands each chunk of digests to ``Gathered.add`` as the workers send it back, so this
reading is done while the other articles are still being read; only the sorting of the
vocabulary and the rest of ``prepare`` wait for the last article. The result does not
depend on the order the digests came in: features are numbered in the order first seen,
and renumbered in sorted order at the end (``vectors``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import count

import numpy as np

from checker.group.digest import Digest
from checker.group.features import common_of
from checker.group.vectors import Vectors, vectors_of
from checker.settings import Settings


class Gathered:
    """The digests of the articles ``ids``, added in that order (``add``, in one go or in
    chunks): their features as numbers, and the words they write in lower case counted."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = list(ids)
        self.number: dict[str, int] = {}  # feature -> its number, in the order first seen
        self.lower_df: Counter[str] = Counter()  # word -> articles writing it in lower case
        self.rows: list[tuple[np.ndarray, np.ndarray]] = []  # (feature numbers, counts)

    def add(self, digests: Sequence[Digest]) -> None:
        """Read the next articles' digests (in the order of ``ids``)."""
        number = self.number
        for d in digests:
            new = [f for f in d.counts if f not in number]
            number.update(zip(new, count(len(number))))
            size = len(d.counts)
            numbers = np.fromiter(map(number.__getitem__, d.counts), np.int64, size)
            self.rows.append((numbers, np.fromiter(d.counts.values(), np.float64, size)))
            self.lower_df.update(d.lower)

    def common(self, settings: Settings) -> set[str]:
        """``features.common_words`` of the articles read."""
        return common_of(self.lower_df, settings)

    def vectors(
        self, ids: Sequence[str], digests: Sequence[Digest], common: set[str], settings: Settings
    ) -> Vectors:
        """The vectors of the articles ``ids`` (rows in that order; ``digests``: theirs),
        each without the name features of words the collection writes in lower case
        (``features.drop_common``)."""
        if len(self.rows) != len(self.ids):
            raise ValueError(f"{len(self.rows)} digests gathered for {len(self.ids)} articles")
        where = {a: k for k, a in enumerate(self.ids)}
        rows = [self.rows[where[a]] for a in ids]
        lengths = np.asarray([len(numbers) for numbers, _ in rows], dtype=np.int64)
        numbers = np.concatenate([numbers for numbers, _ in rows])
        tf = np.concatenate([counts for _, counts in rows])
        row = np.repeat(np.arange(len(rows)), lengths)
        kept = self._kept(row, numbers, digests, common)
        return self._renumbered(row[kept], numbers[kept], tf[kept], digests, settings)

    def _kept(self, row: np.ndarray, numbers: np.ndarray, digests, common: set[str]) -> np.ndarray:
        """Which entries (``row``, feature ``numbers``) stay: not the name feature of a word
        the collection writes in lower case (``features.drop_common``)."""
        size = len(self.number)
        gone = [
            k * size + self.number["p:" + key]
            for k, d in enumerate(digests)
            for key in d.named & common
        ]
        return ~np.isin(row * size + numbers, gone)

    def _renumbered(self, row, numbers, tf, digests, settings) -> Vectors:
        """``vectors_of`` with the features given renumbered in sorted order."""
        used = np.flatnonzero(np.bincount(numbers, minlength=len(self.number)))
        names = list(self.number)
        given = [names[k] for k in used.tolist()]
        order = sorted(range(len(given)), key=given.__getitem__)
        column = np.empty(len(names), dtype=np.int64)
        column[used[order]] = np.arange(len(order))
        vocab = [given[k] for k in order]
        surfaces = [d.surface for d in digests]
        return vectors_of(vocab, (row, column[numbers], tf), surfaces, settings)
