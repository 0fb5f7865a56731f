"""Omission: a fact most reports of an event carry and one leaves out (3+ reports)."""

from __future__ import annotations

import math
from collections.abc import Iterator

from checker.claims.base import EventContext
from checker.model import ClaimKind, Finding, Verdict

_OMITTABLE = (ClaimKind.QUANTITY, ClaimKind.ABSENCE)


def judge(ev: EventContext) -> Iterator[Finding]:
    ids = ev.ids
    if len(ids) < 3:
        return
    need = max(2, math.ceil(2 * len(ids) / 3))
    for al in ev.alignments:
        if al.kind not in _OMITTABLE or len(al.articles) < need:
            continue
        for missing in sorted(set(ids) - set(al.articles)):
            text = f"{missing} does not mention {al.key} ({len(al.articles)} of {len(ids)} do)"
            yield ev.finding(Verdict.OMISSION, al.kind, al.key, text, al.claims)
