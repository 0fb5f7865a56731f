"""The measure pass: an event whose reports lead with two disagreeing decisive figures is two.

A pair of reports whose headline figures of a decisive measure all disagree ("a 5.6 magnitude
quake", "a 5.9 magnitude quake") already scores low (``conflicts``), but reports that give no
such figure can still hold the two together: an island's two quakes, years apart, are told in
the same words. Inside each event, the reports giving a figure of one measure are joined when
their figures agree (``conflicts.decisive_conflict``); when that leaves two or more groups of
at least ``group_measure_split_min_part`` reports each, the event is cut, one part per group,
and every other report goes with the part it scores best with on average (ties: the part
whose first report comes first). One measure cuts an event, the first in sort order that does.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse.csgraph import connected_components

from checker.group.conflicts import decisive_conflict
from checker.group.scoring import Scorer
from checker.model import format_number

Cut = tuple[int, int, str, str]  # a report of each part (row index), and what each part gives


def _groups(scorer: Scorer, givers: list[int], measure: str) -> list[list[int]]:
    """The reports giving ``measure``, joined where their figures agree (largest first)."""
    tol = scorer.settings.group_decisive_tolerance
    figures = [{measure: scorer.evidence.leads[g][measure]} for g in givers]
    n = len(givers)
    agree = np.zeros((n, n), dtype=bool)
    for a in range(n):
        for b in range(a + 1, n):
            agree[a, b] = not decisive_conflict(figures[a], figures[b], tol)
    _, labels = connected_components(agree, directed=False)
    parts = [[givers[k] for k in np.flatnonzero(labels == lab)] for lab in np.unique(labels)]
    return sorted(parts, key=lambda p: (-len(p), p[0]))


def _cut(scorer: Scorer, members: np.ndarray) -> tuple[list[np.ndarray], list[str]] | None:
    """The parts of one event and what each part's figures are ("magnitude 5.9/6.1"), or
    None."""
    decisive = scorer.evidence.leads
    min_part = scorer.settings.group_measure_split_min_part
    measures = sorted({m for k in members.tolist() for m in decisive[k]})
    for measure in measures:
        givers = [k for k in members.tolist() if measure in decisive[k]]
        if len(givers) < 2 * min_part:
            continue
        groups = [g for g in _groups(scorer, givers, measure) if len(g) >= min_part]
        if len(groups) < 2:
            continue
        placed = {k for g in groups for k in g}
        rest = [k for k in members.tolist() if k not in placed]
        parts = [list(g) for g in groups]
        if rest:
            score = scorer.block_scores(members)
            where = {k: p for p, k in enumerate(members.tolist())}
            for k in rest:
                means = [float(np.mean([score[where[k], where[g]] for g in grp])) for grp in groups]
                parts[int(np.argmax(means))].append(k)
        shown = [_shown(scorer, g, measure) for g in groups]
        return [np.sort(np.asarray(p, dtype=members.dtype)) for p in parts], shown
    return None


def _shown(scorer: Scorer, group: list[int], measure: str) -> str:
    values = sorted({v for k in group for v in scorer.evidence.leads[k][measure]})
    return f"{measure} {'/'.join(format_number(v) for v in values)}"


def split_measures(
    scorer: Scorer, clusters: list[np.ndarray]
) -> tuple[list[np.ndarray], list[Cut]]:
    """The clusters, each cut where its reports lead with disagreeing decisive figures, and the
    cuts made (for the explanations: "cut from E2: magnitude 5.6 vs magnitude 5.9/6.1")."""
    cuts: list[Cut] = []
    if scorer.settings.group_measure_split_min_part < 1:
        return clusters, cuts
    out: list[np.ndarray] = []
    for members in clusters:
        found = _cut(scorer, members) if len(members) > 1 else None
        if found is None:
            out.append(members)
            continue
        parts, shown = found
        out.extend(parts)
        for other in range(1, len(parts)):
            cuts.append((int(parts[0][0]), int(parts[other][0]), shown[0], shown[other]))
    return out, cuts
