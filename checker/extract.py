"""Extract typed claims from sentences: a short dispatcher over the claim kinds' readers.

Rule-based on purpose (see ``checker/text/numbers.py``). A sentence is tokenised once and every
kind reads the same tokens, so quotes are exact substrings of the sentence. An article's claims
depend only on its own text and the settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from checker.claims import scope
from checker.claims.attribution import attribution_of, is_concrete_source
from checker.claims.base import Context
from checker.claims.registry import READERS
from checker.lexicons import lexicon
from checker.model import Claim, Sentence
from checker.settings import DEFAULT, Settings
from checker.text.names import Name, person_mentions
from checker.text.pages import playlist_sentences
from checker.text.places import frame_place, place_candidates, places_among
from checker.text.quotes import opens_quote
from checker.text.tokens import Tok, tokenize


def extract_claims(
    sentences: Sequence[Sentence], settings: Settings = DEFAULT
) -> tuple[Claim, ...]:
    """All claims of one article's sentences, in sentence order."""
    lex = lexicon(settings.lexicon_additions)
    furniture = playlist_sentences(sentences)
    if furniture:  # other stories' titles: not this article's claims
        sentences = [s for s in sentences if s.index not in furniture]
    tokens = [tokenize(s.text) for s in sentences]
    candidates = [place_candidates(toks, lex) for toks in tokens]
    known = _sure_places(candidates)
    claims: list[Claim] = []
    recent: list[str] = []  # places of previous sentences, newest last
    speaker = ""  # who speaks in a quotation still open from an earlier sentence
    told = ("", -1)  # a checkable source of the previous sentence, and its paragraph
    people = _PeopleNamed(tokens, lex)
    for k, (sentence, toks, maybe) in enumerate(zip(sentences, tokens, candidates, strict=True)):
        places = places_among(maybe, known)
        attribution = attribution_of(toks, sentence.text, lex) or speaker
        carried = not attribution and told[1] == sentence.paragraph
        if carried:
            attribution = told[0]  # "Police said ... . The man was possibly targeted."
        ctx = Context(
            sentence=sentence,
            toks=toks,
            places=places,
            inherited=recent[-1] if recent else "",
            frame=frame_place(places, toks, lex),
            attribution=attribution,
            notes=scope.sentence_notes(toks, lex),
            lex=lex,
            settings=settings,
            named_last=partial(people.last_before, k),
            attribution_inherited=carried,
            following=tokens[k + 1] if k + 1 < len(tokens) else [],
        )
        for read in READERS:
            found = list(read(ctx))
            ctx.so_far.extend(found)
        claims.extend(ctx.so_far)
        speaker = attribution if opens_quote(sentence.text, bool(speaker)) else ""
        named_source = is_concrete_source(attribution, lex)
        told = (attribution, sentence.paragraph) if named_source else ("", -1)
        strong = [m.key for m in places if not m.weak]
        if strong:
            recent = (recent + strong)[-settings.inherit_place_sentences :]
    return tuple(claims)


def _sure_places(candidates) -> frozenset[str]:
    """Places the article names unambiguously somewhere ('in Moscow'), so that "Moscow's
    airports" elsewhere in the same article is read as a place too."""
    return frozenset(m.key for maybe in candidates for m in places_among(maybe))


class _PeopleNamed:
    """Who an article names, sentence by sentence, read only when a reader asks who was named
    last before a sentence ("She was 91.": a few sentences of an article), not for every one.
    Each sentence's names are read at most once."""

    def __init__(self, tokens: Sequence[list[Tok]], lex) -> None:
        self.tokens, self.lex = tokens, lex
        self.last_named: dict[int, Name | None] = {}  # sentence -> the last person it names

    def last_before(self, k: int) -> Name | None:
        """The person named last in the sentences before sentence k, None when there is none."""
        for j in range(k - 1, -1, -1):
            if j not in self.last_named:
                named = person_mentions(self.tokens[j], self.lex)
                self.last_named[j] = named[-1][0] if named else None
            if self.last_named[j] is not None:
                return self.last_named[j]
        return None
