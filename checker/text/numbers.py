"""Numbers in text: digits, number words, qualifiers and ranges, read as intervals.

Rule-based on purpose: number libraries measured on this machine all invent numbers ("one
thing is clear" -> 1) and drop qualifiers ("more than 30"). A figure is an interval: "about
40" is 36-44, "more than 30" is above 30, "dozens" is vague.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from checker.lexicons import Lexicon
from checker.text.dates import MONTHS, is_year
from checker.text.tokens import (
    SENTENCE_OPENERS,
    Tok,
    digit_positions,
    low_at,
    lows_of,
    positions,
)

INF = math.inf
# Symbols before a number that make it a label or an amount of money, not a count.
LABEL_SYMBOLS = frozenset({"#", "$", "£", "€", "[", "¥", "₽"})
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True, slots=True)
class Figure:
    first: int  # token span of the figure, qualifier included
    last: int  # exclusive
    value: float
    low: float
    high: float
    vague: bool


def number_word_value(low: str, lex: Lexicon) -> int | None:
    if low in lex.number_words:
        return lex.number_words[low]
    if "-" in low:  # twenty-two
        parts = low.split("-")
        if len(parts) == 2 and all(p in lex.number_words for p in parts):
            tens, ones = (lex.number_words[p] for p in parts)
            if tens % 10 == 0 and tens >= 20 and 0 < ones < 10:
                return tens + ones
    return None


def parse_digits(low: str) -> float | None:
    if ":" in low:
        return None  # a clock time
    try:
        return float(low.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def read_number(toks: Sequence[Tok], i: int, lex: Lexicon) -> tuple[int, float] | None:
    """A plain number at token i: (end, value). Digits, number words, 'two hundred', 'a dozen'."""
    n, value = lex.number_phrases.match(toks, i)
    if n:
        return i + n, float(value)
    low = toks[i].low
    if low[:1].isdigit():
        value = parse_digits(low)
        if value is None:
            return None
        end = i + 1
    else:
        word = number_word_value(low, lex)
        if word is None:
            return None
        value, end = float(word), i + 1
    while end < len(toks) and toks[end].low in lex.multipliers:
        value *= lex.multipliers[toks[end].low]
        end += 1
    return end, value


def qualifier_before(toks: Sequence[Tok], i: int, lex: Lexicon) -> tuple[int, str]:
    start, how = lex.qualifiers.ending_at(toks, i, longest=3)
    return (start, how) if start >= 0 else (i, "")


def interval(value: float, how: str, tolerance: float) -> tuple[float, float]:
    if how == "approx":
        spread = max(value * tolerance, 1.0)
        return value - spread, value + spread
    return {
        "gt": (value, INF),  # "more than 70" next to "70" is an estimate, not a conflict
        "ge": (value, INF),
        "le": (0.0, value),
        "lt": (0.0, value),
        "near": (value * 0.85, value),
    }.get(how, (value, value))


def is_label(toks: Sequence[Tok], i: int, end: int, lex: Lexicon) -> bool:
    """A figure that names, dates or addresses something rather than counting it."""
    j = i - 1
    while j >= 0 and toks[j].low == ".":
        j -= 1
    before = low_at(toks, j)
    if before in lex.labels_before or before in LABEL_SYMBOLS:
        return True
    if toks[i].low[:1].isdigit() and j >= 1 and _names_a_thing(toks, j, lex):
        return True  # "News 12", "WAVE 3", "Apollo 11", "40 East 5th Ave" via labels_after
    if j >= 1 and before == "of" and toks[j - 1].low[:1].isdigit():
        return True  # "Image 3 of 9"
    if end < len(toks) and _label_after(toks, i, end, lex):
        return True
    low = toks[i].low
    return is_year(low) or (low.isdecimal() and len(low) >= 5)  # a year; phone, zip, case no.


def _label_after(toks: Sequence[Tok], i: int, end: int, lex: Lexicon) -> bool:
    nxt = toks[end].low
    joined = "".join(t.low for t in toks[end : end + 4])
    if nxt in lex.labels_after or joined.startswith(("a.m.", "p.m.")):
        return True
    if nxt in ("-", "–") and low_at(toks, end + 1) in lex.labels_after:
        return True
    if _street_number(toks, end, lex):
        return True  # "40 East 5th Ave", "1200 Main St."
    return nxt in MONTHS or (nxt == "," and i > 0 and toks[i - 1].low in MONTHS)


def _street_number(toks: Sequence[Tok], end: int, lex: Lexicon) -> bool:
    """A number followed by up to three capitalised words and a street word is an address."""
    for k in range(end, min(len(toks), end + 5)):
        low = toks[k].low
        if low in lex.street_words and k > end:
            return True
        if not (toks[k].capitalised or low[:1].isdigit() or low in ORDINAL_SUFFIXES):
            return False
    return False


def _names_a_thing(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """A capitalised word (not the first of the sentence, not a verb we know) right before a
    number is a name with a number in it."""
    word = toks[j]
    if not word.capitalised or not word.is_word or word.low in lex.number_words:
        return False
    if lex.predicates.match(toks, j)[0] or lex.qualifiers.match(toks, j)[0]:
        return False
    return toks[j - 1].low not in SENTENCE_OPENERS


def read_figures(toks: Sequence[Tok], lex: Lexicon, tolerance: float) -> list[Figure]:
    """Every count in the sentence with the interval it allows."""
    figures: list[Figure] = []
    free = 0  # the first token not yet read into a figure or a label
    for i in _figure_starts(toks, lex):
        if i < free:
            continue
        n, span = lex.vague.match(toks, i)
        if n:
            figures.append(Figure(i, i + n, (span[0] + span[1]) / 2, span[0], span[1], True))
            free = i + n
            continue
        read = read_number(toks, i, lex)
        if read is None:
            continue
        end, value = read
        if is_label(toks, i, end, lex):
            free = end
            continue
        figures.append(qualified(toks, i, end, value, lex, tolerance))
        free = figures[-1].last
    return figures


def _figure_starts(toks: Sequence[Tok], lex: Lexicon) -> list[int]:
    """The tokens a figure can start at: the first word of a vague amount or a number
    phrase that may be in the sentence ('a' opens half the sentences, 'a dozen' few), digits,
    a number word or a hyphenated word ('twenty-two'). The other tokens (most of a sentence)
    skip both table matches and ``read_number``. Digits come from the positions the
    sentence's tokens keep (no walk of their own); only a sentence with a hyphen somewhere
    is walked for it."""
    starts = set(digit_positions(toks))
    starts.update(positions(toks, lex.number_words))
    for phrases in (lex.vague, lex.number_phrases):
        if phrases.may_match(toks):
            starts.update(positions(toks, phrases.by_first))
    lows = lows_of(toks)
    if "-" in "".join(lows):
        starts.update([i for i, low in enumerate(lows) if "-" in low])
    return sorted(starts)


def measured_figures(toks: Sequence[Tok], lex: Lexicon, tolerance: float) -> list[Figure]:
    """Every number that is not a year, a phone or a date, units allowed after it ('65 miles',
    '93.87 percent', '$35,000'): the candidates for measures."""
    figures: list[Figure] = []
    free = 0
    for i in digit_positions(toks):
        if i < free:
            continue
        read = read_number(toks, i, lex)
        if read is None or is_year(toks[i].low) or low_at(toks, read[0]) in MONTHS:
            continue
        figures.append(qualified(toks, i, read[0], read[1], lex, tolerance))
        free = figures[-1].last
    return figures


def qualified(toks, i: int, end: int, value: float, lex: Lexicon, tolerance: float) -> Figure:
    first, how = qualifier_before(toks, i, lex)
    low, high = interval(value, how, tolerance)
    between = first > 0 and toks[first - 1].low == "between"
    end, low, high = _range_after(toks, end, value, low, high, lex, between)
    first = first - 1 if between and high > value else first
    return Figure(first, end, value, low, high, False)


def _range_after(toks, end, value, low, high, lex, between=False):
    """'250 to 300', '250-300', '250 or 300', 'between 250 and 300': the interval is the range."""
    joiners = ("to", "-", "–", "or", "and") if between else ("to", "-", "–", "or")
    if end + 1 < len(toks) and toks[end].low in joiners:
        nxt = read_number(toks, end + 1, lex)
        if nxt and nxt[1] > value:
            return nxt[0], min(low, value), nxt[1]
    return end, low, high


def may_hold_hyphen_runs(toks: Sequence[Tok]) -> bool:
    """Whether a sentence has a dash at all: most have none, and then no token starts a run."""
    lows = lows_of(toks)
    return "-" in lows or "–" in lows


def hyphen_run(toks: Sequence[Tok], i: int) -> tuple[tuple[int, ...], int] | None:
    """'52-3' or '45-7-2' starting at token i: (the numbers, index after them), or None. Runs
    joined to more digits ('800-800-3855', '2008-12-13') or of four-digit parts are not
    read: phone numbers and dates, never a record or a score."""
    if low_at(toks, i - 1) in ("-", "–") or not toks[i].is_digits:
        return None
    parts, j = [toks[i].low], i + 1
    while low_at(toks, j) in ("-", "–") and j + 1 < len(toks) and toks[j + 1].is_digits:
        if toks[j].end != toks[j + 1].start or toks[j - 1].end != toks[j].start:
            break  # "10 - 15" spaced: a range more often than a record
        parts.append(toks[j + 1].low)
        j += 2
    if not 2 <= len(parts) <= 3 or any(len(p) > 3 for p in parts):
        return None
    return tuple(int(p) for p in parts), j
