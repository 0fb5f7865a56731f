"""Extract typed claims from sentences: figures, absences, facts, relations, ages, markers.

Rule-based on purpose: number libraries measured on this machine all invent numbers
("one thing is clear" -> 1) and drop qualifiers ("more than 30"), and an editor must be able to
see why a claim was read the way it was. The word lists live in ``checker/lexicons``.

A sentence is tokenised once; every rule works on the token list, so quotes are exact
substrings of the sentence (offsets into it) and nothing is re-parsed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from checker.lexicons import MONTH_NAMES, MONTHS, TOKEN, WEEKDAYS, Lexicon, lexicon
from checker.model import Claim, Sentence
from checker.settings import DEFAULT, Settings

INF = math.inf
_PUNCT_BREAK = frozenset({";", ":", "(", ")", "—", "–", "?", "!", '"', "“", "”"})
_SUBSET_BEFORE = frozenset({"other", "another", "additional", "remaining"})
_CLAUSE_END = frozenset(
    {
        ",",
        ".",
        "and",
        "but",
        "while",
        "although",
        "though",
        "because",
        "after",
        "before",
        "as",
        "whereas",
        "since",
        "until",
    }
)
_NAME_SUFFIX = frozenset({"jr", "sr", "ii", "iii", "iv"})
_AGE_TOKEN = re.compile(r"^(\d{1,3})-years?-old$")
_CASUALTY = frozenset({"killed", "injured", "shot"})
# Predicates that are facts by themselves ("a fire broke out"); they take a counted noun only
# when it is something that can suffer them.
_SELF_CONTAINED = {
    "fire": frozenset({"building", "vehicle"}),
    "power_outage": frozenset(),
    "damaged": frozenset({"building", "window", "vehicle", "airport"}),
}
_MONTHS = frozenset(MONTHS)


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class Figure:
    first: int  # token span of the figure, qualifier included
    last: int  # exclusive
    value: float
    low: float
    high: float
    vague: bool


@dataclass(frozen=True, slots=True)
class PlaceMention:
    first: int
    last: int
    key: str
    weak: bool  # a destination or an example ("to Kazan", "such as Kazan")


def _digits(text: str) -> bool:
    """Plain decimal digits that int() reads ('²' and '①' pass str.isdigit() but not int())."""
    return text.isdecimal()


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


# --------------------------------------------------------------------------- phrase lookup


def find_all(toks: Sequence[Tok], table) -> list[tuple[int, int, object]]:
    """Non-overlapping matches (first, last, value), longest first, left to right."""
    found, i = [], 0
    while i < len(toks):
        n, value = table.match(toks, i)
        if n:
            found.append((i, i + n, value))
            i += n
        else:
            i += 1
    return found


# --------------------------------------------------------------------------- figures


def _number_word_value(low: str, lex: Lexicon) -> int | None:
    if low in lex.number_words:
        return lex.number_words[low]
    if "-" in low:  # twenty-two
        parts = low.split("-")
        if len(parts) == 2 and all(p in lex.number_words for p in parts):
            tens, ones = (lex.number_words[p] for p in parts)
            if tens % 10 == 0 and tens >= 20 and 0 < ones < 10:
                return tens + ones
    return None


def _parse_digits(low: str) -> float | None:
    if ":" in low:
        return None  # a clock time
    try:
        return float(low.replace(",", ""))
    except ValueError:
        return None


def _read_number(toks: Sequence[Tok], i: int, lex: Lexicon) -> tuple[int, float] | None:
    """A plain number at token i: (end, value). Digits, number words, 'two hundred', 'a dozen'."""
    n, value = lex.number_phrases.match(toks, i)
    if n:
        return i + n, float(value)
    low = toks[i].low
    if low[:1].isdigit():
        value = _parse_digits(low)
        if value is None:
            return None
        end = i + 1
    else:
        word = _number_word_value(low, lex)
        if word is None:
            return None
        value, end = float(word), i + 1
    while end < len(toks) and toks[end].low in lex.multipliers:
        value *= lex.multipliers[toks[end].low]
        end += 1
    return end, value


def _qualifier_before(toks: Sequence[Tok], i: int, lex: Lexicon) -> tuple[int, str]:
    for n in (3, 2, 1):
        if i - n >= 0:
            key = tuple(t.low for t in toks[i - n : i])
            if key in lex.qualifiers:
                return i - n, lex.qualifiers[key]
    return i, ""


def _interval(value: float, how: str, settings: Settings) -> tuple[float, float]:
    if how == "approx":
        spread = max(value * settings.approx_tolerance, 1.0)
        return value - spread, value + spread
    return {
        "gt": (value + 0.5, INF),
        "ge": (value, INF),
        "le": (0.0, value),
        "lt": (0.0, value - 0.5),
        "near": (value * 0.85, value),
    }.get(how, (value, value))


def _is_label(toks: Sequence[Tok], i: int, end: int, lex: Lexicon) -> bool:
    """A figure that names or dates something rather than counting it."""
    j = i - 1
    while j >= 0 and toks[j].low == ".":
        j -= 1
    if j >= 0 and (toks[j].low in lex.labels_before or toks[j].low in ("#", "$", "£", "€", "[")):
        return True
    if toks[i].low[:1].isdigit() and j >= 1 and _names_a_thing(toks, j, lex):
        return True  # "News 12", "WAVE 3", "Apollo 11"
    if j >= 1 and toks[j].low == "of" and toks[j - 1].low[:1].isdigit():
        return True  # "Image 3 of 9"
    if end < len(toks):
        nxt = toks[end].low
        joined = "".join(t.low for t in toks[end : end + 4])
        if nxt in lex.labels_after or joined.startswith(("a.m.", "p.m.")):
            return True
        if nxt in ("-", "–") and end + 1 < len(toks) and toks[end + 1].low in lex.labels_after:
            return True
        if nxt in _MONTHS or (nxt == "," and i > 0 and toks[i - 1].low in _MONTHS):
            return True
    low = toks[i].low
    if _digits(low) and len(low) == 4 and 1800 <= int(low) <= 2100:
        return True  # a year
    return _digits(low) and len(low) >= 5  # phone, zip, case numbers


def _names_a_thing(toks, j: int, lex: Lexicon) -> bool:
    """A capitalised word (not the first of the sentence, not a verb we know) right before a
    number is a name with a number in it."""
    word = toks[j]
    if not word.capitalised or not word.low[:1].isalpha() or word.low in lex.number_words:
        return False
    if lex.predicates.match(toks, j)[0] or lex.qualifiers.match(toks, j)[0]:
        return False
    return toks[j - 1].low not in (".", "!", "?", '"', "“", ":")


def read_figures(toks: Sequence[Tok], lex: Lexicon, settings: Settings) -> list[Figure]:
    """Every count in the sentence with the interval it allows."""
    figures: list[Figure] = []
    i = 0
    while i < len(toks):
        n, span = lex.vague.match(toks, i)
        if n:
            figures.append(Figure(i, i + n, (span[0] + span[1]) / 2, span[0], span[1], True))
            i += n
            continue
        read = _read_number(toks, i, lex)
        if read is None:
            i += 1
            continue
        end, value = read
        if _is_label(toks, i, end, lex):
            i = end
            continue
        first, how = _qualifier_before(toks, i, lex)
        low, high = _interval(value, how, settings)
        between = first > 0 and toks[first - 1].low == "between"
        end, low, high = _range_after(toks, end, value, low, high, lex, between)
        first = first - 1 if between and high > value else first
        figures.append(Figure(first, end, value, low, high, False))
        i = end
    return figures


def _range_after(toks, end, value, low, high, lex, between=False):
    """'250 to 300', '250-300', '250 or 300', 'between 250 and 300': the interval is the range."""
    joiners = ("to", "-", "–", "or", "and") if between else ("to", "-", "–", "or")
    if end + 1 < len(toks) and toks[end].low in joiners:
        nxt = _read_number(toks, end + 1, lex)
        if nxt and nxt[1] > value:
            return nxt[0], min(low, value), nxt[1]
    return end, low, high


# --------------------------------------------------------------------------- places


def _capitalised_run(toks: Sequence[Tok], i: int) -> int:
    j = i
    while j < len(toks) and toks[j].capitalised and toks[j].low[:1].isalpha():
        j += 1
    return j


def place_key(words: Iterable[str], lex: Lexicon) -> str:
    """Normalised place: lower case, no possessive, no 'the', no kind-of-place suffix."""
    parts = [re.sub(r"['’]s$", "", w.lower()) for w in words]
    while parts and parts[-1] in lex.place_suffixes:
        parts.pop()
    while len(parts) > 1 and parts[0] == "the":
        parts.pop(0)
    return " ".join(parts)


def sure_places(toks: Sequence[Tok], lex: Lexicon) -> set[str]:
    """Places the sentence names unambiguously: 'X Oblast', 'in X', 'over X'."""
    return {m.key for m in _place_mentions(toks, lex, frozenset())}


def _place_mentions(toks: Sequence[Tok], lex: Lexicon, known: frozenset[str]) -> list[PlaceMention]:
    headline = _is_headline(toks)
    mentions, i = [], 0
    while i < len(toks):
        end = _capitalised_run(toks, i)
        if end == i:
            i += 1
            continue
        for start, stop in _run_parts(toks, i, end, lex):
            mention = _as_place(toks, start, stop, lex, known, headline)
            if mention:
                mentions.append(mention)
        i = end
    return mentions


def _run_parts(toks, i: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Split a capitalised run at possessives and leading function words.

    'In Voronezh Oblast' -> 'Voronezh Oblast'; "Russia's Kaluga" -> 'Russia', 'Kaluga'.
    """
    parts, start = [], i
    for j in range(i, end):
        low = toks[j].low
        if j == start and (low in lex.not_places or low in lex.place_prepositions):
            start = j + 1
            continue
        if low.endswith(("'s", "’s")) and j + 1 < end:
            parts.append((start, j + 1))
            start = j + 1
    if start < end:
        parts.append((start, end))
    return parts


def _as_place(toks, start, end, lex, known, headline) -> PlaceMention | None:
    words = [t.text for t in toks[start:end]]
    if all(w.isupper() and len(w) > 1 for w in words):
        return None  # acronyms: PAD, FPV, NOPD
    suffixed_inside = len(words) > 1 and words[-1].lower() in lex.place_suffixes
    suffixed = suffixed_inside or (end < len(toks) and toks[end].low in lex.place_suffixes)
    key = place_key(words + ([toks[end].text] if suffixed and not suffixed_inside else []), lex)
    if not key or key in lex.not_places or key in lex.place_suffixes:
        return None
    prev = toks[start - 1].low if start > 0 else ""
    prev2 = toks[start - 2].low if start > 1 else ""
    introduced = not headline and (
        prev in lex.place_prepositions or (prev == "the" and prev2 in lex.place_prepositions)
    )
    if not (suffixed or introduced or key in known):
        return None
    last = end + 1 if suffixed and not suffixed_inside else end
    return PlaceMention(start, last, key, _weak_before(toks, start, lex))


def _is_headline(toks: Sequence[Tok]) -> bool:
    """Title Case lines capitalise every word, so a capital there says nothing about places."""
    words = [t for t in toks if t.low[:1].isalpha() and len(t.low) > 3]
    return len(words) >= 4 and sum(t.capitalised for t in words) >= 0.7 * len(words)


def _weak_before(toks: Sequence[Tok], start: int, lex: Lexicon) -> bool:
    for n in (2, 1):
        key = tuple(t.low for t in toks[max(0, start - n) : start])
        if key in lex.weak_prepositions:
            return True
    # "to alternative hubs in Kazan": a destination phrase earlier in the same clause
    for j in range(start - 1, max(-1, start - 6), -1):
        if toks[j].low in (",", ";", "and"):
            continue
        if toks[j].low in ("to", "such", "including"):
            return True
    return False


def _nearest_place(toks, mentions: Sequence[PlaceMention], first: int, last: int) -> str:
    """The place a fact at tokens [first, last) is about: the nearest strong mention in the same
    clause (no comma or semicolon between), a mention after the fact winning ties."""
    best, best_d = "", 10**9
    for m in mentions:
        if m.weak:
            continue
        lo, hi = (last, m.first) if m.first >= last else (m.last, first)
        if _clause_break(toks, lo, hi, place_first=m.first < first):
            continue
        d = (hi - lo) + (0 if m.first >= last else 0.5)
        if d < best_d:
            best, best_d = m.key, d
    return best


def _clause_break(toks, lo: int, hi: int, place_first: bool) -> bool:
    """True when a comma or dash separates the two spans; ', where' after a place does not
    ('over Moscow, where 32 drones were shot down')."""
    for k in range(lo, hi):
        low = toks[k].low
        if low in (";", "—", "–"):
            return True
        if low == ",":
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            if not (place_first and nxt in ("where", "which")):
                return True
    return False


def _earlier_place(mentions: Sequence[PlaceMention], first: int) -> str:
    """'The Belgorod incident, though not resulting in casualties': the sentence's own place,
    named before the claim in another clause, still beats one inherited from earlier."""
    before = [m for m in mentions if not m.weak and m.last <= first]
    return before[-1].key if before else ""


def _frame_place(mentions: Sequence[PlaceMention], toks) -> str:
    """A place set up front ('In Voronezh Oblast, ...', 'Meanwhile, in Moscow, ...') frames the
    whole sentence."""
    for m in mentions:
        if m.weak or m.first > 5:
            continue
        introduced = any(
            t.low in lexicon().place_prepositions for t in toks[max(0, m.first - 2) : m.first]
        )
        if introduced and m.last < len(toks) and toks[m.last].low == ",":
            return m.key
    return ""


def _drop_possessors(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Russia's Kaluga region": the possessed place is the one meant."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (k + 1 < len(mentions) and mentions[k + 1].first == m.last)
    ]


# --------------------------------------------------------------------------- units, predicates


def _unit_after(toks: Sequence[Tok], end: int, lex: Lexicon) -> tuple[str, int, int]:
    """The counted noun right after a figure: (unit, first, last) or ('', end, end)."""
    j = end
    for _ in range(4):
        if j >= len(toks):
            break
        n, unit = lex.units.match(toks, j)
        if n:
            return unit, j, j + n
        if toks[j].low in _PUNCT_BREAK or toks[j].low in (",", ".", "and", "of", "were", "was"):
            break
        j += 1
    return "", end, end


def _predicate_near(toks, first, unit_last, lex) -> tuple[str, int, int]:
    """Predicate class of a figure and its token span: adjacent before ('destroyed 40'), else in
    the clause after the counted noun ('32 drones were shot down'), parentheses skipped."""
    j = first - 1
    while j >= 0 and toks[j].low in lex.fillers:
        j -= 1
    for n in range(min(4, j + 1), 0, -1):
        key = tuple(t.low for t in toks[j - n + 1 : j + 1])
        if key in lex.predicates:
            return lex.predicates[key], j - n + 1, j + 1
    k, depth, seen = first, 0, 0
    while k < len(toks) and seen < 7 + (unit_last - first):
        low = toks[k].low
        depth += (low == "(") - (low == ")")
        if depth == 0 and low not in ("(", ")"):
            if low in _PUNCT_BREAK or (k >= unit_last and low in _CLAUSE_END):
                break
            n, pred = lex.predicates.match(toks, k)
            if n and pred not in _SELF_CONTAINED:
                return pred, k, k + n
            seen += 1
        k += 1
    return "", -1, -1


def _is_subset(toks, fig: Figure) -> bool:
    """'three of the four victims', 'one of them': a part of a count named next."""
    after = toks[fig.last].low if fig.last < len(toks) else ""
    return after == "of" and not fig.vague


# --------------------------------------------------------------------------- the extractor


@dataclass(frozen=True)
class _Context:
    sentence: Sentence
    toks: list[Tok]
    places: list[PlaceMention]
    inherited: str  # place of the preceding sentences
    frame: str  # place set up at the start of the sentence
    attribution: str
    convention: str


def extract_claims(
    sentences: Sequence[Sentence],
    settings: Settings = DEFAULT,
    known_places: frozenset[str] = frozenset(),
) -> tuple[Claim, ...]:
    """All claims of one article's sentences, in sentence order.

    ``known_places`` are place names seen unambiguously anywhere in the audit, so that
    "Moscow's airports" is read as a place even where this article never says "in Moscow".
    """
    lex = lexicon()
    claims: list[Claim] = []
    recent: list[str] = []  # places of previous sentences, newest last
    for sentence in sentences:
        toks = tokenize(sentence.text)
        places = _drop_possessors(_place_mentions(toks, lex, known_places))
        strong = [m.key for m in places if not m.weak]
        inherited = recent[-1] if recent else ""
        ctx = _Context(
            sentence,
            toks,
            places,
            inherited,
            _frame_place(places, toks),
            attribution_of(toks, sentence.text, lex),
            _convention_of(toks, lex),
        )
        claims.extend(_sentence_claims(ctx, lex, settings))
        recent = (recent + strong)[-settings.inherit_place_sentences :] if strong else recent
    return tuple(claims)


def _sentence_claims(ctx: _Context, lex: Lexicon, settings: Settings) -> list[Claim]:
    out: list[Claim] = []
    used: set[int] = set()
    out.extend(_quantity_claims(ctx, lex, settings, used))
    out.extend(_singular_casualties(ctx, lex, used))
    out.extend(_age_claims(ctx))
    absences = list(_absence_claims(ctx, lex))
    out.extend(absences)
    for c in absences:
        used.update(i for i, t in enumerate(ctx.toks) if c.start <= t.start < c.end)
    taken = {(c.unit, c.predicate) for c in out if c.kind == "quantity"}
    out.extend(_fact_claims(ctx, lex, used, taken))
    out.extend(_relation_claims(ctx, lex))
    out.extend(_time_claims(ctx, lex))
    out.extend(_marker_claims(ctx, lex))
    return out


def _claim(ctx: _Context, kind: str, first: int, last: int, **fields) -> Claim:
    toks, s = ctx.toks, ctx.sentence
    start, end = toks[first].start, toks[last - 1].end
    place = fields.pop("place", None)
    inherited = False
    if place is None:
        place = (
            _nearest_place(ctx.toks, ctx.places, first, last)
            or ctx.frame
            or _earlier_place(ctx.places, first)
        )
        if not place and ctx.inherited:
            place, inherited = ctx.inherited, True
    unit, pred = fields.get("unit", ""), fields.get("predicate", "")
    slot = fields.pop("slot", None) or f"{place}|{unit}|{pred}"
    convention = fields.pop("convention", ctx.convention)
    return Claim(
        article=s.article,
        sentence=s.index,
        kind=kind,
        slot=slot,
        quote=s.text[start:end],
        text=s.text,
        start=start,
        end=end,
        place=place,
        place_inherited=inherited,
        attribution=ctx.attribution,
        convention=convention,
        **fields,
    )


def _quantity_claims(ctx: _Context, lex: Lexicon, settings: Settings, used: set[int]):
    toks = ctx.toks
    last_unit = ""
    for fig in read_figures(toks, lex, settings):
        if _is_subset(toks, fig):
            continue
        unit, unit_first, unit_last = _unit_after(toks, fig.last, lex)
        if _lone_one(toks, fig, unit, unit_first):
            continue
        magnitude = _magnitude(toks, fig)
        pred, pred_at, pred_end = (
            ("magnitude", fig.first, fig.first)
            if magnitude
            else _predicate_near(toks, fig.first, max(unit_last, fig.last), lex)
        )
        if magnitude:
            unit = "earthquake"
        if not unit and pred in _CASUALTY and _close(fig, pred_at, pred_end):
            unit = lex.casualty_unit  # "killed two", "six were shot", "49 killed"
        if not unit and last_unit and _elliptic(toks, fig):
            unit = last_unit  # "10 drones over Kaluga, 8 over Bryansk"
        if not unit or not pred:
            continue
        if fig.vague and fig.low <= 1:
            continue
        partial = _is_partial(toks, fig, unit_last, pred_at, pred_end, lex)
        last_unit = unit
        first = min(fig.first, pred_at) if 0 <= pred_at < fig.first else fig.first
        last = max(unit_last, fig.last, pred_end)
        used.update(range(first, last))
        convention = ",".join(filter(None, [ctx.convention, "partial" if partial else ""]))
        yield _claim(
            ctx,
            "quantity",
            first,
            last,
            value=fig.value,
            low=fig.low,
            high=fig.high,
            vague=fig.vague,
            unit=unit,
            predicate=pred,
            convention=convention,
        )


def _is_partial(toks, fig: Figure, unit_last: int, pred_at: int, pred_end: int, lex) -> bool:
    """A figure that counts part of the victims ('the other four', 'two were critically
    wounded', 'one was pronounced dead at the scene'): fine to agree with, never a conflict."""
    before = toks[fig.first - 1].low if fig.first > 0 else ""
    after = toks[fig.last].low if fig.last < len(toks) else ""
    if before in _SUBSET_BEFORE or after in _SUBSET_BEFORE or after in ("others", "more"):
        return True
    lo = max(0, min(fig.first, pred_at if pred_at >= 0 else fig.first) - 2)
    hi = min(len(toks), max(unit_last, pred_end, fig.last) + 4)
    window = toks[lo:hi]
    return bool(find_all(window, lex.partial))


def _close(fig: Figure, pred_at: int, pred_end: int) -> bool:
    """Predicate right before the figure, or at most one word ('were') after it."""
    return (
        pred_end == fig.first
        or (pred_at >= fig.last and pred_at - fig.last <= 1)
        or (pred_end <= fig.first and fig.first - pred_end <= 2)
    )


_PEOPLE = frozenset({"person", "man", "woman", "child", "teen", "officer", "soldier", "suspect"})


def _singular_casualties(ctx: _Context, lex: Lexicon, used: set[int]):
    """'An 11-year-old girl was killed', 'a man died': one victim, though not always the
    toll, so the claim agrees with a count of one but never contradicts another."""
    toks = ctx.toks
    for i, tok in enumerate(toks):
        if tok.low not in ("a", "an") or i in used:
            continue
        n, unit, j = 0, None, i + 1
        while j < min(len(toks), i + 4):
            n, unit = lex.units.match(toks, j)
            low = toks[j].low
            if n or low in _PUNCT_BREAK or low in _CLAUSE_END or low[:1].isdigit():
                break
            if _number_word_value(low, lex) is not None:
                break
            j += 1
        if not n or unit not in _PEOPLE or toks[j + n - 1].low.endswith("s"):
            continue
        pred, pred_at, pred_end = _predicate_near(toks, j + n, j + n, lex)
        if pred not in _CASUALTY or pred_at < j + n or pred_at - (j + n) > 3:
            continue
        used.update(range(i, pred_end))
        yield _claim(
            ctx,
            "quantity",
            i,
            pred_end,
            value=1.0,
            low=1.0,
            high=1.0,
            unit=unit,
            predicate=pred,
            convention=",".join(filter(None, [ctx.convention, "partial"])),
        )


def _lone_one(toks, fig: Figure, unit: str, unit_first: int) -> bool:
    """'one' counts only right before its noun ('one person'); elsewhere it is a pronoun
    ('one for each person', 'one thing is clear')."""
    return toks[fig.last - 1].low == "one" and (not unit or unit_first != fig.last)


def _magnitude(toks, fig: Figure) -> bool:
    before = toks[fig.first - 1].low if fig.first > 0 else ""
    after = toks[fig.last].low if fig.last < len(toks) else ""
    after2 = toks[fig.last + 1].low if fig.last + 1 < len(toks) else ""
    return "magnitude" in (before, after) or (after in ("-", "–") and after2 == "magnitude")


def _elliptic(toks, fig: Figure) -> bool:
    """A bare figure followed by a place preposition: its noun was given just before."""
    nxt = toks[fig.last].low if fig.last < len(toks) else ""
    return nxt in ("over", "in", "near", "across", "from", "at")


def _age_claims(ctx: _Context):
    """Ages of people: 'Norris Greenhouse Jr., 23,', 'a 23-year-old man', '23-year-old Jane Doe'."""
    toks = ctx.toks
    for i, tok in enumerate(toks):
        m = _AGE_TOKEN.match(tok.low)
        if m:
            who, who_first, who_last = _name_after(toks, i + 1)
            if not who:
                continue
            yield _age(ctx, int(m.group(1)), min(i, who_first), max(i + 1, who_last), who)
        elif _digits(tok.low) and 0 < int(tok.low) < 110 and _is_apposition(toks, i):
            who, who_first = _name_before(toks, i - 1)
            if who:
                yield _age(ctx, int(tok.low), who_first, i + 1, who)


def _age(ctx: _Context, age: int, first: int, last: int, who: str) -> Claim:
    surname = who.split()[-1]
    return _claim(
        ctx,
        "age",
        first,
        last,
        value=float(age),
        low=float(age),
        high=float(age),
        unit="age",
        predicate=surname,
        label=who,
        slot=f"age|{surname}",
        place="",
    )


def _is_apposition(toks, i: int) -> bool:
    return (
        i >= 2
        and toks[i - 1].low == ","
        and i + 1 < len(toks)
        and toks[i + 1].low in (",", ".", ";", "and", ")")
    )


def _name_before(toks, comma: int) -> tuple[str, int]:
    """Surname of 'First Last Jr.' ending just before index ``comma``."""
    j = comma - 1
    if j >= 0 and toks[j].low == ".":
        j -= 1
    words = []
    while j >= 0 and (
        (toks[j].capitalised and toks[j].low[:1].isalpha())
        or (toks[j].low == "." and j > 0 and len(toks[j - 1].low) == 1)
    ):
        if toks[j].low != "." and len(toks[j].low) > 1:
            words.insert(0, toks[j].low)
        j -= 1
    while words and words[-1] in _NAME_SUFFIX:
        words.pop()
    if not words or words[-1] in _not_names() or len(words[-1]) < 2:
        return "", -1
    return " ".join(words[-3:]), j + 1


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words before ', 23,' that are not a surname (months, places kinds, ...)."""
    lex = lexicon()
    return _MONTHS | frozenset(WEEKDAYS) | lex.not_places | lex.place_suffixes


def _name_after(toks, i: int) -> tuple[str, int, int]:
    """Surname of a capitalised name right after an age ('23-year-old [officer] Jane Doe')."""
    j = i
    if j < len(toks) and toks[j].low.isalpha() and not toks[j].capitalised:
        j += 1  # one role word: "officer", "man"
    start = j
    while j < len(toks) and toks[j].capitalised and toks[j].low[:1].isalpha():
        j += 1
    words = [t.low for t in toks[start:j] if t.low not in _NAME_SUFFIX]
    if len(words) < 2:
        return "", -1, -1
    return " ".join(words[-3:]), start, j


def _absence_claims(ctx: _Context, lex: Lexicon):
    for first, last, cats in find_all(ctx.toks, lex.absence):
        first = _extend_absence(ctx.toks, first, lex)
        yield _claim(ctx, "absence", first, last, label=cats, unit="absence", predicate=cats)


def _extend_absence(toks, first: int, lex: Lexicon) -> int:
    """'no casualties or property damage' is one claim: start at the first 'no'."""
    j = first
    for k in range(first - 1, max(-1, first - 5), -1):
        if toks[k].low in ("no", "without"):
            j = k
    return j


def _fact_claims(ctx: _Context, lex: Lexicon, used: set[int], taken: set[tuple[str, str]]):
    """Consequences stated without figures: airports closed, flights diverted, a fire."""
    toks = ctx.toks
    for first, last, pred in find_all(toks, lex.predicates):
        if used.intersection(range(first, last)) or pred == "magnitude":
            continue
        unit, u_first, u_last = _unit_near(toks, first, last, lex)
        if pred in _SELF_CONTAINED and unit not in _SELF_CONTAINED[pred]:
            unit, u_first, u_last = pred, first, last
        if not unit or (unit, pred) in taken:
            continue
        taken.add((unit, pred))
        yield _claim(ctx, "fact", min(first, u_first), max(last, u_last), unit=unit, predicate=pred)


def _unit_near(toks, first: int, last: int, lex: Lexicon) -> tuple[str, int, int]:
    """The noun a predicate is about: the nearest within 5 tokens either side, same clause."""
    candidates = []
    for k in range(last, min(len(toks), last + 5)):
        if toks[k].low in _PUNCT_BREAK or toks[k].low in (",", "."):
            break
        n, unit = lex.units.match(toks, k)
        if n:
            candidates.append((k - last, unit, k, k + n))
            break
    for k in range(first - 1, max(-1, first - 6), -1):
        if toks[k].low in _PUNCT_BREAK or toks[k].low in (",", "."):
            break
        n, unit = lex.units.match(toks, k)
        if n and k + n <= first:
            candidates.append((first - (k + n) + 0.5, unit, k, k + n))
            break
    if not candidates:
        return "", first, last
    _, unit, lo, hi = min(candidates)
    return unit, lo, hi


_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


def _time_claims(ctx: _Context, lex: Lexicon):
    """When it happened: 'last night', 'between 21:00 and 07:50', 'July 17', 'on Sunday'.

    ``label`` is the normalised expression; weekdays and calendar dates are what temporal
    contradictions are judged on (relative expressions depend on when a report was written).
    """
    toks = ctx.toks
    spans = [(f, la, " ".join(t.low for t in toks[f:la])) for f, la, _ in find_all(toks, lex.times)]
    i = 0
    while i < len(toks):
        low = toks[i].low
        if _CLOCK.match(low):
            last, label = i + 1, low
            if (
                i + 2 < len(toks)
                and toks[i + 1].low in ("and", "to", "-", "–")
                and _CLOCK.match(toks[i + 2].low)
            ):
                last, label = i + 3, f"{low}-{toks[i + 2].low}"
            spans.append((i, last, label))
            i = last
            continue
        if low in _MONTHS and i + 1 < len(toks) and _digits(toks[i + 1].low):
            day = int(toks[i + 1].low)
            if 1 <= day <= 31:
                spans.append((i, i + 2, f"date:{MONTH_NAMES[MONTHS[low] - 1]} {day}"))
                i += 2
                continue
        if low in WEEKDAYS:
            spans.append((i, i + 1, f"day:{low}"))
        i += 1
    for first, last, label in sorted(spans):
        yield _claim(ctx, "time", first, last, unit="time", predicate="time", label=label)


def _relation_claims(ctx: _Context, lex: Lexicon):
    for first, last, rel in find_all(ctx.toks, lex.relation):
        yield _claim(ctx, "relation", first, last, unit="relation", predicate="relation", label=rel)


def _marker_claims(ctx: _Context, lex: Lexicon):
    """Framing phrases; where two overlap ('experts have warned' / 'experts') the longer wins."""
    toks = ctx.toks
    excluded = {i for f, la, _ in find_all(toks, lex.speculation_exceptions) for i in range(f, la)}
    spans = []
    for kind, phrases in lex.markers.items():
        for first, last, _ in find_all(toks, phrases):
            if not (kind == "speculation" and first in excluded):
                spans.append((first, -(last - first), kind))
    taken: set[int] = set()
    for first, neg_len, kind in sorted(spans):
        last = first - neg_len
        if taken.intersection(range(first, last)):
            continue
        taken.update(range(first, last))
        # an intensifier is shown with the word it intensifies ("significant damage")
        end = (
            last + 1
            if kind == "intensifier" and last < len(toks) and toks[last].low[:1].isalnum()
            else last
        )
        yield _claim(ctx, "marker", first, end, unit="marker", predicate=kind, label=kind)


def _convention_of(toks, lex: Lexicon) -> str:
    found = {v for _, _, v in find_all(toks, lex.convention)}
    if _is_background(toks, lex):
        found.add("background")
    return ",".join(sorted(found))


def _is_background(toks, lex: Lexicon) -> bool:
    """Does the sentence talk about another time (a year, 'in February', 'the deadliest')?"""
    if find_all(toks, lex.background):
        return True
    for k, t in enumerate(toks):
        if _digits(t.low) and len(t.low) == 4 and 1900 <= int(t.low) <= 2100:
            return True
        if t.low in _MONTHS and k and toks[k - 1].low in ("in", "since", "last", "until"):
            return True
    return False


def attribution_of(toks: Sequence[Tok], text: str, lex: Lexicon) -> str:
    """Who the sentence says the information comes from, as written ('' when unsaid)."""
    for first, last, _ in find_all(toks, lex.speech_verbs):
        if toks[first].low == "according":
            span = toks[last : last + 8]
        else:
            span = toks[max(0, first - 6) : first]
        words = [t for t in span if t.low not in (",", ".")]
        cut = next((k for k, t in enumerate(words) if t.low in _PUNCT_BREAK), len(words))
        words = words[:cut]
        if words:
            return text[words[0].start : words[-1].end]
    return ""


def is_concrete_source(attribution: str) -> bool:
    """A source an editor can check: a named person or an official body."""
    if not attribution:
        return False
    toks = tokenize(attribution)
    lex = lexicon()
    if find_all(toks, lex.official_sources):
        return True
    caps = [t for t in toks if t.capitalised and t.low not in lex.not_places]
    vague = find_all(toks, lex.markers["vague_source"]) or find_all(toks, lex.markers["witness"])
    return len(caps) >= 1 and not vague


def known_places(sentences: Iterable[Sentence]) -> frozenset[str]:
    """Places named unambiguously in these sentences (the audit-wide gazetteer)."""
    lex = lexicon()
    found: set[str] = set()
    for s in sentences:
        found |= sure_places(tokenize(s.text), lex)
    return frozenset(found)
