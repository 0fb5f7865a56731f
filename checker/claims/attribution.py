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
_QUOTE_ENDS = frozenset({'"', "”", "’", "'", ",", "—", "–"})
_SPEAKER_ENDS = frozenset({",", ".", ";", ":", "(", ")", "—", "–", "that", "who", "on", "in"})


def attribution_of(toks: Sequence[Tok], text: str, lex: Lexicon) -> str:
    """Who the sentence says the information comes from, as written ('' when unsaid).

    'police said', 'according to police', and the speaker after the verb when the verb follows
    a quotation or opens the clause ('"...," said Chief Ray Diaz', 'said police').
    """
    for first, last, _ in lex.speech_verbs.find_all(toks):
        if toks[first].low == "according" or _speaker_follows(toks, first):
            words = _speaker(toks[last : last + _REACH], forward=True)
        else:
            words = _speaker(toks[max(0, first - 6) : first], forward=False)
        if words:
            return text[words[0].start : words[-1].end]
    return ""


def _speaker_follows(toks: Sequence[Tok], verb: int) -> bool:
    """'"...," said X' or a sentence that starts with the verb: the speaker comes after."""
    before = toks[verb - 1].low if verb > 0 else ""
    return verb == 0 or before in _QUOTE_ENDS


def _speaker(span: Sequence[Tok], forward: bool) -> list[Tok]:
    """The words of the speaker inside ``span``, up to punctuation on the far side."""
    words = [t for t in span if t.low not in (",", ".")] if not forward else list(span)
    if forward:
        cut = next((k for k, t in enumerate(words) if t.low in _SPEAKER_ENDS), len(words))
        return words[:cut]
    cut = max((k for k, t in enumerate(words) if t.low in PUNCT_BREAK), default=-1)
    return words[cut + 1 :]


def is_concrete_source(attribution: str) -> bool:
    """A source an editor can check: a named person or an official body."""
    if not attribution:
        return False
    toks = tokenize(attribution)
    lex = lexicon()
    if lex.official_sources.find_all(toks):
        return True
    vague = lex.markers["vague_source"].find_all(toks) or lex.markers["witness"].find_all(toks)
    if vague or lex.vague_speakers.find_all(toks):
        return False
    caps = [t for t in toks if t.capitalised and t.low not in lex.not_places]
    pronoun = any(t.low in lex.speaker_pronouns for t in toks)
    return len(caps) >= 1 or pronoun
