"""Tokens -> feature bags: what in one article can identify its event.

Families (the first letter of a feature): ``p`` a name: a capitalised word where a capital
means a name (not the first word of a sentence, not in a title-case or all-caps line, unless
the article writes the same word as a name elsewhere; a word the collection also writes in
lower case, or a weekday, month, direction or street word, is no name on its own); ``q`` two
adjacent names ("vladislav shapsha", "sapp drive"); ``u`` a number with the word after it
("6500 block", "15 year-old", "40 drones"); ``d`` a day of a month ("may 2", "2 May", "May
2nd", as the text layer's date reader reads them); ``y`` a year; ``n`` a bare number; ``w``
any other content word; ``a`` an anchor fact (added from the claims, see ``anchors.py``).
Phone numbers and web or mail addresses are skipped (contact boilerplate). Features of the
first sentence (the headline) count ``group_lede_weight`` times: it names the event.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from functools import lru_cache

from checker.group.words import AGE_WORDS, GENERIC, STOPWORDS
from checker.lexicons import Lexicon, lexicon
from checker.load import title_of
from checker.model import Article
from checker.settings import Settings
from checker.text.dates import MONTHS
from checker.text.numbers import number_word_value
from checker.text.pages import own_text
from checker.text.streets import street_key
from checker.text.tokens import SPACED_TOKEN

_ORDINAL = frozenset(("st", "nd", "rd", "th"))
# Marks never inside a word (no letter, digit, underscore or space): at a piece's edge each
# is a token of its own (``words_of``).
_EDGE_MARKS = "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~“”‘’–—…•«»"
_NUMBER_WORD = re.compile(r"(\d+)-(.+)")
# Where a sentence ends: after [.!?…] and closing marks, white space before a capital, a
# digit or an opening mark ("(?<=[.!?…])[closers]*\s+(?=[openers]?[A-Z0-9])"), or line
# breaks ("\n+"). Written so that every match starts by taking one closer or white-space
# character (the regular expression engine then skips fast to the next such character);
# the look-behinds after it check what came before: same matches as the plain form.
_CLOSERS = "\"”’')\\]"
_NEXT = r"(?=[\"“‘'(\[]?[A-Z0-9])"
_SENT_END = re.compile(
    rf"[{_CLOSERS}\s](?:(?<=[.!?…][{_CLOSERS}])[{_CLOSERS}]*\s+{_NEXT}"
    rf"|(?<=[.!?…]\s)\s*{_NEXT}|(?<=\n)\n*)"
)
_LEX = lexicon()  # number words, for ages spelt out (a table no configuration extends)
_POSSESSIVE = re.compile(r"['’]s$")
# Phone numbers, web and mail addresses: contact boilerplate, not facts of an event. A phone
# number starts with three digits after no word character ("\b\d{3}", written to start with
# the digit, so that the engine skips fast to the next digit).
_PHONE = re.compile(r"\d(?<!\w\d)\d\d(?:\)?[ .\-]?\d{3}[ .\-](?:\d{4}|[A-Z]{4})|[ .\-][A-Z]{4})\b")
_WEB = re.compile(r"\bhttps?://\S+|\bwww\.\S+|(?<!\S)[^\s@]+@[^\s@]+\.\w+")


def _strip_contacts(text: str) -> str:
    text = _PHONE.sub(" ", text)
    if "@" in text or "http" in text or "www." in text:
        text = _WEB.sub(" ", text)
    return text


@dataclass(slots=True)
class Doc:
    """One article's tokens, then its features (``counts`` is filled by ``add_features``)."""

    sentences: list[list[str]]  # tokens of each sentence, the title first
    plain: list[bool]  # False for a title-case or all-caps line
    names: set[str]  # keys written capitalised where a capital means a name
    lower: set[str]  # words written in lower case
    counts: dict[str, float]  # feature -> weighted count
    surface: dict[str, str]  # feature -> how it was first written
    distinct: set[str]  # every token, once


def words_of(line: str) -> list[str]:
    """The words and numbers of a line, read by the one tokenizer (``checker.text.tokens``):
    punctuation dropped, "23-year-old" as "23" and "year-old", "46th" as one token.

    Most of a line is plain words with a mark at an edge ("said," "(AP)"): the line is cut
    at its spaces, and a piece that is all letters once its edge marks are stripped is that
    word (the tokenizer reads each mark as a token of its own and the letters as one word;
    grouping drops marks). The other pieces (figures, hyphens, apostrophes, anything
    else) are read by the tokenizer together with their neighbours of the same kind, as the
    line's own text (``_read_tokens``). A piece is read on its own only where that cannot
    change a word: no token reaches over a space from or into a piece of letters (only a
    figure does, "1, 400"), and "th" after a mark ("5.th") may join a number before it."""
    pieces = line.split(" ")
    cores = [piece.strip(_EDGE_MARKS) for piece in pieces]
    if all(map(str.isalpha, cores)):
        return cores  # words only: nothing for a figure or an ordinal to join
    out: list[str] = []
    rest: list[str] = []  # pieces not read yet, in order
    for piece, core in zip(pieces, cores, strict=True):
        if core.isalpha() and (piece[0] == core[0] or core.lower() not in _ORDINAL):
            if rest:
                _read_tokens(" " + " ".join(rest), out)  # a space before, as in the line
                rest = []
            out.append(core)
        else:
            rest.append(piece)
    if rest:
        _read_tokens(" " + " ".join(rest), out)
    return out


def _read_tokens(text: str, out: list[str]) -> None:
    """Add to ``out`` the words and numbers of ``text`` (``words_of``), after those of what
    came before it (an ordinal written directly after a number joins it). The tokenizer's
    regular expression directly: no ``Tok`` objects, grouping needs no offsets (a token
    with no white space before it follows the previous token directly)."""
    for space, token in SPACED_TOKEN.findall(text):
        first = token[0]
        if first.isdecimal():
            joined = _NUMBER_WORD.fullmatch(token)
            if joined:
                out += [joined.group(1), joined.group(2)]
            else:
                out.append(token.replace(" ", ""))
        elif first.isalpha():
            if not space and out and token.lower() in _ORDINAL and out[-1].isdecimal():
                out[-1] += token
            elif "-" in token and (spelled := _spelled_number(token)):
                out += spelled  # "four-year-old" as "4" and "year-old", as "4-year-old" is
            else:
                out.append(token)


def _spelled_number(token: str) -> list[str]:
    """An age spelt out, 'Four-year-old' -> ['4', 'year-old'] and 'twenty-three-year-old' ->
    ['23', 'year-old'], as '4-year-old' is read (the number by the text layer's reader of
    number words); [] for any other token."""
    *number, unit, old = token.lower().split("-")
    value = number_word_value("-".join(number), _LEX) if number and old == "old" else None
    return [str(value), f"{unit}-old"] if value else []


def _sentences(text: str) -> list[str]:
    return [s for s in _SENT_END.split(text) if s.strip()]


def is_headline(line: str, toks: list[str]) -> bool:
    """A title-case or all-caps line: its capitals say nothing about names.

    Stricter than ``checker.text.names.is_headline`` (85 % of the longer words capitalised,
    not 70 %): a lede dense with names ("Officer Daniel Okafor, a 34-year-old, was shot
    outside the Lakeview Diner on 4300 Harmon Avenue.") is no headline, and its names are
    what groups reports (with the shared one, GVA dev pair F1 falls from 0.881 to 0.874)."""
    if line.isupper():
        return sum(t[0].isalpha() for t in toks) >= 3
    if len(toks) > 40:  # a title-case line is short; skip the count for long sentences
        return False
    words = [t[0] for t in toks if len(t) > 3 and not t[0].isdecimal()]
    return len(words) >= 3 and sum(map(str.isupper, words)) >= 0.85 * len(words)


@lru_cache(maxsize=1 << 16)
def key_of(token: str) -> str:
    return _POSSESSIVE.sub("", token.lower()).replace("’", "'")


@lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def tokenize(article: Article, text: str | None = None) -> Doc:
    """The article's sentences as tokens, the title first (once). ``text``: the article's
    ``own_text`` when the caller has it already (else it is worked out here)."""
    text = own_text(article.text) if text is None else text
    title = " ".join(article.title.split())
    first_line = title_of(text)
    if title and " ".join(first_line.split()) != title:
        text = f"{title}\n{text}"  # a text that starts with its title has it once
    sentences, plain = [], []
    for line in _sentences(_strip_contacts(text)):
        toks = words_of(line)
        if toks:
            sentences.append(toks)
            plain.append(not is_headline(line, toks))
    body = [toks for toks, ok in zip(sentences, plain, strict=True) if ok]
    # Each distinct token tested once, not once per time it is written: the sets are made
    # in C from the lines, then filtered.
    inner = set().union(*[toks[1:] for toks in body])  # after the first word of a line
    names = set(map(key_of, [t for t in inner if t[0].isupper()]))
    inner.update([toks[0] for toks in body])
    lower = {t for t in inner if t[0].islower()}
    heads = [toks for toks, ok in zip(sentences, plain, strict=True) if not ok]
    return Doc(sentences, plain, names, lower, {}, {}, inner.union(*heads))


def common_words(lowers: Iterable[Set[str]], settings: Settings) -> set[str]:
    """Collection statistic: words that name no one on their own (generic words, street
    words, and words written in lower case by ``group_common_df`` articles or more);
    ``lowers``: the words each article writes in lower case."""
    return common_of(Counter(w for lower in lowers for w in lower), settings)


def common_of(lower_df: Mapping[str, int], settings: Settings) -> set[str]:
    """``common_words`` from the number of articles that write each word in lower case."""
    streets = lexicon(settings.lexicon_additions).street_words
    return (
        set(GENERIC) | streets | {w for w, c in lower_df.items() if c >= settings.group_common_df}
    )


def add_features(doc: Doc, common: set[str], settings: Settings) -> None:
    """Fill doc.counts and doc.surface; ``common``: words that name no one on their own."""
    named = own_features(doc, settings)
    drop_common(doc.counts, doc.surface, named, common)


def own_features(doc: Doc, settings: Settings) -> frozenset[str]:
    """Fill doc.counts and doc.surface from this article alone, a name feature for every
    word written as a name; return those words' keys. Which of them the collection writes in
    lower case (``common``) is known only when every article is read: ``drop_common`` then
    removes theirs, and the bags are as if they had never been counted (the remaining keys
    keep their order, so every sum adds the same terms in the same order)."""
    counts, surface, names = doc.counts, doc.surface, doc.names
    get, keep = counts.get, surface.setdefault
    lede, lede_weight = settings.group_lede_sentences, settings.group_lede_weight
    named: set[str] = set()
    known = _WORDS.get
    lex = lexicon(settings.lexicon_additions)
    spelt = lex.street_abbreviations.get
    for number, (toks, ok) in enumerate(zip(doc.sentences, doc.plain, strict=True)):
        weight = lede_weight if number < lede else 1.0
        prev_name = prev_shown = ""
        for pos, tok in enumerate(toks):
            read = known(tok)  # never a number: ``_word`` reads no number
            if read is None:
                if tok[0].isdecimal():
                    prev_name = ""
                    for feature, shown in _number_features(toks, pos, lex):
                        counts[feature] = get(feature, 0) + weight  # no Counter.__missing__
                        keep(feature, shown)
                    continue
                read = _word(tok)
            key, upper, word = read
            name = upper and ((pos and ok) or key in names)  # upper: never for no key
            feature, shown = ("p:" + key, tok) if name else (word, key)
            if feature:
                # counts and surface hold the same keys: a feature seen before has its form
                seen = get(feature)
                if seen is None:
                    counts[feature] = weight
                    surface[feature] = shown
                else:
                    counts[feature] = seen + weight
            if not name:
                prev_name = ""
                continue
            named.add(key)
            if prev_name:
                feature = f"q:{prev_name} {spelt(key, key)}"  # "Orange Ave" = "Orange Avenue"
                counts[feature] = get(feature, 0) + weight
                keep(feature, f"{prev_shown} {tok}")
            prev_name, prev_shown = key, tok
    return frozenset(named)


# Distinct tokens read by ``_word`` (a plain dict: a look-up costs less than lru_cache's;
# emptied when full).
_WORDS: dict[str, tuple[str, bool, str]] = {}
_WORDS_KEPT = 1 << 16


def _word(tok: str) -> tuple[str, bool, str]:
    """How ``own_features`` reads a token that is not a number, once per distinct token
    (kept in ``_WORDS``): its key ("" for a stopword or a single letter: no feature),
    whether it is capitalised, and its word feature ("" when too short to be one)."""
    key = key_of(tok)
    if key in STOPWORDS or len(key) < 2:
        read = "", False, ""
    else:
        read = key, tok[0].isupper(), "w:" + singular(key) if len(key) > 2 else ""
    if len(_WORDS) >= _WORDS_KEPT:
        _WORDS.clear()
    _WORDS[tok] = read
    return read


def _number_features(toks: list[str], pos: int, lex: Lexicon) -> list[tuple[str, str]]:
    """The features of the number at ``pos`` (as ``(feature, as written)``): a day of a month,
    a year (not a house number), or a bare number and the number with its word ("6500
    block"; a street word abbreviated is spelt out: "30th St." is "30th street")."""
    tok, months = toks[pos], MONTHS
    num = tok.replace(",", "")
    day = _day_of_month(toks, pos, num)
    if day:
        return [day]
    year = len(num) == 4 and num.isdecimal() and 1900 <= int(num) <= 2099
    if year and not _house_number(toks, pos, lex.street_words):
        return [(f"y:{num}", tok)]
    out = [(f"n:{num}", tok)]
    if pos + 1 < len(toks) and toks[pos + 1][0].isalpha():
        nxt = key_of(toks[pos + 1])
        if nxt not in STOPWORDS and nxt not in months:
            word = singular(nxt)
            word = lex.street_abbreviations.get(word, word)
            out.append((f"u:{num} {word}", f"{tok} {toks[pos + 1]}"))
    return out


def _day_of_month(toks: list[str], pos: int, num: str) -> tuple[str, str] | None:
    """The day the number at ``pos`` names with the month written before it ("May 2") or
    after it, capitalised ("27 November", "16 December 2008": news outside the US writes the
    day first; "2 may" is a verb), as ``(feature, as written)``; None when it names none."""
    if num[-2:].lower() in _ORDINAL:
        num = num[:-2]  # "December 22nd"
    if not num.isdecimal() or int(num) > 31:
        return None
    before = key_of(toks[pos - 1]) if pos else ""
    if before in MONTHS:
        return f"d:{MONTHS[before]:02d}-{int(num):02d}", f"{toks[pos - 1]} {toks[pos]}"
    nxt = toks[pos + 1] if pos + 1 < len(toks) else ""
    after = key_of(nxt) if nxt[:1].isupper() else ""
    if after in MONTHS and int(num) >= 1:
        return f"d:{MONTHS[after]:02d}-{int(num):02d}", f"{toks[pos]} {nxt}"
    return None


def _house_number(toks: list[str], pos: int, streets: Set[str]) -> bool:
    """Whether the number at ``pos`` is a house number: up to three capitalised words (or
    figures) and then a street word follow it ("1912 S. Orange Ave."), as the text layer reads
    an address (``checker.text.numbers``)."""
    for k in range(pos + 1, min(len(toks), pos + 6)):
        word = key_of(toks[k])
        if k > pos + 1 and word in streets:
            return True
        if not (toks[k][:1].isupper() or toks[k][:1].isdigit()):
            return False
    return False


def drop_common(
    counts: dict[str, float], surface: dict[str, str], named: Set[str], common: Set[str]
) -> None:
    """Remove the name features of words the collection writes in lower case (``common``)."""
    for key in named & common:
        del counts["p:" + key]
        del surface["p:" + key]


def addresses(features: Iterable[str], lex: Lexicon) -> frozenset[str]:
    """Street addresses an article gives: "6500 block", "46th street", "sapp drive", each in
    the text layer's one form ("Pike St." and "Pike Street" are one street; a court is none)."""
    found = (
        street_key(f[2:].split(), lex)
        for f in features
        if f[0] in "uq" and f.rsplit(" ", 1)[-1] in lex.street_words
    )
    return frozenset(k for k in found if k)


def ages(features: Iterable[str]) -> frozenset[str]:
    """Ages an article gives ("15-year-old" -> "15")."""
    return frozenset(
        f[2:].split(" ", 1)[0]
        for f in features
        if f[0] == "u" and f.rsplit(" ", 1)[-1] in AGE_WORDS
    )
