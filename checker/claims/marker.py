"""Framing: speculation, unnamed witnesses and experts, intensifiers, evaluative phrases.

Judge: a sentence's framing that no similar sentence of another report shares is an
embellishment, unless a named source says it (then it is the source's words, not the outlet's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checker.claims.attribution import is_concrete_source
from checker.claims.base import Context, EventContext
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.quotes import inside, quoted_spans
from checker.text.tokens import low_at

KIND = ClaimKind.MARKER
_INTENSIFIERS = ("intensifier", "mild_intensifier")
_REPORTED_KINDS = {"speculation", "witness", "vague_source"}  # what a source's account carries
_WHY = {
    "unsourced witness": "witnesses or residents with no name; no other report has them",
    "speculation": "speculation or a hedge the outlet offers itself; no other report says so",
    "unnamed source": "credited to unnamed experts, officials or sources; no other report has it",
    "intensifier on shared fact": "an intensifier on a fact the other reports state plainly",
    "intensifier": "an intensifier no other report uses",
    "evaluative framing": "the outlet's own framing, in no other report",
}


def read(ctx: Context) -> Iterator[Claim]:
    """Where two phrases overlap ('experts have warned' / 'experts') the longer wins."""
    toks, lex = ctx.toks, ctx.lex
    if _first_person(ctx):
        return  # someone's own account (a letter, a blog), not the outlet's framing
    excluded = lex.speculation_exceptions.covers(toks)
    spans = []
    for kind, phrases in lex.markers.items():
        for first, last, _ in phrases.find_all(toks):
            if kind == "speculation" and first in excluded:
                continue
            if kind in _INTENSIFIERS and low_at(toks, first - 1) in lex.intensifier_negators:
                continue  # "less severe": the opposite of an intensifier
            if kind == "vague_source" and _named_after(toks, last):
                continue  # "experts at the U.S. Fish and Wildlife Service" are named
            spans.append((first, -(last - first), kind))
    taken: set[int] = set()
    for first, neg_len, kind in sorted(spans):
        last = first - neg_len
        if taken.intersection(range(first, last)):
            continue
        taken.update(range(first, last))
        # an intensifier is shown with the word it intensifies ("significant damage")
        if kind in _INTENSIFIERS and last < len(toks) and toks[last].low[:1].isalnum():
            last += 1
        yield ctx.claim(KIND, first, last, "marker", kind, label=kind)


def judge(ev: EventContext) -> Iterator[Finding]:
    """In an event of one report nothing can back a phrase up: speculation, unnamed witnesses
    and the outlet's own framing are reported all the same."""
    if ev.too_big:
        return
    markers = ev.by_sentence(KIND)
    kinds = {key: {c.label for c in cs} for key, cs in markers.items()}
    for key in sorted(markers):
        found = _embellishment(ev, key, markers[key], kinds)
        if found:
            yield found


def _embellishment(ev: EventContext, key, claims: Sequence[Claim], kinds) -> Finding | None:
    """A sentence's framing that no similar sentence of another report shares."""
    claims = [c for c in claims if _outlets_words(c, ev.lex)]
    if not claims:
        return None
    kinds = {**kinds, key: {c.label for c in claims}}
    backed = {k for a, s, _ in ev.support.get(key, ()) for k in kinds.get((a, s), ())}
    unsupported = sorted(kinds[key] - backed)
    if not unsupported:
        return None
    kind = _kind(unsupported, _sourced(claims[0], unsupported, ev.lex))
    if kind is None:
        return None
    if kind in _INTENSIFIERS:
        if ev.shared.get(key):
            kind = "intensifier on shared fact"
        elif kind == "mild_intensifier":
            return None  # mild colour on a fact nobody else states: nothing to weigh it against
    picked = [c for c in claims if c.label in unsupported]
    return ev.finding(Verdict.EMBELLISHMENT, kind, f"sentence {key[1]}", _WHY[kind], picked)


def _sourced(c: Claim, kinds, lex) -> bool:
    """A named source stands behind the sentence. A source carried over from the sentence
    before covers what continues its account (hedges, witnesses), never the outlet's own
    framing words ('alarm bells', 'relentless')."""
    if c.attribution_inherited and not set(kinds) <= _REPORTED_KINDS:
        return False
    return is_concrete_source(c.attribution, lex)


def _first_person(ctx: Context) -> bool:
    quoted = quoted_spans(ctx.sentence.text)
    return any(
        t.low in ctx.lex.first_person and not inside(quoted, t.start, t.end)
        for t in ctx.toks
        if t.low != "us" or t.text == "us"
    )


def _named_after(toks, last: int) -> bool:
    """'experts at/from/with <Name>': the body the experts belong to is named."""
    if low_at(toks, last) not in ("at", "from", "with", "of"):
        return False
    nxt = last + 1 + (low_at(toks, last + 1) == "the")
    return nxt < len(toks) and toks[nxt].capitalised


def _outlets_words(c: Claim, lex) -> bool:
    """A phrase inside a quotation is the speaker's: it counts only when the speaker is
    unnamed ('a vendor said, "...probably all teenagers"'), never when unknown or named."""
    if not inside(quoted_spans(c.text), c.start, c.end):
        return True
    return bool(c.attribution) and not is_concrete_source(c.attribution, lex)


def _kind(kinds: list[str], sourced: bool) -> str | None:
    """A named or official source in the sentence stands behind what it relays, even an
    unnamed witness's account ('Witnesses reported shots, Kelly said')."""
    if sourced:
        return None
    if "witness" in kinds:
        return "unsourced witness"
    if "vague_source" in kinds:
        return "unnamed source"
    if "speculation" in kinds:
        return "speculation"
    if "intensifier" in kinds:
        return "intensifier"
    if "mild_intensifier" in kinds:
        return "mild_intensifier"
    if "evaluative" in kinds:
        return "evaluative framing"
    return None
