"""Who a sentence says its information comes from, and whether an editor could check it.

Handles speaker-then-verb ('police said'), verb-then-speaker ('said police', '"...," said
Chief Ray Diaz') and 'according to'. A vague source ('experts', 'a witness') never counts as
named.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.lexicons import Lexicon, lexicon
from checker.text.tokens import PUNCT_BREAK, Tok, tokenize

_REACH = 8  # words of a speaker on either side of a speech verb


def attribution_of(toks: Sequence[Tok], text: str, lex: Lexicon) -> str:
    """Who the sentence says the information comes from, as written ('' when unsaid)."""
    for first, last, _ in lex.speech_verbs.find_all(toks):
        if toks[first].low == "according":
            span = toks[last : last + _REACH]
        else:
            span = toks[max(0, first - 6) : first]
        words = [t for t in span if t.low not in (",", ".")]
        cut = next((k for k, t in enumerate(words) if t.low in PUNCT_BREAK), len(words))
        words = words[:cut]
        if words:
            return text[words[0].start : words[-1].end]
    return ""


def is_concrete_source(attribution: str) -> bool:
    """A source an editor can check: a named person or an official body."""
    if not attribution:
        return False
    toks = tokenize(attribution)
    lex = lexicon()
    if lex.official_sources.find_all(toks):
        return True
    caps = [t for t in toks if t.capitalised and t.low not in lex.not_places]
    vague = lex.markers["vague_source"].find_all(toks) or lex.markers["witness"].find_all(toks)
    return len(caps) >= 1 and not vague
