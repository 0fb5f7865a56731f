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
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from checker.lexicons import lexicon
from checker.settings import Settings
from checker.text.dates import MONTHS, read_dates
from checker.text.days import day_ordinal as parse_date
from checker.text.days import happening_day, past_day
from checker.text.tokens import tokenize

# Where a month's name can start ("Sept.", "JULY"): a date is read only around these. Written
# capitalised, as news writes months; case-sensitive and without a word boundary, it is a
# tenth of the cost of a case-blind search for whole month words (scale: every article).
_MONTH_START = re.compile(
    "|".join(m[:3].capitalize() + "|" + m[:3].upper() for m in sorted({m[:3] for m in MONTHS}))
)


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


def text_date(text: str, settings: Settings) -> int | None:
    """The first full date (with its year) written in the first ``group_dateline_chars`` of
    an article: its dateline, where reports without metadata often give their date. Read by
    the one date reader (``checker.text.dates``)."""
    months = lexicon(settings.lexicon_additions).ambiguous_months
    for mention in read_dates(tokenize(text[: settings.group_dateline_chars]), months):
        if mention.kind == "date" and mention.year:
            try:
                return _dt.date(mention.year, mention.month, mention.day).toordinal()
            except ValueError:
                continue
    return None


def article_date(date: str | None, text: str, settings: Settings) -> int | None:
    """The article's date: its metadata, else the dateline in its text (when enabled)."""
    known = parse_date(date)
    if known is None and settings.group_text_dates:
        return text_date(text, settings)
    return known


def told_days(text: str, published: int | None, settings: Settings) -> frozenset[int]:
    """The calendar days an article writes in its first ``group_told_chars`` characters ("July
    24", "Sept. 13, 2015"), as ordinals: a year left out is the latest that puts the day no
    later than the article's date (``past_day``), and none after it counts. A follow-up that
    names the day of the shooting it reports on ("the Sept. 13 shooting outside Cloud 9") is
    dated by it too. Read by the one date reader (``checker.text.dates``)."""
    if not settings.group_told_dates:
        return frozenset()
    months = lexicon(settings.lexicon_additions).ambiguous_months
    pub = published if published is not None and published >= 0 else None
    out = set()
    for part in _around_months(text[: settings.group_told_chars]):
        for mention in read_dates(tokenize(part), months):
            if mention.kind != "date" or not (mention.month and mention.day):
                continue
            day = past_day(mention.month, mention.day, mention.year, pub)
            if day is not None:
                out.add(day)
    return frozenset(out)


def _around_months(text: str) -> list[str]:
    """The stretches of ``text`` around its month words, a word or two each side, whole
    words only: a date is read there alone, without tokenising the rest (scale)."""
    spans: list[list[int]] = []
    for found in _MONTH_START.finditer(text):
        if found.start() and text[found.start() - 1].isalnum():
            continue  # inside a word ("ReMarks")
        start = text.rfind(" ", 0, max(0, found.start() - 4)) + 1
        end = text.find(" ", min(len(text), found.end() + 12))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [text[a:b] for a, b in spans]


@dataclass(frozen=True, slots=True)
class Told:
    """Each article's days as flat arrays: its date and the calendar days it writes, sorted
    (``told_gap_factors`` takes the least gap of many pairs at once)."""

    days: np.ndarray  # every article's days, one after the other
    start: np.ndarray  # where each article's days start in ``days`` ...
    count: np.ndarray  # ... and how many it has (0: no date, no written day)
    writes: np.ndarray  # whether the article writes any calendar day

    @classmethod
    def of(cls, told: Sequence[frozenset[int]], dates: np.ndarray) -> Told:
        own = [sorted(t | {int(d)} if d >= 0 else t) for t, d in zip(told, dates, strict=True)]
        count = np.asarray([len(x) for x in own], dtype=np.int64)
        return cls(
            days=np.asarray([d for x in own for d in x], dtype=np.int64),
            start=np.cumsum(count) - count,
            count=count,
            writes=np.asarray([bool(t) for t in told], dtype=bool),
        )


def told_gap_factors(
    i: np.ndarray, j: np.ndarray, told: Told, settings: Settings, factors: np.ndarray
) -> np.ndarray:
    """``factors`` (the pairs' date factors), 1 where a day one report writes is within
    ``group_told_window`` days of the other's date or of a day it writes. Reports of one
    shooting months apart (the arrest, the trial) often name its day; two shootings in one
    city seldom name each other's."""
    out, t = factors.copy(), told
    k = np.flatnonzero((factors < 1.0) & (t.writes[i] | t.writes[j]))
    k = k[(t.count[i[k]] > 0) & (t.count[j[k]] > 0)]
    if not len(k):
        return out
    a, b = i[k], j[k]
    na, nb = t.count[a], t.count[b]
    combos = na * nb  # every day of one against every day of the other
    first = np.cumsum(combos) - combos
    pair = np.repeat(np.arange(len(k)), combos)
    within = np.arange(int(combos.sum())) - first[pair]
    x = t.days[t.start[a][pair] + within // nb[pair]]
    y = t.days[t.start[b][pair] + within % nb[pair]]
    gap = np.minimum.reduceat(np.abs(x - y), first)
    out[k[gap <= settings.group_told_window]] = 1.0
    return out


def event_day(sentences: Sequence[Sequence[str]], published: int | None, settings: Settings) -> int:
    """The day of the main happening (``checker.text.days``), from the first
    ``group_day_sentences`` sentences."""
    return happening_day(sentences, published, settings.group_day_sentences)


def day_factors(da: np.ndarray, db: np.ndarray, settings: Settings) -> np.ndarray:
    """``group_day_penalty`` for pairs whose main happenings fall on days further apart than
    ``group_day_tolerance``, else 1."""
    out = np.ones(len(da), dtype=np.float64)
    apart = (da >= 0) & (db >= 0) & (np.abs(da - db) > settings.group_day_tolerance)
    out[apart] = settings.group_day_penalty
    return out
