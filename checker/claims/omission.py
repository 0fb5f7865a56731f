"""Omission: a figure most reports of an event carry and one leaves out.

Only where it serves an editor: the figure is stated (not a part, not background) by at least
``omission_min_reports`` reports from as many different sources (the same wire copy printed
twice is one source), and they agree on it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from checker.align import Alignment
from checker.claims.base import EventContext, figures_compatible
from checker.model import ClaimKind, Finding, Verdict

_OMITTABLE = (ClaimKind.QUANTITY, ClaimKind.ABSENCE)


def judge(ev: EventContext) -> Iterator[Finding]:
    ids = ev.ids
    least = ev.settings.omission_min_reports
    if len(ids) < least + 1:
        return
    need = max(least, math.ceil(ev.settings.omission_share * len(ids)))
    for al in ev.alignments:
        carriers = _carriers(ev, al)
        if al.kind not in _OMITTABLE or len(carriers) < need:
            continue
        what = _what(al)
        for missing in sorted(set(ids) - set(al.articles)):
            text = f"{missing} does not give {what} ({len(carriers)} of {len(ids)} reports do)"
            yield ev.finding(Verdict.OMISSION, str(al.kind), al.key, text, al.claims)


def _carriers(ev: EventContext, al: Alignment) -> set[str]:
    """Reports that state the fact for the event itself, one per source, all agreeing."""
    stated = [c for c in al.claims if not c.partial and not c.vague]
    if al.kind == ClaimKind.QUANTITY:
        first = stated[0] if stated else None
        if first is None or not all(figures_compatible(first, c) for c in stated):
            return set()
    by_source: dict[str, str] = {}
    for c in stated:
        article = ev.articles.get(c.article)
        source = (article.source if article and article.source else "") or c.article
        by_source.setdefault(source, c.article)
    return set(by_source.values())


def _what(al: Alignment) -> str:
    slot = al.key
    if al.kind == ClaimKind.ABSENCE:
        return f"'no {slot.predicate.replace(',', '/')}'" + (
            f" in {slot.place}" if slot.place else ""
        )
    value = next((c.quote for c in al.claims if not c.partial), al.claims[0].quote)
    return f"the figure '{value}'"
