"""Whose account a framed sentence tells, and whether it tells anything (helpers for marker.py).

An unnamed group ("neighbors said") or a paraphrase of how people lived it ("residents on
edge") next to a named person telling it in their own words is that person's account, not the
outlet's addition; an unnamed witness who only heard the shots, or says who had just moved in,
changes nothing a reader sees; a record credited in or just before the sentence ("according to
the report") is where its witnesses come from.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.claims.attribution import is_concrete_source
from checker.claims.base import EventContext
from checker.claims.corroboration import without
from checker.group.words import STOPWORDS
from checker.model import Claim
from checker.text.names import person_mentions
from checker.text.quotes import inside, opens_quote, quoted_spans
from checker.text.tokens import Tok, tokenize

_QUOTES = '"“”'
_TAIL = 6  # tokens of "..., said Jane Roe." at the end of a sentence


def witnesses_account(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """Unnamed witnesses who tell a named neighbour's account (named next to them, or quoted
    right after them when they add no figure), a record's or the officials' account, or
    nothing that changes what a reader sees."""
    article, at = key
    sents = ev.mine[article]
    near = [sents[k].text for k in (at - 1, at + 1) if 0 <= k < len(sents)]
    if any(_names_one_of_them(ev, text, claims) for text in near):
        return True  # "Neighbors reported shots. Neighbor Jane Roe said she heard 25."
    if named_account_follows(ev, key) and not states_a_figure(ev, key):
        return True
    if record_credited(ev, key) or _witnesses_on_record(ev, article, at):
        return True
    return routine_witness(ev, key)


def _names_one_of_them(ev: EventContext, text: str, claims: Sequence[Claim]) -> bool:
    """A sentence that names one of the witnesses (a neighbour, a resident) with a person's
    name, not an official: the unnamed group is the named speaker's account."""
    lex = ev.lex
    nouns = {_stem(t.low) for c in claims for t in ev.tokens(c.quote) if t.low.isalpha()}
    toks = ev.tokens(text)
    source = ev.source(text)
    if not is_concrete_source(source, lex) or lex.official_sources.find_all(ev.tokens(source)):
        return False
    return bool(nouns & {_stem(t.low) for t in toks} & _stems(lex)) or _a_person(toks, lex)


def _a_person(toks, lex) -> bool:
    """'Eugene Warner, 83, who has lived here for 30 years, said': a sentence that opens on
    a person's full name set off by a comma, and says what the person said."""
    if len(toks) < 3 or toks[2].low != "," or toks[0].low == "the":
        return False
    name = toks[0].capitalised and toks[1].capitalised
    return name and bool(lex.speech_verbs.find_all(toks))


def _stem(word: str) -> str:
    return word.removesuffix("es" if word.endswith("sses") else "s")


def _stems(lex) -> set[str]:
    """The nouns of unnamed speakers ('neighbor', 'witness', 'resident')."""
    return {_stem(key[0]) for key in lex.vague_speakers if len(key) == 1}


def _witnesses_on_record(ev: EventContext, article: str, at: int) -> bool:
    """An earlier sentence credits an official record, and witnesses after it ('According to
    the arrest reports, several witnesses ...')."""
    for s in ev.mine[article][:at]:
        if not _may_name_a_record(s.text, ev.lex):
            continue  # most sentences: no record's words, so no source that is one
        toks = ev.tokens(s.text)
        source = ev.source(s.text)
        if not source or not ev.lex.records.find_all(ev.tokens(source)):
            continue
        after = s.text.find(source) + len(source)
        if any(t.start >= after and t.low.startswith(ev.lex.witness_nouns) for t in toks):
            return True
    return False


def _may_name_a_record(text: str, lex) -> bool:
    """Every word of some record ('arrest reports', 'court documents') is in the lower-cased
    text: else no source read from it names a record (its tokens are the text's; a phrase
    with a word beyond ASCII, whose lower case could depend on its neighbours, is assumed
    there), and the sentence's source need not be read."""
    low = text.lower()
    return any(
        not all(w.isascii() for w in phrase) or all(w in low for w in phrase)
        for phrase in lex.records
    )


def named_account_near(ev: EventContext, key, span: int | None = None) -> bool:
    """A sentence within ``span`` (``marker_account_span``) either side that quotes a named
    person, not an official ("'Concerning,' said Alcorn"), or opens a quotation that one
    closes ('"I don't like it. ... What's next?" tenant Charlotte Adams said.')."""
    article, at = key
    sents = ev.mine[article]
    span = ev.settings.marker_account_span if span is None else span
    near = [k for k in range(at - span, at + span + 1) if k != at and 0 <= k < len(sents)]
    return any(_named_quote_at(ev, sents, k) for k in near)


def named_account_follows(ev: EventContext, key) -> bool:
    """The quotation right after the sentence is a named person's ('Neighbors said they were
    frightened. "It's scary," Alfonso Gonzales said.'), or a named person tells it in the
    sentences after ('Witnesses say a car drove up ... . ... Walter Barnes says'): the unnamed
    group introduces that person's account."""
    article, at = key
    sents = ev.mine[article]
    if at + 1 < len(sents) and _named_quote_at(ev, sents, at + 1):
        return True
    after = sents[at + 1 : at + 1 + ev.settings.marker_account_span]
    return any(_a_named_person_says(ev, s.text) for s in after)


def _a_named_person_says(ev: EventContext, text: str) -> bool:
    """The sentence's source is a person's full name ('19-year-old Walter Barnes says'), or
    'he'/'she' after the full name the sentence opens on ('Donald Hanlon has lived here for
    35 years, and he said'); not an official."""
    lex = ev.lex
    toks = ev.tokens(text)
    source = ev.tokens(ev.source(text))
    if not source or official_voice_in(ev, text):
        return False
    if person_mentions(source, lex):
        return True
    pronoun = source[-1].low in lex.speaker_pronouns
    return pronoun and any(first == 0 for _, first, _ in person_mentions(toks, lex))


def _named_quote_at(ev: EventContext, sents, k: int) -> bool:
    """Sentence k quotes a named person, itself or where the quotation it opens closes."""
    if not any(q in sents[k].text for q in _QUOTES):
        return False
    if _named_quote(ev, sents[k].text):
        return True  # '"... my boyfriend said, "What is she doing," said Chaunecia Gresham.'
    was_open = False
    for s in sents[k : k + ev.settings.marker_quote_span]:
        was_open = opens_quote(s.text, was_open)
        if not was_open:
            return _named_quote(ev, s.text)
    return False


def states_a_figure(ev: EventContext, key) -> bool:
    """The sentence gives a figure ('heard up to 50 gunshots'): something the group adds."""
    if any(c.figure is not None and (c.article, c.sentence) == key for c in ev.pool):
        return True
    lows = [t.low for t in ev.tokens(ev.mine[key[0]][key[1]].text)]
    return any(
        _counted(w, ev.lex) and ev.lex.routine_sounds.intersection(lows[k + 1 : k + 3])
        for k, w in enumerate(lows)
    )


def _named_quote(ev: EventContext, text: str) -> bool:
    return any(q in text for q in _QUOTES) and _named_speaker(ev, text)


def _named_speaker(ev: EventContext, text: str) -> bool:
    """The sentence's source is a person named in it: a full name in the sentence, or a
    capitalised name in the source other than the sentence's first word ('said Nuss')."""
    lex = ev.lex
    toks = ev.tokens(text)
    source = ev.source(text)
    if official_voice_in(ev, text):
        return False  # an officer's statement is the police account, not a witness's
    if not source and _said_at_the_end(toks, lex):
        return True
    if not is_concrete_source(source, lex):
        return False
    if person_mentions(toks, lex):
        return True
    words = [t for t in ev.tokens(source) if t.text[:1].isupper()]
    opener = toks[0].text if toks else ""
    return any(t.low not in lex.speaker_pronouns and t.text != opener for t in words)


def _said_at_the_end(toks: Sequence[Tok], lex) -> bool:
    """', said Chaunecia Gresham.' closing a sentence whose quotation marks do not pair up (a
    quotation inside a quotation): the source reader finds no speaker outside them."""
    tail = list(toks[-_TAIL:])
    return bool(lex.speech_verbs.find_all(tail)) and bool(person_mentions(tail, lex))


def anonymity_of_a_named_speaker(ev: EventContext, key) -> bool:
    """A bare note that someone would not be identified ('She did not want to be
    identified.') next to a named person's quotation: the speaker gave a first name, and the
    note adds nothing the quotation does not already credit."""
    words = _word_count(ev.tokens(ev.mine[key[0]][key[1]].text))
    return words <= ev.settings.marker_bare_words and named_account_near(ev, key, span=1)


def _word_count(toks: Sequence[Tok]) -> int:
    """Words and figures, not punctuation: how long a sentence is for the short-line rules."""
    return sum(t.text[:1].isalnum() for t in toks)


def official_account(ev: EventContext, article: str) -> bool:
    """A report told through officials (a police release rewritten: "Police responded ...",
    "the Sheriff's Office is investigating", "police said" sentence after sentence): the
    hedges between are the officials' account, not the outlet's guess."""
    sents = ev.mine[article]
    need = _officials_needed(len(sents), ev.settings)
    found = 0
    for k, sentence in enumerate(sents):  # read only until the answer is sure
        if found >= need or found + len(sents) - k < need:
            break
        found += official_voice_in(ev, sentence.text)
    return found >= need


def _officials_needed(sentences: int, settings) -> int:
    """Sentences credited to officials that make a report of ``sentences`` theirs: at least
    ``marker_account_min``, and one in ``marker_account_share``."""
    share = settings.marker_account_share
    if share <= 0:
        return settings.marker_account_min if sentences == 0 else sentences + 1
    return max(settings.marker_account_min, -(-sentences // share))


def official_voice_in(ev: EventContext, text: str) -> bool:
    """``official_voice`` of a sentence of the event, read once however many rules ask."""
    return ev.once_per(_official_voice, text)


def _official_voice(ev: EventContext, text: str) -> bool:
    return official_voice(text, ev.lex)


def official_voice(text: str, lex) -> bool:
    """An official body or title outside quotation marks ('the governor, Alexander Gusev,
    confirmed'; 'said Jane Roe, a police spokeswoman'; 'the Sheriff's Office'): quoted, it is
    somebody's words about the officials, not the officials speaking."""
    clean = text.replace("'s", "").replace("’s", "")
    quoted = quoted_spans(clean)
    toks = tokenize(clean)
    return any(
        not inside(quoted, toks[first].start, toks[last - 1].end)
        for first, last, _ in lex.official_sources.find_all(toks)
    )


def paraphrases_an_account(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """Every framing phrase says how people lived or felt it ('on edge', 'terrifying'), and a
    named person, not an official, is quoted within ``marker_account_span``."""
    if not all(ev.lex.account_framings.find_all(ev.tokens(c.quote)) for c in claims):
        return False
    return named_account_near(ev, key)


def routine_witness(ev: EventContext, key) -> bool:
    """An unnamed witness's account that changes nothing: the shots heard with no count and
    nothing seen ('Neighbors said they heard gunshots Monday'), or who lived there, in a short
    sentence with no figure ('had just moved into the building, neighbors said'; not 'The
    teen, who sources said is about 16, lived in the neighborhood')."""
    if heard_only(ev, key):
        return True
    toks = ev.tokens(ev.mine[key[0]][key[1]].text)
    short = _word_count(toks) <= ev.settings.marker_routine_words
    return short and bool(ev.lex.routine_accounts.find_all(toks)) and not states_a_figure(ev, key)


def feelings_only(claims: Sequence[Claim], lex) -> bool:
    """All the unnamed group says is how it feels or what it hopes ('Neighbors said they are
    upset and confused', 'neighbors said they are hoping to find out what happened'): no
    fact to weigh. A sentence with no such word ('Eyewitnesses said so.') is not one."""
    words = {t.low for t in tokenize(without(claims[0].text, claims)) if t.low.isalpha()}
    return bool(words & lex.account_wishes) and not words - STOPWORDS - lex.account_wishes


def heard_only(ev: EventContext, key) -> bool:
    """All the witness or anonymous neighbour says is that the shots were heard, with no
    count and nothing seen ('One neighbor who did not want to be identified heard multiple
    gunshots', '"I heard some shooting," a witness told News 8')."""
    text = ev.mine[key[0]][key[1]].text
    return _heard_only(ev.tokens(text), ev.lex, ev.settings.marker_routine_gap)


def _heard_only(toks: Sequence[Tok], lex, gap: int) -> bool:
    lows = [t.low for t in toks]
    for k, low in enumerate(lows):
        if low not in lex.routine_hearing:
            continue
        ahead = lows[k + 1 : k + 1 + gap]
        sound = next((j for j, w in enumerate(ahead) if w in lex.routine_sounds), None)
        if sound is None or any(_counted(w, lex) for w in ahead[:sound]):
            return False  # "heard 20 shots", "dozens of gunshots": a figure the witness adds
        return not lex.routine_sightings.intersection(lows[k + 1 + sound :])
    return False


def _counted(word: str, lex) -> bool:
    return word[:1].isdigit() or word in lex.number_words or word.startswith("dozen")


def record_credited(ev: EventContext, key) -> bool:
    """The sentence or the one before it credits an official record ('..., according to the
    report'; 'According to court documents, ...'), or a sentence next to it has witnesses tell
    officials ('Witnesses told investigators they heard two blasts'): the witnesses are the
    record's or the officials' account."""
    article, at = key
    sents = ev.mine[article]
    for k in range(max(0, at - 1), min(len(sents), at + 2)):
        toks = ev.tokens(sents[k].text)
        source = ev.tokens(ev.source(sents[k].text))
        if k <= at and (ev.lex.records.find_all(source) or _according_to_record(toks, ev.lex)):
            return True
        if k != at and _witnesses_told_officials(toks, source, ev.lex):
            return True
    return False


def _witnesses_told_officials(toks: Sequence[Tok], source: Sequence[Tok], lex) -> bool:
    official = bool(lex.official_sources.find_all(source))
    return official and bool(lex.markers["witness"].find_all(toks))


def _according_to_record(toks: Sequence[Tok], lex) -> bool:
    """'according to the report' anywhere in the sentence (the source reader keeps one
    source per sentence, and a witness may come first)."""
    for first, last, _ in lex.speech_verbs.find_all(toks):
        if toks[first].low == "according" and last < len(toks) and lex.records.match(toks, last)[0]:
            return True
    return False
