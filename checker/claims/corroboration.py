"""Whether another report of the event states what one sentence says (helpers for marker.py).

An unnamed witness or source, or a hedge, is an embellishment only when it ADDS something no
other report has: 'police sources said' on the shooting every report describes adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from checker.claims.base import EventContext, figures_compatible
from checker.model import Claim


def corroborated(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """Another report says much the same sentence once the marker phrases are taken out, or
    agrees with every figure of the sentence (two at least: one count agreeing says little)."""
    return _similar_elsewhere(ev, key, claims) or _figures_agree(ev, key)


def _similar_elsewhere(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """token_set_ratio of the sentence without its marker phrases against the sentences of
    the other reports (the marker itself is what one report adds, so it must not count)."""
    article = key[0]
    text = _without(claims[0].text, claims)
    words = utils.default_process(text).split()
    if len(words) < ev.settings.marker_corroboration_words:
        return False  # "Neighbors said so.": too little left to match anything
    # a short line ("(Lincoln County Sheriff)") is all words of many sentences: not a match
    others = [s.text for a in ev.ids if a != article for s in ev.mine[a] if _long(s.text, ev)]
    cutoff = ev.settings.marker_corroboration
    hit = process.extractOne(
        text,
        others,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        score_cutoff=cutoff,
    )
    return hit is not None


def _long(text: str, ev: EventContext) -> bool:
    return len(text.split()) >= ev.settings.marker_corroboration_words


def _without(text: str, claims: Sequence[Claim]) -> str:
    """The sentence with the marker phrases cut out (claims carry offsets in the sentence)."""
    cuts = sorted({(c.start, c.end) for c in claims}, reverse=True)
    for start, end in cuts:
        text = text[:start] + " " + text[end:]
    return text


def _figures_agree(ev: EventContext, key) -> bool:
    """Every figure the sentence gives (ages, counts) agrees with a figure of another report
    on the same slot."""
    figures = [c for c in _claims_at(ev, key) if c.figure is not None]
    if len(figures) < ev.settings.marker_corroboration_figures:
        return False
    return all(_agreed(ev, c) for c in figures)


def _claims_at(ev: EventContext, key) -> list[Claim]:
    return [c for c in ev.pool if (c.article, c.sentence) == key]


def _agreed(ev: EventContext, c: Claim) -> bool:
    return any(
        o.article != c.article and figures_compatible(c, o)
        for al in ev.alignments
        if c in al.claims
        for o in al.claims
    )
