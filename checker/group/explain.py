"""The ``why`` and ``label`` of an event: what its reports share, or how close a lone report
came to another."""

from __future__ import annotations

import datetime as _dt

import numpy as np

from checker.group import anchors as _anchors
from checker.group.conflicts import decisive_conflict
from checker.group.people import people_factors
from checker.group.scoring import Scorer
from checker.group.vectors import Vectors, columns_of


def nearest(
    scorer: Scorer, i: np.ndarray, j: np.ndarray, cos: np.ndarray
) -> dict[int, tuple[int, float]]:
    """For each article, the candidate with the highest cosine (ties: the smaller index),
    with the pair's score."""
    if not len(i):
        return {}
    src, dst, val = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([cos, cos])
    order = np.lexsort((dst, -val, src))
    first = order[np.flatnonzero(np.r_[True, np.diff(src[order]) != 0])]
    keys, other = src[first], dst[first]
    score = scorer.scores(np.minimum(keys, other), np.maximum(keys, other))
    return {
        int(k): (int(o), float(v))
        for k, o, v in zip(keys.tolist(), other.tolist(), score.tolist(), strict=True)
    }


def explain(
    scorer: Scorer,
    ids: list[str],
    idx: list[int],
    mean: float,
    closest: dict[int, tuple[int, float]],
) -> tuple[str, str]:
    """(label, why) of the event made of the articles ``idx`` (row indices)."""
    vectors, threshold = scorer.vectors, scorer.settings.group_threshold
    shown = vectors.shown
    if len(idx) == 1:
        own = drop_parts(top_features(vectors, idx, min_share=1, families="pqua"))
        label = ", ".join(shown[f] for f in own[:3])
        if idx[0] not in closest:
            return label, "alone: no other report shares a rare name, figure or fact"
        other, score = closest[idx[0]]
        if score < threshold:
            return label, (
                f"alone: the closest report, {ids[other]}, scores {score:.3f} "
                f"(threshold {threshold:g})"
            )
        return label, (
            f"alone: the closest report, {ids[other]}, scores {score:.3f}, but on "
            f"average this report scores below {threshold:g} with that report's event"
        )
    shared = top_features(vectors, idx, min_share=2, families="pquda")
    anchors = [f for f in shared if f[0] == "a"]
    names = drop_parts([f for f in shared if f[0] in "pq"])
    figures = [f for f in shared if f[0] in "ud"]
    parts = []
    if anchors:
        more = ", ..." if len(anchors) > 3 else ""
        listed = ", ".join(shown[f] for f in anchors[:3])
        parts.append(f"share {len(anchors)} anchor fact{'s' * (len(anchors) > 1)}: {listed}{more}")
    if names:
        parts.append("names: " + ", ".join(shown[f] for f in names[:4]))
    if figures:
        parts.append("figures: " + ", ".join(shown[f] for f in figures[:3]))
    if not parts:
        parts.append("share only common words")
    dates = sorted({int(scorer.dates[k]) for k in idx if scorer.dates[k] >= 0})
    if len(dates) > 1:
        parts.append(f"dated over {dates[-1] - dates[0] + 1} days")
    parts.append(f"mean similarity {mean:.3f} (threshold {threshold:g})")
    label_from = [*anchors[:1], *names[:2]] or figures[:2] or shared[:2]
    return ", ".join(shown[f] for f in label_from[:3]), "; ".join(parts)


def drop_parts(names: list[str]) -> list[str]:
    """Leave out a one-word name when a listed two-word name contains it."""
    inside = {w for f in names if f[0] == "q" for w in f[2:].split(" ")}
    return [f for f in names if not (f[0] == "p" and f[2:] in inside)]


def top_features(vectors: Vectors, idx: list[int], min_share: int, families: str) -> list[str]:
    """Telling features of the articles: most widely shared first, then the rarest."""
    present_m, vocab, weight = vectors.present, vectors.vocab, vectors.col_weight
    if len(idx) == 1:
        cols = columns_of(present_m, idx)
        counts = np.ones(len(cols), dtype=np.int64)
    else:
        cols, counts = np.unique(columns_of(present_m, idx), return_counts=True)  # O(nnz)
    keep = (
        (counts >= min_share) & (weight[cols] > 0) & np.isin(vectors.family[cols], list(families))
    )
    present = dict(zip(cols[keep].tolist(), counts[keep].tolist(), strict=True))
    found = list(present)
    found.sort(key=lambda c: (-(present[c] ** 2) * weight[c], vocab[c]))
    return [vocab[c] for c in found]


def _number(value: float) -> str:
    return f"{value:g}"


def reasons_apart(scorer: Scorer, a: int, b: int, nobody: bool = False) -> list[str]:
    """What counts against articles a and b being one event, in words: "magnitude 5.6 vs
    5.9", "ages 23 vs 45", "2005-11-27 vs 2008-09-10"; ``nobody``: the pair is far apart in
    time and names no rare person in common (``people``)."""
    e, s = scorer.evidence, scorer.settings
    out = []
    if s.group_decisive_penalty < 1.0:
        for measure, x, y in decisive_conflict(
            e.decisive[a], e.decisive[b], s.group_decisive_tolerance
        ):
            out.append(f"{measure} {_number(x)} vs {_number(y)}")
    for what, sets in (("addresses", e.addr_sets), ("ages", e.age_sets)):
        if sets[a] and sets[b] and not sets[a] & sets[b]:
            out.append(f"{what} {min(sets[a])} vs {min(sets[b])}")
    if e.kinds[a].keys() & e.kinds[b].keys():
        shared, strength = _anchors.compare(e.anchors[a], e.anchors[b], e.kinds[a], e.kinds[b])
        if not shared and strength >= s.group_conflict_min_figures:
            kind = min(e.kinds[a].keys() & e.kinds[b].keys())
            va = sorted({v for v, _, _ in e.kinds[a][kind]})
            vb = sorted({v for v, _, _ in e.kinds[b][kind]})
            out.append(f"{kind} {_number(va[0])} vs {_number(vb[0])}")
    da, db = int(scorer.dates[a]), int(scorer.dates[b])
    if da >= 0 and db >= 0 and abs(da - db) > s.date_window_days:
        out.append(f"{_dt.date.fromordinal(da)} vs {_dt.date.fromordinal(db)}")
        if nobody:
            out.append("no person named in both")
    ya, yb = int(scorer.days[a]), int(scorer.days[b])
    if s.group_day_penalty < 1.0 and ya >= 0 and yb >= 0 and abs(ya - yb) > s.group_day_tolerance:
        out.append(f"happened {_dt.date.fromordinal(ya)} vs {_dt.date.fromordinal(yb)}")
    return out


def _nobody_in_common(scorer: Scorer, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether each pair is far apart in time and names no rare person in common."""
    dated = scorer.date_factors(i, j)
    return people_factors(scorer.people, i, j, scorer.dates, dated, scorer.settings) < 1.0


def look_alikes(
    scorer: Scorer,
    event_of: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    cos: np.ndarray,
    names: list[str],
) -> dict[int, str]:
    """For each event (index into ``names``), why its closest look-alike was kept apart:
    the other event holding the article pair with the highest cosine at or above the
    threshold whose counter-evidence is what keeps them apart ("not merged with E4:
    magnitude 5.6 vs 5.9")."""
    threshold = scorer.settings.group_threshold
    cross = np.flatnonzero((event_of[i] != event_of[j]) & (cos >= threshold))
    order = cross[np.lexsort((j[cross], i[cross], -cos[cross]))]
    nobody = np.zeros(len(i), dtype=bool)
    nobody[order] = _nobody_in_common(scorer, i[order], j[order])
    out: dict[int, str] = {}
    for k in order.tolist():
        a, b = int(i[k]), int(j[k])
        ea, eb = int(event_of[a]), int(event_of[b])
        if ea in out and eb in out:
            continue
        why = reasons_apart(scorer, a, b, bool(nobody[k]))
        if not why:
            continue
        if ea not in out:
            out[ea] = f"not merged with {names[eb]}: {'; '.join(why)}"
        if eb not in out:  # the same reasons, this event's side first
            mine = reasons_apart(scorer, b, a, bool(nobody[k]))
            out[eb] = f"not merged with {names[ea]}: {'; '.join(mine)}"
    return out
