"""Date factors: how much a gap between two reports' dates counts against one event.

A gap counts against a pair by how much likelier it is between any two articles of this
collection than between two reports of one event (``date_gap_same``, measured on GVA dev:
63 % of same-incident pairs are at most 7 days apart, 23 % more than 30). Within
``date_window_days`` the factor is 1; beyond, it is that likelihood ratio (relative to the
window's) to the power ``date_decay``, capped at 1 and never below ``date_penalty``. In a
collection of one month far gaps are rare among all pairs too, so they cost little; in one of
four years a gap of months costs much. Soft, never a hard cut.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence

import numpy as np

from checker.settings import Settings


def parse_date(value: str | None) -> int | None:
    """The ordinal of an ISO date (``YYYY-MM-DD...``), None when there is none."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def date_factors(dates: Sequence[int | None], settings: Settings) -> np.ndarray:
    """Pair score factor for each gap bucket of ``date_gap_edges`` (collection statistic:
    computed once from all the articles' dates)."""
    edges = np.asarray(settings.date_gap_edges, dtype=np.int64)
    same = np.asarray(settings.date_gap_same, dtype=np.float64)
    same = same / same.sum()
    known = np.asarray(sorted(d for d in dates if d is not None), dtype=np.int64)
    counts = np.zeros(len(same))
    if len(known) > 1 and known[-1] - known[0] < 200_000:
        hist = np.bincount(known - known[0]).astype(np.float64)
        size = 2 * len(hist)  # autocorrelation of the day histogram: pairs at each gap
        spectrum = np.fft.rfft(hist, size)
        pairs = np.rint(np.fft.irfft(spectrum * spectrum.conj(), size)[: len(hist)])
        pairs = pairs.astype(np.int64)
        pairs[0] = (pairs[0] - len(known)) // 2  # same-day pairs, each once, no self-pairs
        np.add.at(counts, np.searchsorted(edges, np.arange(len(pairs))), pairs)
    prior = settings.date_prior_pairs
    share = (counts + prior * same) / (counts.sum() + prior)
    ratio = same / np.maximum(share, 1e-12)
    near = int(np.searchsorted(edges, settings.date_window_days, side="right"))
    ref = same[:near].sum() / max(share[:near].sum(), 1e-12)
    factor = np.minimum(1.0, ratio / ref) ** settings.date_decay
    factor[:near] = 1.0
    return np.maximum(factor, settings.date_penalty)


def gap_factors(
    da: np.ndarray, db: np.ndarray, table: np.ndarray, settings: Settings
) -> np.ndarray:
    """The date factor of each pair (dates as ordinals, -1 unknown: factor 1)."""
    out = np.ones(len(da), dtype=np.float64)
    dated = (da >= 0) & (db >= 0)
    bucket = np.searchsorted(np.asarray(settings.date_gap_edges), np.abs(da - db))
    out[dated] = table[bucket[dated]]
    return out
