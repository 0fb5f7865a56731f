"""Lexicons: the words the extractor knows, as data files that anyone can extend.

Each ``*.toml`` beside this module is read once per process (they are immutable) and turned
into token-tuple lookup tables. Keep linguistic knowledge here, not in code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# Month name or abbreviation (and "sept") -> month number.
MONTHS = {m: k for k, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: k for k, m in enumerate(MONTH_NAMES, start=1)}, sept=9)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

TOKEN = re.compile(
    r"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?"  # 1,000 / 12,500.5 / "1, 400" (re-joined tokens)
    r"|\d+(?:-[^\W\d_]+)+"  # 23-year-old, 6.1-magnitude is handled as number + word
    r"|\d+(?:[.:]\d+)*"  # 40, 6.1, 21:00
    r"|[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*"  # words, with inner hyphens and apostrophes
    r"|\S"
)


def tokens_of(text: str) -> tuple[str, ...]:
    """Lower-cased tokens, the unit all phrase tables are keyed on."""
    return tuple(m.group().lower() for m in TOKEN.finditer(text))


def _read(name: str) -> dict:
    with resources.files(__package__).joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


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

    def match(self, toks, i: int) -> tuple[int, object]:
        """Longest phrase starting at token i of ``toks`` (objects with ``.low``)."""
        for key, value in self.by_first.get(toks[i].low, ()):
            n = len(key)
            if i + n <= len(toks) and all(toks[i + k].low == key[k] for k in range(1, n)):
                return n, value
        return 0, None


def _phrase_table(mapping: dict[str, list[str]]) -> Phrases:
    table: dict[tuple[str, ...], str] = {}
    for canonical, forms in mapping.items():
        for form in forms:
            table.setdefault(tokens_of(form), canonical)
    return Phrases(table)


def _phrase_set(forms: list[str]) -> Phrases:
    return Phrases({tokens_of(f): tokens_of(f) for f in forms})


@dataclass(frozen=True)
class Lexicon:
    number_words: dict[str, int]
    multipliers: dict[str, int]
    number_phrases: Phrases  # "a dozen", "half a dozen"
    vague: Phrases  # "dozens of" -> (low, high)
    qualifiers: Phrases  # "more than" -> "gt"
    fillers: frozenset[str]
    labels_before: frozenset[str]
    labels_after: frozenset[str]
    units: Phrases
    casualty_unit: str
    predicates: Phrases
    place_suffixes: frozenset[str]
    place_prepositions: frozenset[str]
    weak_prepositions: Phrases
    not_places: frozenset[str]
    markers: dict[str, Phrases]  # kind -> phrases
    speculation_exceptions: Phrases
    speech_verbs: Phrases
    official_sources: Phrases
    absence: Phrases
    relation: Phrases
    convention: Phrases
    partial: Phrases
    background: Phrases
    times: Phrases


@cache
def lexicon() -> Lexicon:
    """The packaged lexicons, parsed once."""
    numbers = _read("numbers.toml")
    units = _read("units.toml")
    predicates = _read("predicates.toml")
    places = _read("places.toml")
    markers = _read("markers.toml")
    single = {k: v for k, v in numbers["words"].items() if " " not in k}
    phrases = {tokens_of(k): v for k, v in numbers["words"].items() if " " in k}
    marker_kinds = ("speculation", "witness", "intensifier", "evaluative", "vague_source")
    tables = [
        _phrase_table(units["units"]),
        _phrase_table(predicates["predicates"]),
    ]
    tables += [_phrase_set(markers[k]) for k in marker_kinds]
    return Lexicon(
        number_words=single,
        multipliers=numbers["multipliers"],
        number_phrases=Phrases(phrases),
        vague=Phrases({tokens_of(k): (lo, hi) for k, (lo, hi) in numbers["vague"].items()}),
        qualifiers=Phrases({tokens_of(k): v for k, v in numbers["qualifiers"].items()}),
        fillers=frozenset(numbers["fillers"]["words"]),
        labels_before=frozenset(numbers["labels_before"]["words"]),
        labels_after=frozenset(numbers["labels_after"]["words"]),
        units=tables[0],
        casualty_unit=units["implicit"]["casualty_unit"],
        predicates=tables[1],
        place_suffixes=frozenset(places["suffixes"]),
        place_prepositions=frozenset(places["prepositions"]),
        weak_prepositions=_phrase_set(places["weak_prepositions"]),
        not_places=frozenset(places["not_places"]),
        markers=dict(zip(marker_kinds, tables[2:], strict=True)),
        speculation_exceptions=_phrase_set(markers["speculation_exceptions"]),
        speech_verbs=_phrase_set(markers["speech_verbs"]),
        official_sources=_phrase_set(markers["official_sources"]),
        absence=Phrases({tokens_of(p): cats for p, cats in markers["absence"]["phrases"]}),
        relation=_phrase_table(markers["relation"]),
        convention=_phrase_table(
            {k: v for k, v in markers["convention"].items() if k not in ("partial", "background")}
        ),
        partial=_phrase_set(markers["convention"]["partial"]),
        background=_phrase_set(markers["convention"]["background"]),
        times=_phrase_set(markers["times"]),
    )
