"""Framing: speculation, unnamed witnesses and experts, intensifiers, evaluative phrases.

Judge: a sentence's framing that no similar sentence of another report shares is an
embellishment, unless a named source says it (then it is the source's words, not the outlet's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.claims.attribution import is_concrete_source
from checker.claims.base import Context, EventContext
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.tokens import low_at

KIND = ClaimKind.MARKER
_WHY = {
    "unsourced witness": "witnesses or residents with no name; no other report has them",
    "speculation": "speculation or unnamed experts; no other report says so",
    "intensifier on shared fact": "an intensifier on a fact the other reports state plainly",
    "intensifier": "an intensifier no other report uses",
    "evaluative framing": "the outlet's own framing, in no other report",
}


def read(ctx: Context) -> Iterator[Claim]:
    """Where two phrases overlap ('experts have warned' / 'experts') the longer wins."""
    toks, lex = ctx.toks, ctx.lex
    excluded = lex.speculation_exceptions.covers(toks)
    spans = []
    for kind, phrases in lex.markers.items():
        for first, last, _ in phrases.find_all(toks):
            if kind == "speculation" and first in excluded:
                continue
            if kind == "intensifier" and low_at(toks, first - 1) in lex.intensifier_negators:
                continue  # "less severe": the opposite of an intensifier
            spans.append((first, -(last - first), kind))
    taken: set[int] = set()
    for first, neg_len, kind in sorted(spans):
        last = first - neg_len
        if taken.intersection(range(first, last)):
            continue
        taken.update(range(first, last))
        # an intensifier is shown with the word it intensifies ("significant damage")
        if kind == "intensifier" and last < len(toks) and toks[last].low[:1].isalnum():
            last += 1
        yield ctx.claim(KIND, first, last, "marker", kind, label=kind)


def judge(ev: EventContext) -> Iterator[Finding]:
    if len(ev.ids) < 2:
        return
    markers = ev.by_sentence(KIND)
    kinds = {key: {c.label for c in cs} for key, cs in markers.items()}
    for key in sorted(markers):
        found = _embellishment(ev, key, markers[key], kinds)
        if found:
            yield found


def _embellishment(ev: EventContext, key, claims: Sequence[Claim], kinds) -> Finding | None:
    """A sentence's framing that no similar sentence of another report shares."""
    backed = {k for a, s, _ in ev.support.get(key, ()) for k in kinds.get((a, s), ())}
    unsupported = sorted(kinds[key] - backed)
    if not unsupported:
        return None
    kind = _kind(unsupported, is_concrete_source(claims[0].attribution))
    if kind is None:
        return None
    facts = [c for c in ev.pool if (c.article, c.sentence) == key and id(c) in ev.shared]
    if kind == "intensifier" and facts:
        kind = "intensifier on shared fact"
    picked = [c for c in claims if c.label in unsupported]
    return ev.finding(Verdict.EMBELLISHMENT, kind, f"sentence {key[1]}", _WHY[kind], picked)


def _kind(kinds: list[str], sourced: bool) -> str | None:
    if "witness" in kinds:
        return "unsourced witness"
    if "speculation" in kinds or "vague_source" in kinds:
        return None if sourced and "vague_source" not in kinds else "speculation"
    if sourced:
        return None  # the source's own words, not the outlet's framing
    if "intensifier" in kinds:
        return "intensifier"
    if "evaluative" in kinds:
        return "evaluative framing"
    return None
