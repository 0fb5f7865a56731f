"""Whether another report of the event states what one sentence says (helpers for marker.py).

An unnamed witness or source, or a hedge, is an embellishment only when it ADDS something no
other report has: 'police sources said' on the shooting every report describes adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from checker.claims.attribution import is_concrete_source
from checker.claims.base import EventContext, figures_compatible
from checker.model import Claim


def corroborated(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """Another report says much the same sentence once the marker phrases are taken out, or
    agrees with every figure of the sentence (two at least: one count agreeing says little)."""
    return (
        _similar_elsewhere(ev, key, claims)
        or _figures_agree(ev, key)
        or _sourced_nearby(ev, key, claims)
        or _figures_sourced_nearby(ev, key)
        or _confirmed_next(ev, key)
    )


def _confirmed_next(ev: EventContext, key) -> bool:
    """The next sentence has an official confirm it ('Rumors began circulating that ... .
    Investigators confirmed that information.'); 'could not confirm' confirms nothing."""
    article, at = key
    sents = ev.mine[article]
    if at + 1 >= len(sents):
        return False
    text = sents[at + 1].text
    toks = ev.tokens(text)
    lows = [t.low for t in toks]
    said = any(
        w in ev.lex.confirmations and not set(lows[max(0, k - 2) : k]) & ev.lex.intensifier_negators
        for k, w in enumerate(lows)
    )
    return said and bool(ev.lex.official_sources.find_all(ev.tokens(ev.source(text))))


def _sourced_nearby(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """A sentence of the same report, within ``marker_account_span``, says much the same and
    credits a named or official source ('..., sources said' then '..., authorities said')."""
    article, at = key
    sents = ev.mine[article]
    text = without(claims[0].text, claims)
    if len(utils.default_process(text).split()) < ev.settings.marker_corroboration_words:
        return False
    span = ev.settings.marker_account_span
    for k in range(max(0, at - span), min(len(sents), at + span + 1)):
        other = sents[k].text
        if k == at or not _long(other, ev):
            continue
        # the score first: most neighbours say something else, and it costs less than
        # finding the neighbour's source (tokens and attribution)
        score = fuzz.token_set_ratio(text, other, processor=utils.default_process)
        if score >= ev.settings.marker_corroboration and _credited(other, ev):
            return True
    return False


def _figures_sourced_nearby(ev: EventContext, key) -> bool:
    """Every figure of the sentence is the same count of the same thing in a sentence of the
    same report, within ``marker_account_span``, that credits a named or official source
    ('Four people were shot, sources said. ... Four people were shot, authorities said.')."""
    article, at = key
    span = ev.settings.marker_account_span
    figures = [c for c in _claims_at(ev, key) if c.figure is not None]
    near = [
        c
        for c in ev.pool
        if c.article == article and c.figure is not None and 0 < abs(c.sentence - at) <= span
    ]
    sents = ev.mine[article]
    return bool(figures) and all(
        any(
            _same_thing(o, c) and figures_compatible(c, o) and _credited(sents[o.sentence].text, ev)
            for o in near
        )
        for c in figures
    )


def _same_thing(a: Claim, b: Claim) -> bool:
    """Same kind, counted noun and predicate (a place named in one sentence only aside)."""
    x, y = a.slot, b.slot
    return a.kind == b.kind and (x.what, x.predicate, x.person) == (y.what, y.predicate, y.person)


def _credited(text: str, ev: EventContext) -> bool:
    return is_concrete_source(ev.source(text), ev.lex)


def _similar_elsewhere(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """token_set_ratio of the sentence without its marker phrases against the sentences of
    the other reports (the marker itself is what one report adds, so it must not count)."""
    article = key[0]
    text = utils.default_process(without(claims[0].text, claims))
    if len(text.split()) < ev.settings.marker_corroboration_words:
        return False  # "Neighbors said so.": too little left to match anything
    others = ev.once_per(_long_elsewhere, article)
    cutoff = ev.settings.marker_corroboration
    hit = process.extractOne(text, others, scorer=fuzz.token_set_ratio, score_cutoff=cutoff)
    return hit is not None


def _long_elsewhere(ev: EventContext, article: str) -> list[str]:
    """The long sentences of the reports but ``article``, normalised, in report order (read
    once per report for all its framed sentences)."""
    long = ev.once(_long_sentences)
    return [t for a in ev.ids if a != article for t in long[a]]


def _long_sentences(ev: EventContext) -> dict[str, list[str]]:
    """Each report's sentences of ``marker_corroboration_words`` words or more, normalised
    (``utils.default_process``) once for every framed sentence compared with them: a short
    line ("(Lincoln County Sheriff)") is all words of many sentences, not a match."""
    return {
        a: [utils.default_process(s.text) for s in ev.mine[a] if _long(s.text, ev)] for a in ev.ids
    }


def _long(text: str, ev: EventContext) -> bool:
    return len(text.split()) >= ev.settings.marker_corroboration_words


def without(text: str, claims: Sequence[Claim]) -> str:
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
