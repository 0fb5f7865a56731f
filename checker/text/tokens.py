"""Tokens with character offsets, and phrase tables matched on them.

One tokenizer for the whole checker: a quote is always an exact substring of its sentence
because every rule works on these offsets and nothing is re-parsed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

# Words come first (most tokens are words, and a word starts with a letter, a number with a
# digit, so the order of the two changes no match); possessive repeats (``*+``) never give
# back a letter, since what may follow a word's letters is never a letter. The numbers' three
# forms share their first digit: 1,000 / 12,500.5 / "1, 400" (re-joined tokens); 23-year-old
# (6.1-magnitude is handled as number + word); 40, 6.1, 21:00.
TOKEN = re.compile(
    r"[^\W\d_][^\W_]*+(?:[-'’][^\W\d_][^\W_]*+)*+"  # words, inner hyphens and apostrophes
    r"|\d(?:\d{0,2}(?:, ?\d{3}(?!\d))+(?:\.\d+)?|\d*(?:-[^\W\d_]+)+|\d*(?:[.:]\d+)*)"
    r"|\S"
)
# Punctuation that ends the reach of a rule looking for the words around a figure.
PUNCT_BREAK = frozenset({";", ":", "(", ")", "—", "–", "?", "!", '"', "“", "”"})
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", ":"})
# A token and the white space before it (all that lies between two tokens: ``\S`` is one).
SPACED_TOKEN = re.compile(rf"(\s*+)({TOKEN.pattern})")


class Tok(NamedTuple):
    """One token and its offsets, built by ``tokenize`` only. A named tuple rather than a
    frozen dataclass: a text makes tens of tokens per sentence, and a tuple is built several
    times faster. The three properties every reader asks about are read once, here, instead
    of once per question (millions of calls on a corpus)."""

    text: str
    low: str
    start: int
    end: int
    capitalised: bool  # text[:1].isupper()
    is_word: bool  # low[:1].isalpha()
    is_digits: bool  # plain decimal digits that int() reads ('²' passes isdigit(), not int())


class Toks(list):
    """The tokens of one text, with their lower-cased forms as a tuple (``lows``), so that
    phrase tables compare tuple slices instead of reading one attribute per token per table.
    Slices are plain lists; readers fall back to the tokens' own ``low``."""

    lows: tuple[str, ...] = ()
    digits: tuple[int, ...] | None = None  # filled by ``digit_positions`` when first asked
    tables: int | None = None  # filled by ``Phrases.may_match`` when asked again: see there
    asked: bool = False  # whether ``Phrases.may_match`` was asked about these tokens


def tokenize(text: str) -> list[Tok]:
    """The tokens of ``text`` with their offsets, each starting after the white space before
    it (``SPACED_TOKEN``: all that lies between two tokens): ``findall`` makes no match object
    per token, which cost more than the token itself, and no search for where it starts."""
    toks = Toks()
    append, lows, new = toks.append, [], _new_tok
    end = 0
    for space, word in SPACED_TOKEN.findall(text):
        start = end + len(space)
        end = start + len(word)
        # a word in lower case already is its own lower case (no second string for it:
        # ``lower`` changes no lower-case or uncased character, checked over all of Unicode)
        low = word if word.islower() else word.lower()
        lows.append(low)
        tok = (word, low, start, end, word[0].isupper(), low[0].isalpha(), low.isdecimal())
        append(new(Tok, tok))
    toks.lows = tuple(lows)
    return toks


def capitalised_words(toks: Sequence[Tok]) -> list[bool]:
    """Per token: a word that starts with a capital (``capitalised and is_word``), the stuff of
    names and places, read once per sentence rather than once per rule that walks a run."""
    return [t.capitalised and t.is_word for t in toks]


# a run of capitalised words, over one byte per token (1: a capitalised word), of any length
# or of two words at least (a full name)
_RUNS = {1: re.compile(rb"\x01+"), 2: re.compile(rb"\x01{2,}")}


def capitalised_runs(toks: Sequence[Tok], least: int = 1) -> list[tuple[int, int]]:
    """The runs [first, end) of at least ``least`` (1 or 2) capitalised words, in order:
    where places and names can be, found by one regular expression instead of a walk."""
    return [m.span() for m in _RUNS[least].finditer(bytes(capitalised_words(toks)))]


_new_tok = tuple.__new__  # Tok(...) without the keyword handling of the generated __new__


def lows_of(toks: Sequence[Tok]) -> tuple[str, ...]:
    """The lower-cased tokens: kept by ``tokenize``, rebuilt for a slice or a hand-made list."""
    if type(toks) is Toks and len(toks.lows) == len(toks):
        return toks.lows
    return tuple(t.low for t in toks)


def digit_positions(toks: Sequence[Tok]) -> Sequence[int]:
    """Where the tokens that start with a digit are (``isdigit``: '²' too), in order: the
    only places a number, a year, an age, a clock time or a house number can start, so the
    readers of those walk a few positions instead of the whole sentence. Kept with the
    tokens of ``tokenize``, rebuilt for a slice or a hand-made list."""
    if type(toks) is not Toks or len(toks.lows) != len(toks):
        return [i for i, t in enumerate(toks) if t.low[:1].isdigit()]
    if toks.digits is None:
        toks.digits = tuple([i for i, low in enumerate(toks.lows) if low[:1].isdigit()])
    return toks.digits


def positions(toks: Sequence[Tok], words: Collection[str]) -> list[int]:
    """Where the tokens whose lower case is one of ``words`` (a set, or a dict's keys) are,
    in order. Most sentences have none of a table's words: one C-level test says so without
    a walk; the others are walked by one comprehension (no per-token Python statement)."""
    lows = lows_of(toks)
    if (words.keys() if isinstance(words, dict) else words).isdisjoint(lows):
        return []
    return [i for i, low in enumerate(lows) if low in words]


def tokens_of(text: str) -> tuple[str, ...]:
    """Lower-cased tokens, the unit all phrase tables are keyed on."""
    return tuple(m.group().lower() for m in TOKEN.finditer(text))


def low_at(toks: Sequence[Tok], i: int) -> str:
    """The lower-cased token at i, or '' outside the sentence (no bounds checks elsewhere)."""
    return toks[i].low if 0 <= i < len(toks) else ""


# Traits of a sentence that are no word of a table, kept in the low bits of its tables' bits
# (``sentence_bits``): a token that starts with a digit (every number, year, age, clock time,
# house number), a dash token ("52-3", "10 - 15"), a hyphen in any token ("twenty-two").
DIGIT, DASH, HYPHEN = 1, 2, 4


class _Tables:
    """Every phrase table of the process, one bit each, and for each word the bits of the
    tables it is an anchor word of, and of those one of whose phrases it starts: the words
    of a sentence looked up once tell which tables can match anywhere in it (``of``), in
    place of two set tests per table, about twenty tables per sentence."""

    def __init__(self) -> None:
        self.count = 3  # the bits of the traits: DIGIT, DASH, HYPHEN
        self.bits: dict[str, tuple[int, int]] = {}  # word -> (tables it anchors, starts)
        self.words: set[str] = set()  # the keys of ``bits``, for one C-level intersection

    def add(self, anchors: Iterable[str], firsts: Iterable[str]) -> int:
        """Register one table's words; its bit."""
        bit = 1 << self.count
        self.count += 1
        anchors, firsts = set(anchors), set(firsts)
        for word in anchors | firsts:
            anchoring, starting = self.bits.get(word, (0, 0))
            anchoring |= bit if word in anchors else 0
            starting |= bit if word in firsts else 0
            self.bits[word] = anchoring, starting
        self.words.update(anchors, firsts)
        return bit

    def of(self, lows: Sequence[str]) -> int:
        """The bits of the tables that may match in a text of these lower-cased words (only
        the few words some table knows are looked at)."""
        anchored = started = 0
        bits = self.bits
        for low in self.words.intersection(lows):
            anchoring, starting = bits[low]
            anchored |= anchoring
            started |= starting
        return anchored & started


_TABLES = _Tables()


def words_bit(words: Iterable[str]) -> int:
    """A bit set in ``sentence_bits`` when a sentence holds one of these words: a word list
    registered as a table of one-word phrases (once per list, not per sentence)."""
    words = frozenset(words)
    return _TABLES.add(words, words)


def sentence_bits(toks: Sequence[Tok]) -> int:
    """What a sentence holds, as bits: the tables that may match in it (``Phrases.may_match``)
    and its traits (``DIGIT``, ``DASH``, ``HYPHEN``). Worked out once, so that a reader that
    needs none of them (most readers, for most sentences) is not started at all."""
    lows = lows_of(toks)
    if type(toks) is Toks and len(toks.lows) == len(toks):
        if toks.tables is None:
            toks.tables = _TABLES.of(lows)
        bits = toks.tables
    else:
        bits = _TABLES.of(lows)
    if digit_positions(toks):
        bits |= DIGIT
    if "-" in lows or "–" in lows:
        bits |= DASH
    if "-" in "".join(lows):
        bits |= HYPHEN
    return bits


class Phrases(dict):
    """Token-tuple -> value, indexed by first token so a lookup costs what one word's phrases
    cost rather than one dict probe per possible length."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for key, value in self.items():
            if key:
                self.by_first.setdefault(key[0], []).append((key, value))
        for options in self.by_first.values():
            options.sort(key=lambda kv: (-len(kv[0]), kv[0]))
        # One word every phrase needs, its longest (a rarer word than "the" or "a"): a text
        # without any of these holds no phrase, whatever its first words.
        self.anchors = frozenset(max(key, key=len) for key in self if key)
        self.lasts = frozenset(key[-1] for key in self if key)  # for ``ending_at``
        self.bit = _TABLES.add(self.anchors, self.by_first)

    def __reduce__(self):
        """Rebuilt through ``__init__`` when unpickled, so that the table has its bit (and
        its words their entry in ``_TABLES``) in the process that reads it."""
        return type(self), (dict(self),)

    @classmethod
    def of(cls, mapping: dict[str, Iterable[str]]) -> Phrases:
        """canonical -> surface forms, the shape of the lexicon files."""
        table: dict[tuple[str, ...], str] = {}
        for canonical, forms in mapping.items():
            for form in forms:
                table.setdefault(tokens_of(form), canonical)
        return cls(table)

    @classmethod
    def set_of(cls, forms: Iterable[str]) -> Phrases:
        return cls({tokens_of(f): tokens_of(f) for f in forms})

    def match(self, toks: Sequence[Tok], i: int) -> tuple[int, object]:
        """Longest phrase starting at token i of ``toks``: (length, value) or (0, None)."""
        options = self.by_first.get(toks[i].low)
        if not options:
            return 0, None
        return _longest(options, lows_of(toks), i)

    def ending_at(self, toks: Sequence[Tok], end: int, longest: int = 4) -> tuple[int, object]:
        """Longest phrase whose last token is end - 1: (start, value) or (-1, None)."""
        if 0 < end <= len(toks) and toks[end - 1].low not in self.lasts:
            return -1, None  # no phrase of the table ends with that word (most tokens asked)
        kept = lows_of(toks) if type(toks) is Toks else None  # a slice's are not kept
        for n in range(min(longest, end), 0, -1):
            key = kept[end - n : end] if kept else tuple(t.low for t in toks[end - n : end])
            if key in self:
                return end - n, self[key]
        return -1, None

    def may_match(self, toks: Sequence[Tok]) -> bool:
        """Whether ``toks`` hold both an anchor word of the table and a word one of its
        phrases starts with: without them, no phrase of the table can be there (most
        sentences, for most tables). For the tokens of ``tokenize`` asked a second time (a
        sentence being read: about twenty tables), every table's answer is worked out at once
        (``_TABLES.of``) and kept with them; then it is one bit test. Tokens asked about once
        (a quote looked up in one table) are tested for this table alone."""
        if type(toks) is Toks and len(toks.lows) == len(toks):
            tables = toks.tables
            if tables is None and toks.asked:
                tables = toks.tables = _TABLES.of(toks.lows)
            if tables is not None:
                return bool(tables & self.bit)
            toks.asked = True
        lows = lows_of(toks)
        return not (self.anchors.isdisjoint(lows) or self.by_first.keys().isdisjoint(lows))

    def find_all(self, toks: Sequence[Tok]) -> list[tuple[int, int, object]]:
        """Non-overlapping matches (first, last, value), longest first, left to right."""
        found: list[tuple[int, int, object]] = []
        tables = toks.tables if type(toks) is Toks else None
        if tables is not None and len(toks.lows) == len(toks):  # a sentence being read
            if not tables & self.bit:
                return found  # ``may_match`` in one test: no phrase of the table can be there
            lows = toks.lows
        elif self.may_match(toks):
            lows = lows_of(toks)
        else:
            return found  # most sentences: no phrase of the table can be there
        by_first, free = self.by_first, 0
        # only where a phrase of the table can start: one exists, since ``may_match``
        for i in [i for i, low in enumerate(lows) if low in by_first]:
            if i >= free:
                n, value = _longest(by_first[lows[i]], lows, i)
                if n:
                    found.append((i, i + n, value))
                    free = i + n
        return found

    def covers(self, toks: Sequence[Tok]) -> set[int]:
        """Token positions inside any match."""
        return {i for f, la, _ in self.find_all(toks) for i in range(f, la)}


def _longest(options, lows: tuple[str, ...], i: int) -> tuple[int, object]:
    """The first of ``options`` (longest first) whose tokens follow at i: (length, value)."""
    for key, value in options:
        n = len(key)
        if n == 1 or lows[i : i + n] == key:
            return n, value
    return 0, None
