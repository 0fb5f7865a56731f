"""Framing: speculation, unnamed witnesses and experts, intensifiers, evaluative phrases.

Judge: a sentence's framing that no similar sentence of another report shares is an
embellishment, unless a named source says it (then it is the source's words, not the outlet's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checker.claims import scope
from checker.claims.accounts import (
    anonymity_of_a_named_speaker,
    feelings_only,
    heard_only,
    named_account_near,
    official_account,
    paraphrases_an_account,
    witnesses_account,
)
from checker.claims.attribution import is_concrete_source
from checker.claims.base import Context, EventContext, Gate
from checker.claims.corroboration import corroborated
from checker.claims.happening import told_of_an_earlier_year, told_of_another_day
from checker.lexicons import Lexicon
from checker.model import Claim, ClaimKind, Finding, Verdict
from checker.text.quotes import after_open_quote, inside, opens_quote, quoted_spans
from checker.text.tokens import low_at, lows_of, tokenize

KIND = ClaimKind.MARKER
_INTENSIFIERS = ("intensifier", "mild_intensifier")
_COLOUR = frozenset({*_INTENSIFIERS, "evaluative"})  # the outlet's own words on what happened
_REPORTED_KINDS = {"speculation", "witness", "vague_source"}  # what a source's account carries
_HANDLE = re.compile(r"\(@\w+\)|pic\.twitter\.com/")  # "(@GeorgeSolisWJZ)"
_REFERENCE = re.compile(r"^\s*\^|\[\d{1,3}\]")  # "^ [12] but other sources say", "[54] A source"
_NAMEABLE = frozenset({"evaluative", "vague_source", "intensifier", "mild_intensifier"})
_WHY = {
    "unsourced witness": "witnesses or residents with no name; no other report has them",
    "speculation": "speculation or a hedge the outlet offers itself; no other report says so",
    "unnamed source": "credited to unnamed experts, officials or sources; no other report has it",
    "intensifier on shared fact": "an intensifier on a fact the other reports state plainly",
    "intensifier": "an intensifier no other report uses",
    "evaluative framing": "the outlet's own framing, in no other report",
}


def gate(lex: Lexicon) -> Gate:
    """What a sentence must hold for ``read`` to find anything. Every marker is a phrase of one
    of the tables."""
    return Gate.of(*lex.markers.values())


def read(ctx: Context) -> Iterator[Claim]:
    """Where two phrases overlap ('experts have warned' / 'experts') the longer wins."""
    toks, lex = ctx.toks, ctx.lex
    if not any(phrases.may_match(toks) for phrases in lex.markers.values()):
        return  # no marker phrase can be there (most sentences): the tests below are moot
    if _in_person(ctx, lex.first_person) or _handle(ctx):
        return  # someone's own account (a letter, a blog, a post), not the outlet's framing
    if _in_person(ctx, lex.second_person):
        return  # addressed to the reader (a promotion, a comment, an aside): not the event's
    if _page_furniture(ctx):
        return  # a footnote or a video player's controls: the page's, not the outlet's words
    if _fewer_words(toks, ctx.settings.marker_fragment_words):
        return  # "Probably.": an answer to a question, nothing framed on its own
    excluded = lex.speculation_exceptions.covers(toks)
    wider = scope.tells_the_wider_story(toks, lex)
    spans = []
    for kind, phrases in lex.markers.items():
        for first, last, _ in phrases.find_all(toks):
            if kind == "speculation" and first in excluded:
                continue
            if kind in _INTENSIFIERS and low_at(toks, first - 1) in lex.intensifier_negators:
                continue  # "less severe": the opposite of an intensifier
            if wider and kind in _COLOUR:
                continue  # "a brutal crackdown" in how the war began: background colour
            if kind in _INTENSIFIERS and _the_scene(toks, first, lex):
                continue  # "in the chaos that followed": the scene, not colour on a fact
            if kind in _INTENSIFIERS and _so_that(toks, first, last, lex):
                continue  # "so intense it melted the paint": the outcome is the fact told
            if kind == "witness" and _of_witnesses(toks, first, lex):
                continue  # "the grandmother of one of the witnesses said": she speaks
            if kind == "evaluative" and low_at(toks, first - 1) in lex.person_pronouns:
                continue  # "He underscored the need": a person's point, told as speech
            if kind == "vague_source" and _named_after(toks, last):
                continue  # "experts at the U.S. Fish and Wildlife Service" are named
            if kind in _NAMEABLE and _a_name(toks, first, last):
                continue  # "a Cookie Monster figure", "MLB Trade Rumors": names, not words
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
        found = _embellishment(ev, key, markers, kinds)
        if found:
            yield found


def _embellishment(ev: EventContext, key, markers, kinds) -> Finding | None:
    """A sentence's framing that no similar sentence of another report shares."""
    claims = [c for c in markers[key] if _outlets_words(c, ev.lex)]
    if not claims or key in ev.copied:
        return None  # a copied sentence (wire copy, boilerplate) is no report's addition
    kinds = {**kinds, key: {c.label for c in claims}}
    backed = {k for a, s, _ in ev.support.get(key, ()) for k in kinds.get((a, s), ())}
    unsupported = sorted(kinds[key] - backed)
    if _REPORTED_KINDS.intersection(unsupported) and corroborated(ev, key, claims):
        unsupported = [k for k in unsupported if k not in _REPORTED_KINDS]  # nothing added
    if not unsupported:
        return None
    kind = _kind(unsupported, _sourced(claims[0], unsupported, ev.lex))
    if kind is None or _in_a_post(ev, key) or _inside_a_long_quote(ev, key, claims):
        return None
    if _account_nearby(ev, key, unsupported, claims, markers):
        return None
    if told_of_another_day(ev, *key) or told_of_an_earlier_year(ev, *key):
        return None  # an earlier incident, or the place's history, told as background
    if kind in _INTENSIFIERS:
        if ev.shared.get(key):
            kind = "intensifier on shared fact"
        elif kind == "mild_intensifier":
            return None  # mild colour on a fact nobody else states: nothing to weigh it against
    picked = [c for c in claims if c.label in unsupported]
    kind = _speakers_hedge(kind, picked)
    return ev.finding(Verdict.EMBELLISHMENT, kind, f"sentence {key[1]}", _WHY[kind], picked)


def _sourced(c: Claim, kinds, lex) -> bool:
    """A named source stands behind the sentence. A source carried over from the sentence
    before covers what continues its account (hedges, witnesses), never the outlet's own
    framing words ('alarm bells', 'relentless')."""
    if c.attribution_inherited and not set(kinds) <= _REPORTED_KINDS:
        return False
    return is_concrete_source(c.attribution, lex)


def _account_nearby(ev: EventContext, key, kinds, claims: Sequence[Claim], markers) -> bool:
    """A hedge, a witness or a paraphrase that continues a sourced account told around it: a
    hedge in the two sentences after a named source ("Officers say ... . The boy was hurt,
    possibly by a ricochet"), before one in its paragraph (or in the two after a lede), before
    a named person's quotation ("Some say it starts with the police. 'Where are you?' said
    Nuss."), or repeating the source's own hedge elsewhere in the report ("possibly injured" in
    the lede, "Police say ... possibly injuring" below); witnesses whose account is a named
    neighbour's, a record's or the officials', or tells nothing (accounts.witnesses_account);
    how people lived it ("residents on edge") next to a named person's quotation."""
    article, at = key
    if set(kinds) <= {"speculation"} and _officials_hedge(ev, article, claims):
        return True
    if set(kinds) <= {"speculation"}:
        sents = ev.mine[article]
        near = [at - 1, at - 2]
        if at < ev.settings.marker_lede_sentences:
            near += [at + 1, at + 2]  # a lede sums up the account that follows it
        elif at + 1 < len(sents) and sents[at + 1].paragraph == sents[at].paragraph:
            near.append(at + 1)
        if any(0 <= k < len(sents) and _names_source(ev, sents[k].text) for k in near):
            return True
        if not any(map(_quoted, claims)) and named_account_near(ev, key, span=1):
            return True
        return _hedge_of_a_source(ev, key, claims, markers)
    if set(kinds) <= {"witness", "vague_source"} and feelings_only(claims, ev.lex):
        return True  # "neighbors said they are hoping to find out what happened"
    if set(kinds) <= {"witness"}:
        return witnesses_account(ev, key, claims)
    if set(kinds) <= {"vague_source"}:  # an anonymous neighbour who only heard the shots
        return anonymity_of_a_named_speaker(ev, key) or heard_only(ev, key)
    framed = [c for c in claims if c.label in kinds]
    return paraphrases_an_account(ev, key, framed)


def _officials_hedge(ev: EventContext, article: str, claims: Sequence[Claim]) -> bool:
    """A hedge on what happened ('appears to be accidental'; not quoted, not analysis such
    as 'could lead to') in a report told through officials."""
    own = all(
        not inside(quoted_spans(c.text), c.start, c.end)
        and ev.lex.account_hedges.find_all(ev.tokens(c.quote))
        for c in claims
    )
    return own and ev.once_per(official_account, article)


def _inside_a_long_quote(ev: EventContext, key, claims: Sequence[Claim]) -> bool:
    """A sentence inside a quotation that opened in an earlier sentence and closes in a later
    one ('"Suddenly ... . It would be inappropriate ... senseless loss ... ." '): the
    speaker's words, unless the report shows the speaker to be someone unnamed."""
    if any(_unnamed(c.attribution, ev.lex) for c in claims):
        return False
    article, at = key
    sents = ev.mine[article]
    was_open = False
    for s in sents[:at]:
        was_open = opens_quote(s.text, was_open)
    if not was_open:
        return False
    for s in sents[at : at + ev.settings.marker_quote_span]:
        was_open = opens_quote(s.text, was_open)
        if not was_open:
            return True  # it closes: a quotation, not a stray mark
    return False


def _in_a_post(ev: EventContext, key) -> bool:
    """A paragraph that quotes a post with its author's handle ('— Jane Roe (@janeroe)'):
    its sentences are the author's, not the outlet's."""
    article, at = key
    sents = ev.mine[article]
    para = sents[at].paragraph
    return any(_HANDLE.search(s.text) for s in sents if s.paragraph == para)


def _names_source(ev: EventContext, text: str) -> bool:
    return is_concrete_source(ev.source(text), ev.lex)


def _hedge_of_a_source(ev: EventContext, key, claims: Sequence[Claim], markers) -> bool:
    said = {c.quote.lower() for c in claims}
    return any(
        o.quote.lower() in said and is_concrete_source(o.attribution, ev.lex)
        for (a, at), others in markers.items()
        if a == key[0] and at != key[1]
        for o in others
    )


def _a_name(toks, first: int, last: int) -> bool:
    """Capitalised inside a sentence that is not in title case or capitals: part of a name."""
    if first == 0 or not all(t.text[:1].isupper() for t in toks[first:last]):
        return False
    if not toks[first - 1].text[:1].isalnum():
        return False  # after a colon, a dash or a quote: a sentence starts there
    words = [t for t in toks if t.text[:1].isalpha()]
    return sum(t.text[:1].isupper() for t in words) * 2 < len(words)


def _fewer_words(toks, least: int) -> bool:
    """Fewer than ``least`` words (tokens that start with a letter), counted only as far as
    ``least``."""
    seen = 0
    for t in toks:
        if seen >= least:
            return False
        seen += t.is_word
    return seen < least


def _handle(ctx: Context) -> bool:
    """A social media handle ('@IMPD_News shooting is senseless'): a post, its author's."""
    toks = ctx.toks
    if "@" not in ctx.sentence.text:
        return False
    return any(
        t.text == "@" and k + 1 < len(toks) and toks[k + 1].text[:1].isalnum()
        for k, t in enumerate(toks)
    )


def _page_furniture(ctx: Context) -> bool:
    """A reference list's footnote ('^', '[54]': its sources are the references it cites), a
    list of other stories ('Related News ...') or a video player's controls kept by the
    scraper ('CLOSE Skip in Skip x Embed x Share')."""
    if _REFERENCE.search(ctx.sentence.text) or ctx.lex.page_headings.find_all(ctx.toks):
        return True
    controls = {t.low for t in ctx.toks if t.capitalised and t.low in ctx.lex.page_controls}
    return len(controls) >= 2


def _in_person(ctx: Context, words: frozenset[str]) -> bool:
    """A first- or second-person word outside quotation marks."""
    if words.isdisjoint(lows_of(ctx.toks)):
        return False  # most sentences: no such word, no quotation to look for
    quoted = quoted_spans(ctx.sentence.text)
    return any(
        t.low in words and not inside(quoted, t.start, t.end)
        for t in ctx.toks
        if t.low != "us" or t.text == "us"
    )


def _the_scene(toks, first: int, lex) -> bool:
    return low_at(toks, first - 1) == "the" and toks[first].low in lex.scene_nouns


def _so_that(toks, first: int, last: int, lex) -> bool:
    """'so intense (that) it melted ...': a degree measured by its outcome, which the
    sentence states; not colour the outlet adds."""
    return low_at(toks, first - 1) == "so" and low_at(toks, last) in lex.result_openers


def _of_witnesses(toks, first: int, lex) -> bool:
    """'the mother of (one of) the witnesses said': the speaker is the noun before 'of',
    not the witnesses ('one of the witnesses said' stays a witness)."""
    k = first - 1 - (low_at(toks, first - 1) == "the")
    if low_at(toks, k) != "of":
        return False
    head = low_at(toks, k - 1)
    if _quantity(head, lex):  # "... of one of the witnesses"
        head = low_at(toks, k - 3) if low_at(toks, k - 2) == "of" else ""
    return head.isalpha() and not _quantity(head, lex)


def _quantity(word: str, lex) -> bool:
    return word in lex.number_words or word in lex.indefinite or word in lex.quantifiers


def _named_after(toks, last: int) -> bool:
    """'experts at/from/with <Name>': the body the experts belong to is named."""
    if low_at(toks, last) not in ("at", "from", "with", "of"):
        return False
    nxt = last + 1 + (low_at(toks, last + 1) == "the")
    return nxt < len(toks) and toks[nxt].capitalised


def _outlets_words(c: Claim, lex) -> bool:
    """A phrase inside a quotation is the speaker's: it counts only when the speaker is
    unnamed ('a vendor said, "...probably all teenagers"'), never when unknown or named."""
    if not _quoted(c):
        return True
    if c.label not in _REPORTED_KINDS:
        return False  # a speaker's own colour ("so devastating", a mourner): never the outlet's
    return _unnamed(c.attribution, lex) and not is_concrete_source(c.attribution, lex)


def _quoted(c: Claim) -> bool:
    """Inside quotation marks; a hedge also after a quote that opens and never closes."""
    if c.label == "speculation" and after_open_quote(c.text, c.start):
        return True
    return inside(quoted_spans(c.text), c.start, c.end)


def _speakers_hedge(kind: str, picked: Sequence[Claim]) -> str:
    """A hedge inside an unnamed speaker's quoted words (a vendor's "probably") is the
    speaker's, not the outlet's speculation: what stands is the unnamed source of the quote."""
    hedges = [c for c in picked if c.label == "speculation"]
    if kind == "speculation" and hedges and all(_quoted(c) for c in hedges):
        return "unnamed source"
    return kind


def _unnamed(attribution: str, lex) -> bool:
    """A speaker the sentence shows to be someone unnamed ('a vendor', 'witnesses'), not
    words around a quote the speaker reader could not place."""
    toks = tokenize(attribution)
    if not toks:
        return False
    vague = lex.vague_speakers.find_all(toks) or lex.markers["witness"].find_all(toks)
    return bool(vague) or toks[0].low in lex.indefinite


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
