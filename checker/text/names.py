"""Names of people: 'Norris Greenhouse Jr.', 'Sgt. Jane A. Doe', and title-case lines.

Titles ("Officer", "Sgt."), middle initials and suffixes ("Jr.") are not part of a name's key,
so one person written two ways is one person, and two people who share a surname stay two
people when their given names differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.lexicons import Lexicon
from checker.text.dates import is_date_word
from checker.text.tokens import Tok, capitalised_runs, low_at


@dataclass(frozen=True, slots=True)
class Name:
    """A person's name as a key: given name (may be empty) and surname, lower case."""

    given: str
    surname: str

    def __str__(self) -> str:
        return f"{self.given} {self.surname}".strip()

    def same_person(self, other: Name) -> bool:
        """Same surname, and the same given name where both are known."""
        if self.surname != other.surname:
            return False
        return not (self.given and other.given) or self.given == other.given


def is_headline(toks: Sequence[Tok]) -> bool:
    """Title Case lines capitalise every word, so a capital there says nothing about names. A
    headline has no full stop; a short sentence full of names ("Esther Williams died
    Thursday.") is no headline."""
    if toks and toks[-1].low in (".", "!", "?"):
        return False
    words = [t for t in toks if t.is_word and len(t.low) > 3]
    return len(words) >= 4 and sum(t.capitalised for t in words) >= 0.7 * len(words)


def _name_word(tok: Tok) -> bool:
    return tok.capitalised and tok.is_word


def _key(words: list[str], lex: Lexicon) -> Name | None:
    """Drop titles, initials and suffixes; the last word left is the surname."""
    words = [w.rstrip(".") for w in words]
    while words and words[0] in lex.name_titles:
        words.pop(0)
    while words and words[-1] in lex.name_suffixes:
        words.pop()
    core = [w for w in words if len(w) > 1]
    if not core or _not_a_name(core[-1], lex):
        return None
    given = core[0] if len(core) > 1 else ""
    return Name(given, core[-1])


def _not_a_name(word: str, lex: Lexicon) -> bool:
    return (
        len(word) < 2
        or is_date_word(word)
        or word in lex.not_places
        or word in lex.place_suffixes
        or word in lex.name_titles
    )


def name_before(toks: Sequence[Tok], stop: int, lex: Lexicon) -> tuple[Name | None, int]:
    """The name ending just before index ``stop`` ('Norris Greenhouse Jr.', 'Jane A. Doe'):
    (name, first token) or (None, -1)."""
    j = stop - 1
    if low_at(toks, j) == ".":
        j -= 1
    words: list[str] = []
    while j >= 0 and (
        _name_word(toks[j]) or (toks[j].low == "." and j > 0 and len(toks[j - 1].low) <= 3)
    ):
        if toks[j].low != ".":
            words.insert(0, toks[j].low)
        j -= 1
    name = _key(words[-4:], lex)
    return (name, j + 1) if name else (None, -1)


def name_after(toks: Sequence[Tok], i: int, lex: Lexicon) -> tuple[Name | None, int, int]:
    """A name right after index i, one lower-case role word allowed ('officer Jane Doe'):
    (name, first, last) or (None, -1, -1). A single capitalised word is a surname only when
    nothing but a verb or punctuation follows it ('the 40-year-old Thompson was'), not
    before a noun ('the 23-year-old Chicago man')."""
    j = i
    if j < len(toks) and toks[j].is_word and not toks[j].capitalised:
        j += 1
    start = j
    words: list[str] = []
    while j < len(toks) and (
        _name_word(toks[j]) or (toks[j].low == "." and len(low_at(toks, j - 1)) <= 3)
    ):
        if toks[j].low != ".":
            words.append(toks[j].low)
        j += 1
    core = [w for w in words if len(w) > 1 and w not in lex.name_titles]
    lone_surname = len(core) == 1 and start == i and _ends_name(toks, j, lex)
    if len(core) < 2 and not lone_surname:
        return None, -1, -1
    name = _key(words, lex)
    return (name, start, j) if name else (None, -1, -1)


def _ends_name(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    nxt = toks[j] if j < len(toks) else None
    return nxt is None or not nxt.is_word or nxt.low in lex.after_surname


def edit_distance_one(a: str, b: str) -> bool:
    """'Stafford' / 'Staffford', 'Greenhouse' / 'Greenhous': one letter changed, added or
    dropped in a word of five letters or more: a spelling variant, shown as such."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    k = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[k:] == long[k + 1 :]


def person_mentions(toks: Sequence[Tok], lex: Lexicon) -> list[tuple[Name, int, int]]:
    """Names of people written in full ('Bettie Page', 'Sgt. Ray Kelly'): runs of two or three
    capitalised words that are no place, date or title alone. Title-case lines say nothing."""
    runs = capitalised_runs(toks, least=2)  # a full name is two words at least
    if not runs or is_headline(toks):
        return []
    found = []
    for i, j in runs:
        words = [t.low for t in toks[i:j]]
        if _could_be_full_name(_after_titles(words, lex), lex):
            name = _key(words, lex)
            if name and name.given:
                found.append((name, i, j))
    return found


def _after_titles(words: list[str], lex: Lexicon) -> list[str]:
    """A title opening the run ("Officer", "Sheriff", "Mr") is read as a title even where the
    same word alone is no name ("the Sheriff's Office"): 'Officer Jane Doe' is Jane Doe."""
    k = 0
    while k < len(words) and words[k] in lex.name_titles:
        k += 1
    return words[k:]


def _could_be_full_name(words: list[str], lex: Lexicon) -> bool:
    """Two to four words, none a place word or a date, the last no street word ('Orange Ave')
    unless it is also a surname ('Jordan Lane')."""
    return (
        2 <= len(words) <= 4
        and (words[-1] not in lex.street_words or words[-1] in lex.surname_street_words)
        and not any(_stop_word(w, lex) for w in words)
    )


def _stop_word(word: str, lex: Lexicon) -> bool:
    return word in lex.not_places or word in lex.place_suffixes or is_date_word(word)


def subject_before(toks: Sequence[Tok], stop: int, lex: Lexicon) -> Name | None:
    """Who a clause ending at ``stop`` is about: the first full name of the sentence before it
    ('Esther Williams, whose ... died in California at the age of 91'), else a surname that
    opens the sentence before a comma or verb ('Page, aged 85', 'Page died at 85')."""
    for name, _first, _last in person_mentions(toks[:stop], lex):
        return name
    if stop > 0 and _name_word(toks[0]) and _ends_name(toks, 1, lex):
        name, _ = name_before(toks, 1, lex)
        return name
    return None
