"""Extract typed claims from sentences: a short dispatcher over the claim kinds' readers.

Rule-based on purpose (see ``checker/text/numbers.py``). A sentence is tokenised once and every
kind reads the same tokens, so quotes are exact substrings of the sentence. An article's claims
depend only on its own text and the settings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from checker.claims.attribution import attribution_of, is_concrete_source
from checker.claims.base import Context, Gate
from checker.claims.registry import READERS
from checker.lexicons import Lexicon, lexicon
from checker.model import Claim, Names, Sentence
from checker.settings import DEFAULT, Settings
from checker.text.names import Name, person_mentions
from checker.text.pages import playlist_sentences
from checker.text.places import (
    frame_place,
    mentions_among,
    place_candidates,
    places_among,
    sentence_names,
)
from checker.text.quotes import opens_quote
from checker.text.tokens import Tok, sentence_bits, tokenize


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction read in one article: its claims, and the names of each sentence that
    starts in the first ``group_people_chars`` characters, by the sentence's text (grouping's
    people rule reads those characters line by line: ``checker.group.digest``)."""

    claims: tuple[Claim, ...]
    names: dict[str, Names]


def extract_claims(
    sentences: Sequence[Sentence], settings: Settings = DEFAULT
) -> tuple[Claim, ...]:
    """All claims of one article's sentences, in sentence order."""
    return extract(sentences, settings).claims


def extract(sentences: Sequence[Sentence], settings: Settings = DEFAULT) -> Extraction:
    """The claims of one article's sentences, in sentence order, with the names read in its
    first sentences (``Extraction``)."""
    lex = lexicon(settings.lexicon_additions)
    readers = _gated_readers(lex)
    furniture = playlist_sentences(sentences)
    if furniture:  # other stories' titles: not this article's claims
        sentences = [s for s in sentences if s.index not in furniture]
    tokens = [tokenize(s.text) for s in sentences]
    candidates = [place_candidates(toks, lex) for toks in tokens]
    known = _sure_places(candidates)
    claims: list[Claim] = []
    names: dict[str, Names] = {}
    recent: list[str] = []  # places of previous sentences, newest last
    people = _PeopleNamed(tokens, lex)
    sources = _Sources(sentences, tokens, lex)
    for k, (sentence, toks, maybe) in enumerate(zip(sentences, tokens, candidates, strict=True)):
        places = mentions_among(toks, maybe, lex, known)
        bits = sentence_bits(toks)  # before any table is asked: each is then one bit test
        ctx = Context(
            sentence=sentence,
            toks=toks,
            places=places,
            inherited=recent[-1] if recent else "",
            frame=frame_place(places, toks, lex),
            lex=lex,
            settings=settings,
            named_last=partial(people.last_before, k),
            source=partial(sources.of, k),
            following=tokens[k + 1] if k + 1 < len(tokens) else [],
        )
        for read, gate in readers:
            # ``gate.opens(bits)``, its first test written out (19 readers a sentence)
            if gate is None or bits & gate.anyof or (gate.allof and gate.opens(bits)):
                found = list(read(ctx))
                ctx.so_far.extend(found)
        claims.extend(ctx.so_far)
        sources.read(k)
        if sentence.start < settings.group_people_chars:
            names[sentence.text] = sentence_names(people.named_in(k), maybe)
        strong = [m.key for m in places if not m.weak]
        if strong:
            recent = (recent + strong)[-settings.inherit_place_sentences :]
    return Extraction(tuple(claims), names)


def _gated_readers(lex: Lexicon) -> tuple[tuple[Callable, Gate | None], ...]:
    """The readers in reading order, each with its gate for this lexicon (made once per
    lexicon: a gate's word lists become tables of their own)."""
    kept = _GATES.get(id(lex))
    if kept is None:  # the lexicon is kept with its gates: its id stays its own
        gated = tuple((read, gate and gate(lex)) for read, gate in READERS)
        kept = _GATES[id(lex)] = (lex, gated)
    return kept[1]


_GATES: dict[int, tuple[Lexicon, tuple[tuple[Callable, Gate | None], ...]]] = {}


def _sure_places(candidates) -> frozenset[str]:
    """Places the article names unambiguously somewhere ('in Moscow'), so that "Moscow's
    airports" elsewhere in the same article is read as a place too."""
    return frozenset(m.key for maybe in candidates for m in places_among(maybe))


class _Sources:
    """Who each sentence's information comes from (``attribution_of``), read only when asked:
    by a claim of the sentence, by a quotation it leaves open (its speaker speaks on in the
    sentences after), or by a later sentence of its paragraph that names no source and
    carries this one ("Police said ... . The man was possibly targeted."). Most sentences
    make no claim, and saying who speaks is the dearest part of reading a sentence."""

    def __init__(self, sentences: Sequence[Sentence], tokens: Sequence[list[Tok]], lex) -> None:
        self.sentences, self.tokens, self.lex = sentences, tokens, lex
        self.speaker = [""]  # per sentence read: who speaks in a quotation open at its start
        self.own: dict[int, str] = {}  # sentence -> its own source, or its speaker's
        self.found: dict[int, tuple[str, bool]] = {}  # sentence -> (attribution, inherited)

    def read(self, k: int) -> None:
        """Sentence k is read: whether a quotation is open after it, and who speaks there."""
        was_open = bool(self.speaker[k])
        opens = opens_quote(self.sentences[k].text, was_open)
        self.speaker.append(self.of(k)[0] if opens else "")

    def of(self, k: int) -> tuple[str, bool]:
        """(attribution, inherited) of sentence k, whose speaker is known: its own source, or
        the speaker of an open quotation, or the checkable source of the sentence before in
        the same paragraph. The sentences before it are read back, without recursion, as far
        as that carrying goes."""
        chain, j = [], k
        while j not in self.found:
            chain.append(j)
            if self._own(j) or not self._continues(j):
                break
            j -= 1
        for j in reversed(chain):
            self.found[j] = self._resolved(j)
        return self.found[k]

    def _own(self, j: int) -> str:
        if j not in self.own:
            text = self.sentences[j].text
            self.own[j] = attribution_of(self.tokens[j], text, self.lex) or self.speaker[j]
        return self.own[j]

    def _continues(self, j: int) -> bool:
        """Sentence j is in the paragraph of the sentence before."""
        return j > 0 and self.sentences[j - 1].paragraph == self.sentences[j].paragraph

    def _resolved(self, j: int) -> tuple[str, bool]:
        """Sentence j's attribution, that of the sentence before being known when needed."""
        own = self._own(j)
        if own:
            return own, False
        if self._continues(j):
            before = self.found[j - 1][0]
            if is_concrete_source(before, self.lex):
                return before, True
        return "", False


class _PeopleNamed:
    """Who an article names, sentence by sentence, read only when asked: who was named last
    before a sentence ("She was 91.": a few sentences of an article), and the names of the
    first sentences for grouping's people rule (``Extraction.names``), not for every one.
    Each sentence's names are read at most once."""

    def __init__(self, tokens: Sequence[list[Tok]], lex) -> None:
        self.tokens, self.lex = tokens, lex
        self.named: dict[int, list[tuple[Name, int, int]]] = {}  # sentence -> its names

    def named_in(self, k: int) -> list[tuple[Name, int, int]]:
        """The full names of sentence k (``person_mentions``)."""
        if k not in self.named:
            self.named[k] = person_mentions(self.tokens[k], self.lex)
        return self.named[k]

    def last_before(self, k: int) -> Name | None:
        """The person named last in the sentences before sentence k, None when there is none."""
        for j in range(k - 1, -1, -1):
            named = self.named_in(j)
            if named:
                return named[-1][0]
        return None
