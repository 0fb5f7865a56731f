"""What every claim kind shares: the sentence being read, the event being judged, findings.

A claim kind is one module with a ``read(ctx)`` that yields the claims of one sentence and a
``judge(ev)`` that yields the findings of one event; ``registry.py`` lists them. The two
contexts below are all a kind gets, so a kind never reaches into another stage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from checker.align import Alignment, claim_order, similar_sentences
from checker.claims import scope
from checker.claims.attribution import attribution_of
from checker.lexicons import Lexicon, lexicon
from checker.model import (
    Article,
    Claim,
    ClaimKind,
    Event,
    Figure,
    Finding,
    Note,
    Sentence,
    Slot,
    Verdict,
    format_number,
)
from checker.settings import Settings
from checker.text.names import Name
from checker.text.places import PlaceMention, earlier_place, nearest_place
from checker.text.tokens import Phrases, Tok, tokenize

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Gate:
    """What a sentence must hold for a reader to find anything in it, as ``sentence_bits``:
    any of ``anyof`` (tables, word lists, traits), or all of one of ``allof``. Declared next
    to the reader (its ``gate(lex)``), from the same tables its own first test asks, so that
    a closed gate changes nothing but the time: the reader is not started."""

    anyof: int = 0
    allof: tuple[int, ...] = ()

    @classmethod
    def of(cls, *needs: Phrases | int, allof: Sequence[Sequence[Phrases]] = ()) -> Gate:
        """Any of ``needs`` (a table, or the bit of a word list or a trait), or all the tables
        of one group of ``allof``."""
        groups = tuple(_bits(group) for group in allof)
        return cls(_bits(needs), groups)

    def opens(self, bits: int) -> bool:
        """Whether a sentence with these bits may hold something for the reader."""
        if bits & self.anyof:
            return True
        return any(bits & group == group for group in self.allof)


def _bits(needs: Iterable[Phrases | int]) -> int:
    """The bits of tables, word lists and traits together."""
    out = 0
    for need in needs:
        out |= need.bit if isinstance(need, Phrases) else need
    return out


@dataclass
class Context:
    """One sentence being read. ``used`` holds token positions an earlier kind has claimed,
    so two kinds never read the same words twice (a count is not also a bare fact)."""

    sentence: Sentence
    toks: list[Tok]
    places: list[PlaceMention]
    inherited: str  # place of the preceding sentences
    frame: str  # place set up at the start of the sentence
    lex: Lexicon
    settings: Settings
    named_last: Callable[[], Name | None] = lambda: None  # who an earlier sentence named last
    # who the sentence's information comes from, and whether from the sentence before: read
    # when a claim asks (``extract._Sources``), since most sentences make no claim
    source: Callable[[], tuple[str, bool]] = lambda: ("", False)
    used: set[int] = field(default_factory=set)
    so_far: list[Claim] = field(default_factory=list)  # claims of this sentence read so far
    following: list[Tok] = field(default_factory=list)  # tokens of the next sentence, if any

    @cached_property
    def notes(self) -> frozenset[Note]:
        """What the whole sentence says about how its figures count (``scope.sentence_notes``):
        read when a claim or a reader first asks, since most sentences make no claim."""
        return scope.sentence_notes(self.toks, self.lex)

    @property
    def attribution(self) -> str:
        """Who the sentence says its information comes from ('' when unsaid)."""
        return self.source()[0]

    @property
    def attribution_inherited(self) -> bool:
        """Whether the attribution continues the sentence before's."""
        return self.source()[1]

    def place_of(self, first: int, last: int) -> tuple[str, bool]:
        """(place, inherited) of the words [first, last)."""
        place = (
            nearest_place(self.toks, self.places, first, last)
            or self.frame
            or earlier_place(self.places, first)
        )
        if not place and self.inherited:
            return self.inherited, True
        return place, False

    def claim(
        self,
        kind: ClaimKind,
        first: int,
        last: int,
        what: str,
        predicate: str,
        place: str | None = None,
        person: str = "",
        notes: frozenset[Note] | None = None,
        **payload,
    ) -> Claim:
        toks, s = self.toks, self.sentence
        start, end = toks[first].start, toks[last - 1].end
        inherited = False
        if place is None:
            place, inherited = self.place_of(first, last)
        return Claim(
            article=s.article,
            sentence=s.index,
            kind=kind,
            slot=Slot(what, predicate, place, person),
            quote=s.text[start:end],
            text=s.text,
            start=start,
            end=end,
            place_inherited=inherited,
            attribution=self.attribution,
            attribution_inherited=self.attribution_inherited,
            notes=self.notes if notes is None else notes,
            **payload,
        )


@dataclass
class EventContext:
    """One event being judged: its articles, sentences, claims and their alignments."""

    event: Event
    articles: Mapping[str, Article]
    sentences: Mapping[str, Sequence[Sentence]]
    pool: tuple[Claim, ...]
    alignments: tuple[Alignment, ...]
    settings: Settings
    copied: frozenset[tuple[str, int]] = frozenset()  # sentences another article carries too
    _once: dict = field(default_factory=dict, repr=False, compare=False)
    _tokens: dict[str, list[Tok]] = field(default_factory=dict, repr=False, compare=False)
    _sources: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ids(self) -> list[str]:
        return sorted(self.event.articles)

    def once(self, read: Callable[[EventContext], T]) -> T:
        """``read(self)``, computed once for this event however many rules ask (the facts
        counts and measures are both judged against)."""
        if read not in self._once:
            self._once[read] = read(self)
        return self._once[read]

    def once_per(self, read: Callable[[EventContext, str], T], article: str) -> T:
        """``read(self, article)``, computed once per article of this event however many
        claims ask (whether a report is told through officials: every sentence is read)."""
        key = (read, article)
        if key not in self._once:
            self._once[key] = read(self, article)
        return self._once[key]

    def tokens(self, text: str) -> list[Tok]:
        """``tokenize(text)`` once for this event however many rules read the text (a framed
        sentence and its neighbours are read by several of the framing rule's helpers; on GVA
        dev a third of the judging's tokenizer calls were repeats). The tokens are shared:
        no rule changes them."""
        toks = self._tokens.get(text)
        if toks is None:
            toks = self._tokens[text] = tokenize(text)
        return toks

    def source(self, text: str) -> str:
        """``attribution_of`` a text of this event, read once however many rules ask."""
        found = self._sources.get(text)
        if found is None:
            found = self._sources[text] = attribution_of(self.tokens(text), text, self.lex)
        return found

    @cached_property
    def lex(self) -> Lexicon:
        """The lexicon the event's claims were read with (a configuration's additions too)."""
        return lexicon(self.settings.lexicon_additions)

    @cached_property
    def mine(self) -> dict[str, Sequence[Sentence]]:
        return {a: self.sentences.get(a, ()) for a in self.ids}

    @cached_property
    def ledes(self) -> dict[str, list[list[Tok]]]:
        """Each report's first ``happening_day_sentences`` sentences as tokens (read once for
        every rule that looks at what a lede says happened)."""
        n = self.settings.happening_day_sentences
        return {a: [self.tokens(s.text) for s in self.mine[a][:n]] for a in self.ids}

    @cached_property
    def too_big(self) -> bool:
        """Too many sentences to compare them with each other (``max_event_sentences``)."""
        total = sum(len(group) for group in self.mine.values())
        return total > self.settings.max_event_sentences

    @cached_property
    def support(self) -> dict[tuple[str, int], tuple[tuple[str, int, float], ...]]:
        """For each sentence that frames (has a marker claim), the similar sentences of the
        other reports that frame too: all the framing rule asks about (computed once, by
        blocking on rare words: see ``checker.align.similar_sentences``)."""
        if self.too_big:
            return {}
        framing = {(c.article, c.sentence) for c in self.pool if c.kind == ClaimKind.MARKER}
        return similar_sentences(self.mine, self.settings, among=framing)

    @cached_property
    def shared(self) -> dict[tuple[str, int], list[Claim]]:
        """Claims that some other report also makes, by sentence (no scans of the pool)."""
        out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for al in self.alignments:
            if len(al.articles) > 1:
                for c in al.claims:
                    out[(c.article, c.sentence)].append(c)
        return out

    def in_order(self, kind: ClaimKind) -> list[Claim]:
        """The event's claims of one kind in reading order (report, sentence, position), the
        order pairwise rules walk them in."""
        return sorted(
            (c for c in self.pool if c.kind == kind), key=lambda c: (c.article, c.sentence, c.start)
        )

    def by_sentence(self, kind: ClaimKind) -> dict[tuple[str, int], list[Claim]]:
        out: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for c in self.pool:
            if c.kind == kind:
                out[(c.article, c.sentence)].append(c)
        return out

    def finding(
        self,
        verdict: Verdict,
        kind: str,
        slot: object,
        explanation: str,
        claims: Sequence[Claim],
        confidence: float = 1.0,
    ) -> Finding:
        ordered = tuple(sorted(claims, key=claim_order))
        level = self.settings.severity(verdict, kind)
        return Finding(
            "", self.event.id, verdict, kind, str(slot), explanation, level, ordered, confidence
        )


# --------------------------------------------------------------------------- wording


class ReportPairs:
    """Pairs of claims from two different reports, in the claims' order; once a pair of
    reports has its finding (``settle``), their other pairs are passed over: one finding per
    pair of reports, from their first pair that qualifies."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = claims
        self.done: set[tuple[str, str]] = set()

    def __iter__(self) -> Iterator[tuple[Claim, Claim]]:
        for i, a in enumerate(self.claims):
            for b in self.claims[i + 1 :]:
                if a.article != b.article and (a.article, b.article) not in self.done:
                    yield a, b

    def settle(self, a: Claim, b: Claim) -> None:
        self.done.add((a.article, b.article))


def clause_words(
    ctx: Context, first: int, last: int, reach: int, breaks: tuple[str, ...], after: bool
) -> frozenset[str]:
    """Lower-case content words of the clause around tokens [first, last), up to ``reach``
    tokens before (and after, with ``after``) and never past a break: what a time or a span
    dates ('struck', 'quake'; 'suffered', 'heart', 'attack')."""
    toks = ctx.toks
    spans = [range(first - 1, max(-1, first - 1 - reach), -1)]
    if after:
        spans.append(range(last, min(len(toks), last + reach)))
    out = set()
    for span in spans:
        for k in span:
            t = toks[k]
            if t.low in breaks or t.low in ctx.lex.clause_end:
                break
            if t.is_word and not t.capitalised and len(t.low) > 3:
                out.add(t.low)
    return frozenset(out - ctx.lex.auxiliaries)


def stated_tolls(pool: Sequence[Claim], lex: Lexicon) -> Iterator[Claim]:
    """Counts of people killed with a figure, not an update: the tolls a rule about the dead
    starts from, each rule adding what it must exclude (parts, background, inexact figures)."""
    for c in pool:
        if (
            c.kind == ClaimKind.QUANTITY
            and c.predicate == "killed"
            and c.unit in lex.people
            and c.figure is not None
            and Note.UPDATE not in c.notes
        ):
            yield c


def fmt(value: float | None) -> str:
    return "?" if value is None else format_number(value)


def fmt_claim(c: Claim) -> str:
    """A figure as the explanation shows it: 40, or the quote when it is a range."""
    if c.figure is None or c.kind == ClaimKind.MEASURE:
        return repr(c.quote)
    if c.kind == ClaimKind.AGE or c.figure.low == c.figure.high:
        return fmt(c.figure.value)
    return repr(c.quote)


def value_summary(claims: Sequence[Claim], show: Callable, sep: str = " vs ") -> str:
    """'40 (000, 001) vs 41 (002)': each distinct value with the reports that give it."""
    by_value: dict[str, list[str]] = defaultdict(list)
    for c in sorted(claims, key=claim_order):
        label = show(c)
        if c.article not in by_value[label]:
            by_value[label].append(c.article)
    return sep.join(f"{v} ({', '.join(a)})" for v, a in sorted(by_value.items()))


def consensus_summary(claims: Sequence[Claim], agree: Callable[[Claim, Claim], bool]) -> str:
    """'17 in 3 reports (b, c, d) vs 16 in 1 report (a)': the best-supported value first, so
    the consensus and the outliers read at a glance."""
    sides: list[list[Claim]] = []
    for c in sorted(claims, key=lambda c: (c.value or 0, claim_order(c))):
        home = next((side for side in sides if any(agree(c, o) for o in side)), None)
        if home is None:
            sides.append([c])
        else:
            home.append(c)
    sides.sort(key=lambda side: (-len({c.article for c in side}), side[0].value or 0))
    parts = []
    for side in sides:
        arts = sorted({c.article for c in side})
        values = "/".join(dict.fromkeys(fmt_claim(c) for c in side))
        word = "report" if len(arts) == 1 else "reports"
        parts.append(f"{values} in {len(arts)} {word} ({', '.join(arts)})")
    return " vs ".join(parts)


def figures_compatible(a: Claim, b: Claim) -> bool:
    return bool(a.figure and b.figure and a.figure.compatible(b.figure))


def exact(value: float) -> Figure:
    return Figure(value, value, value)
