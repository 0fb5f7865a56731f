"""Who a sentence says its information comes from, and whether an editor could check it.

Handles speaker-then-verb ('police said'), verb-then-speaker ('said police', '"...," said
Chief Ray Diaz') and 'according to'. A vague source ('experts', 'a witness') never counts as
named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.lexicons import Lexicon, lexicon
from checker.text.dates import is_date_word
from checker.text.quotes import inside, quoted_spans
from checker.text.tokens import PUNCT_BREAK, Tok, lows_of, tokenize

_REACH = 8  # words of a speaker on either side of a speech verb
_BACK_REACH = 6  # words of a speaker before the verb
_ASIDE_REACH = 12  # ... and of a name before an aside ("Jane Roe, a pollster, said")
_QUOTE_ENDS = frozenset({'"', "”", "’", "'", "—", "–"})
_BACK_ENDS = PUNCT_BREAK | {","}
_HEADLINE_REACH = 6  # tokens before a headline's "Source:" colon


def attribution_of(toks: Sequence[Tok], text: str, lex: Lexicon) -> str:
    """Who the sentence says the information comes from, as written ('' when unsaid); when
    several are named ('Witnesses reported shots, Kelly said'), the one an editor can check.

    'police said', 'according to police', the speaker after the verb when the verb follows a
    quotation or opens the clause ('"...," said Chief Ray Diaz', 'said police'), and officials
    who were told ('witnesses told police': the account reaches us through the police).
    """
    # where the quotations are matters only around a speech verb (most sentences have none)
    quoted = quoted_spans(text) if lex.speech_verbs.may_match(toks) else []
    found = [text[w[0].start : w[-1].end] for w in _speakers(toks, lex, quoted) if w]
    found += [text[w[0].start : w[-1].end] for w in [_headline_source(toks, lex)] if w]
    # the first concrete one: the later ones need not be weighed
    return next((s for s in found if is_concrete_source(s, lex)), found[0] if found else "")


def _speakers(toks: Sequence[Tok], lex: Lexicon, quoted):
    """Speaker candidates of every speech verb outside quotation marks ("We believe..." inside
    a quote is the quoted speaker talking, not the sentence's source)."""
    for first, last, _ in lex.speech_verbs.find_all(toks):
        if inside(quoted, toks[first].start, toks[last - 1].end):
            continue
        after = _speaker_follows(toks, first) or _name_follows(toks, first, last, lex)
        if toks[first].low == "according" or after:
            yield _speaker(toks[last : last + _REACH], forward=True, lex=lex)
        else:
            yield _speaker(toks[max(0, first - _ASIDE_REACH) : first], forward=False, lex=lex)
        if toks[first].low == "told" and last < len(toks):
            n, _ = lex.official_sources.match(toks, last)
            if n:
                yield list(toks[last : last + n])


def _name_follows(toks: Sequence[Tok], first: int, last: int, lex: Lexicon) -> bool:
    """', said Sgt. Jane Roe' / ', said police': after a comma, the verb is followed by its
    speaker when a name, a title or an official body comes next."""
    if first == 0 or toks[first - 1].low != "," or last >= len(toks):
        return False
    nxt = toks[last]
    if is_date_word(nxt.low):
        return False  # ", said Thursday that ...": the speaker came before
    official = bool(lex.official_sources.match(toks, last)[0])
    return nxt.capitalised or nxt.low in lex.name_titles or official


def _headline_source(toks: Sequence[Tok], lex: Lexicon) -> list[Tok]:
    """'Police: 6 shot', '1:13 White House: wall could be funded': the capitalised words
    before a colon at the start of a sentence are its source (not 'UPDATE:' alone)."""
    if ":" not in lows_of(toks)[:_HEADLINE_REACH]:
        return []  # most sentences: no colon at their start
    for k, t in enumerate(toks[:_HEADLINE_REACH]):
        if t.low != ":" or k == 0 or not toks[k - 1].text[:1].isalpha():
            continue
        start = k
        while start > 0 and toks[start - 1].text[:1].isupper():
            start -= 1
        words = list(toks[start:k])
        if len(words) >= 2 or (words and lex.official_sources.find_all(words)):
            return words  # "White House:", "Police:"; not "Fatality:" or "UPDATE:"
        return []
    return []


def _speaker_follows(toks: Sequence[Tok], verb: int) -> bool:
    """'"...," said X' or a sentence that starts with the verb: the speaker comes after."""
    before = toks[verb - 1].low if verb > 0 else ""
    return verb == 0 or before in _QUOTE_ENDS


def _speaker(span: Sequence[Tok], forward: bool, lex: Lexicon) -> list[Tok]:
    """The words of the speaker inside ``span``, up to punctuation on the far side."""
    words = list(span)
    if forward:
        cut = next((k for k, t in enumerate(words) if t.low in lex.speaker_ends), len(words))
        return words[:cut]
    while words and words[-1].low == ",":  # "Heydar Alishbandi, Governor of Qeshm, said"
        words.pop()
    cut = max((k for k, t in enumerate(words) if t.low in _BACK_ENDS), default=-1)
    speaker = [t for t in words[cut + 1 :] if t.low != "."][-_BACK_REACH:]
    name = _name_before_aside(words, cut)
    opener = {t.low for t in words[name:cut]} & (lex.comma_openers | lex.place_prepositions)
    if name < 0 or opener:
        return speaker  # "In Miami, a man said", "On Monday, ...": a time or place, not a name
    return words[name:]


def _name_before_aside(words: Sequence[Tok], cut: int) -> int:
    """'Anthony Livanios, a political analyst, said' and 'Brooks, though, said': where the
    name before a comma-set aside starts (-1 when there is none)."""
    if cut < 1 or words[cut].low != ",":
        return -1
    start = cut
    while start > 0 and words[start - 1].capitalised and words[start - 1].low not in _BACK_ENDS:
        start -= 1
    before = start - 1
    if start == cut or (before >= 0 and words[before].low not in _BACK_ENDS | {"and"}):
        return -1  # no name, or a name inside a longer clause
    return start


def _officials_of_a_body(toks: Sequence[Tok], unnamed, lex: Lexicon) -> bool:
    """'Sheriff officials', 'police officials': officials of a named official body, not
    'officials' or 'a source' alone."""
    if any(toks[first].low not in lex.official_nouns for first, _, _ in unnamed):
        return False
    first_vague = min(first for first, _, _ in unnamed)
    if first_vague > 0 and _a_body_name(toks[first_vague - 1], lex):
        return True  # "Clarksville officials", "Pentagon officials": a named body's
    return any(first < first_vague for first, _, _ in lex.official_sources.find_all(toks))


def _a_body_name(tok: Tok, lex: Lexicon) -> bool:
    """A capitalised word naming a place or body, not a determiner or a vague qualifier
    that starts the sentence ('Some officials', 'Senior officials')."""
    return tok.capitalised and tok.low not in lex.vague_officials


def is_concrete_source(attribution: str, lex: Lexicon | None = None) -> bool:
    """A source an editor can check: a named person or an official body. ``lex``: the
    lexicon in force (a configuration's additions included); the packaged one by default."""
    if not attribution:
        return False
    lex = lex or lexicon()
    kept = _CONCRETE.get(id(lex))
    if kept is None:  # the lexicon is kept with its answers: its id stays its own
        kept = _CONCRETE[id(lex)] = (lex, {})
    known = kept[1]
    if attribution not in known:
        parts = re.split(r"\s+and\s+", attribution)
        # "according to witnesses and police": the police stand behind it
        known[attribution] = any(_concrete(p, lex) for p in parts)
    return known[attribution]


# Attributions repeat ("police said"): each is judged once per lexicon.
_CONCRETE: dict[int, tuple[Lexicon, dict[str, bool]]] = {}


def _concrete(attribution: str, lex: Lexicon) -> bool:
    toks = tokenize(attribution.replace("'s", "").replace("’s", ""))  # "the sheriff's office"
    vague = lex.markers["vague_source"].find_all(toks) or lex.markers["witness"].find_all(toks)
    if vague:
        return False
    unnamed = lex.vague_speakers.find_all(toks)
    if unnamed:
        return _officials_of_a_body(toks, unnamed, lex)
    if lex.official_sources.find_all(toks):
        return True
    if toks and toks[0].low in lex.indefinite:
        return False  # "a Western diplomat": someone, not a name
    caps = [t for t in toks if t.capitalised and t.low not in lex.not_places]
    known = any(t.low in lex.speaker_pronouns or t.low in lex.relatives for t in toks)
    titled = any(t.low in lex.name_titles for t in toks)
    return len(caps) >= 1 or known or titled
