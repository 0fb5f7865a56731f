"""Counter-evidence: what two articles give that cannot both be true of one event.

Each kind multiplies a pair's score by a factor <= 1:

- both give street addresses and share none: ``group_address_penalty``;
- both give ages ("15-year-old", or an age claim "Jane Doe, 23") and share none:
  ``group_age_penalty``; neither of these two when the pair agrees on a count of at least
  ``group_large_count`` of one kind (49 killed: one large event, whose reports name
  different victims and streets);
- both give figures of one kind (extractor slot without its place, "drone|downed") and every
  one disagrees, at least ``group_conflict_min_figures`` on the smaller side, with no anchor
  fact in common: ``group_conflict_penalty`` (another night, another incident);
- both give a decisive figure of one measure in the headline or lede (a quantity claim whose
  predicate is listed in ``lexicons/grouping.toml``: the magnitude) and none agree:
  ``group_decisive_penalty``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from checker.group import anchors as _anchors
from checker.settings import Settings


@dataclass(frozen=True, slots=True)
class Evidence:
    """Per article: what can disagree with another article."""

    addr: sparse.csr_matrix  # 0/1: the article's street addresses (columns of the vocabulary)
    age: sparse.csr_matrix  # 0/1: the article's ages
    addr_sets: list[frozenset[str]]
    age_sets: list[frozenset[str]]
    anchors: list[dict[str, _anchors.Values]]  # slot -> figures
    kinds: list[dict[str, _anchors.Values]]  # kind of count -> figures
    has_addr: np.ndarray
    has_age: np.ndarray
    has_anchors: np.ndarray
    decisive: list[dict[str, frozenset[float]]]  # measure -> headline / lede figures
    has_decisive: np.ndarray
    leads: list[dict[str, frozenset[float]]]  # measure -> the figure the report leads with


def _set_matrix(sets: Sequence[frozenset[str]]) -> sparse.csr_matrix:
    """0/1 rows: which values each article gives (columns: every value given)."""
    values = sorted(set().union(*sets)) if sets else []
    index = {v: k for k, v in enumerate(values)}
    rows = np.repeat(np.arange(len(sets)), [len(x) for x in sets])
    cols = np.fromiter((index[v] for x in sets for v in sorted(x)), np.int64, len(rows))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), len(values)))


def build_evidence(
    addr_sets: Sequence[frozenset[str]],
    age_sets: Sequence[frozenset[str]],
    found: Sequence[dict],
    decisive: Sequence[dict[str, frozenset[float]]],
    leads: Sequence[dict[str, frozenset[float]]] = (),
) -> Evidence:
    """``addr_sets``: the street addresses each article gives (``features.addresses``);
    ``age_sets``: the ages it gives (``features.ages``, and those its claims give of named
    people, "Jane Doe, 23"); ``found``: its anchors; ``decisive``: its headline figures
    (``anchors.decisive``); ``leads``: the figures it leads with (``anchors.first_figures``;
    none when not given). Each is read from the article alone, in its digest."""
    addr_sets, age_sets = list(addr_sets), list(age_sets)
    kinds = [_anchors.by_kind(a) for a in found]
    return Evidence(
        addr=_set_matrix(addr_sets),
        age=_set_matrix(age_sets),
        addr_sets=addr_sets,
        age_sets=age_sets,
        anchors=list(found),
        kinds=kinds,
        has_addr=np.asarray([bool(x) for x in addr_sets], dtype=bool),
        has_age=np.asarray([bool(x) for x in age_sets], dtype=bool),
        has_anchors=np.asarray([bool(k) for k in kinds], dtype=bool),
        decisive=list(decisive),
        has_decisive=np.asarray([bool(d) for d in decisive], dtype=bool),
        leads=list(leads) if leads else [{} for _ in found],
    )


def decisive_conflict(
    a: dict[str, frozenset[float]], b: dict[str, frozenset[float]], tolerance: float
) -> list[tuple[str, float, float]]:
    """(measure, figure, figure) for each measure both give where no figure of one is within
    ``tolerance`` (relative) of a figure of the other: "magnitude 5.6 vs 5.9"."""
    out = []
    for measure in sorted(a.keys() & b.keys()):
        va, vb = a[measure], b[measure]
        if not any(abs(x - y) <= tolerance * max(abs(x), abs(y)) for x in va for y in vb):
            out.append((measure, min(va), min(vb)))
    return out


def decisive_apart(
    a: dict[str, frozenset[float]], b: dict[str, frozenset[float]], tolerance: float
) -> bool:
    """Whether ``decisive_conflict`` finds a measure, without sorting or writing them out
    (counter-evidence tests many pairs; the explanations want the words)."""
    return any(
        not any(abs(x - y) <= tolerance * max(abs(x), abs(y)) for x in a[m] for y in b[m])
        for m in a.keys() & b.keys()
    )


def _disjoint(
    m: sparse.csr_matrix,
    sets: list[frozenset[str]],
    has: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """Positions (into i, j) of the pairs that both give a set and share nothing."""
    both = np.flatnonzero(has[i] & has[j])
    if len(both) > 2000:  # many pairs: one sparse product
        common = np.asarray(m[i[both]].multiply(m[j[both]]).sum(axis=1)).ravel() > 0
    else:
        common = np.asarray(
            [bool(sets[a] & sets[b]) for a, b in zip(i[both], j[both], strict=True)],
            dtype=bool,
        )
    return both[~common]


def _both(has: np.ndarray, i: np.ndarray, j: np.ndarray):
    """(position, i, j) of each pair where both articles have something (``has``)."""
    k = np.flatnonzero(has[i] & has[j])
    return zip(k.tolist(), i[k].tolist(), j[k].tolist(), strict=True)


def _decisive_pairs(e: Evidence, i: np.ndarray, j: np.ndarray, tolerance: float) -> list[int]:
    """Positions of the pairs whose decisive figures disagree (``decisive_apart``)."""
    d = e.decisive
    return [k for k, a, b in _both(e.has_decisive, i, j) if decisive_apart(d[a], d[b], tolerance)]


def _anchor_pairs(e: Evidence, i: np.ndarray, j: np.ndarray, min_figures: int) -> list[int]:
    """Positions of the pairs whose figures of a kind both give all disagree, at least
    ``min_figures`` on the smaller side, with no anchor fact in common."""
    out = []
    kinds, anchors = e.kinds, e.anchors
    for k, a, b in _both(e.has_anchors, i, j):
        if kinds[a].keys().isdisjoint(kinds[b]):
            continue
        strength = _anchors.disagree(anchors[a], anchors[b], kinds[a], kinds[b])
        if strength is not None and strength >= min_figures:
            out.append(k)
    return out


def _large_count_shared(e: Evidence, i: np.ndarray, j: np.ndarray, large: float) -> np.ndarray:
    """Whether each pair agrees on a figure of at least ``large`` for one kind of count."""
    out = np.zeros(len(i), dtype=bool)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        ka, kb = e.kinds[a], e.kinds[b]
        for kind in ka.keys() & kb.keys():
            if any(v >= large for v in _anchors.overlap(ka[kind], kb[kind])):
                out[k] = True
                break
    return out


def conflict_factors(
    evidence: Evidence,
    i: np.ndarray,
    j: np.ndarray,
    settings: Settings,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Product of the counter-evidence factors of each pair (all <= 1), times ``start``."""
    s = settings
    out = np.ones(len(i), dtype=np.float64) if start is None else start.copy()
    if not len(i):
        return out
    e = evidence
    for penalty, matrix, sets, has in (
        (s.group_address_penalty, e.addr, e.addr_sets, e.has_addr),
        (s.group_age_penalty, e.age, e.age_sets, e.has_age),
    ):
        apart = _disjoint(matrix, sets, has, i, j)
        apart = apart[~_large_count_shared(e, i[apart], j[apart], s.group_large_count)]
        out[apart] *= penalty
    if s.group_decisive_penalty < 1.0:
        out[_decisive_pairs(e, i, j, s.group_decisive_tolerance)] *= s.group_decisive_penalty
    out[_anchor_pairs(e, i, j, s.group_conflict_min_figures)] *= s.group_conflict_penalty
    return out
