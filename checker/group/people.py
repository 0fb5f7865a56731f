"""People in common: two reports far apart in time that name no one in common are two events.

Reports of one shooting written months apart (the arrest, the plea, the trial) name the
victim or the suspect; reports of two shootings in one city months apart share the city, the
neighbourhood, the police department, the hospital and the station, but seldom a person. On
GVA dev, among the pairs that score over the threshold across a gap of more than 30 days
(no written day bringing them together), 75 % of the same-incident pairs name a person in
common (a full name in at most 8 articles), against 25 % of the cross-incident ones.

So a pair more than ``group_people_gap_days`` apart whose date factor stays below 1 and that
names no rare person in common scores ``group_people_penalty`` times its score. A person is
a full name the text layer reads as one (``checker.text.names.person_mentions``, the reader
extraction uses) in the first ``group_people_chars`` characters, given by at most
``group_people_df`` articles (a police spokesman or a station's reporter named in many
reports is nobody's event), and written as a place by no article of the collection ("in Des
Moines", "in Cedar Rapids": the name reader takes any two capitalised words).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from checker.lexicons import Lexicon
from checker.model import Names
from checker.settings import Settings
from checker.text.names import person_mentions
from checker.text.places import place_candidates, sentence_names
from checker.text.tokens import tokenize

# Lines and sentence ends: the name reader works on one sentence (a title-case line says
# nothing about names), and a name never runs over a full stop.
_PIECES = re.compile(r"\n+|(?<=[.!?])\s+")
# Two capitalised words in a row: only where one starts can a full name or a place of two
# words be; other sentences are not tokenized (a quarter of the reading's cost on GVA dev).
_TWO_CAPITALS = re.compile(r"[A-Z][\w'’.-]*\s+[A-Z]")


def named_people(
    text: str, lex: Lexicon, chars: int, read: Mapping[str, Names] | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """The people an article names in full in its first ``chars`` characters ("jane doe"),
    and the places of two words or more it names there ("des moines"). ``read``: the names
    extraction read in the article's sentences, by their text (``extract.Extraction``); a
    line that is one of them is not tokenized again (its names are the same: they depend on
    its text alone)."""
    people: set[str] = set()
    places: set[str] = set()
    for piece in _PIECES.split(text[:chars]):
        if not _TWO_CAPITALS.search(piece):
            continue
        names = read.get(piece.strip()) if read else None
        if names is None:
            toks = tokenize(piece)
            names = sentence_names(person_mentions(toks, lex), place_candidates(toks, lex))
        people |= names.people
        places |= names.places
    return frozenset(people), frozenset(places)


@dataclass(frozen=True, slots=True)
class People:
    """Each article's rare people, as numbers (a pair names one in common when its two sets
    meet; a few far pairs per block are tested, so sets cost less than sparse rows)."""

    rare: list[frozenset[int]]
    named: list[frozenset[str]]  # every person each article names (a place is none)

    @classmethod
    def of(
        cls, people: Sequence[frozenset[str]], places: Sequence[frozenset[str]], settings: Settings
    ) -> People:
        """Collection statistics: how many articles name each person, and every place."""
        df = Counter(name for names in people for name in names)
        somewhere = set().union(*places) if places else set()
        named = [frozenset(n for n in names if n not in somewhere) for names in people]
        index: dict[str, int] = {}
        rare = [
            frozenset(
                index.setdefault(n, len(index))
                for n in sorted(names)
                if df[n] <= settings.group_people_df
            )
            for names in named
        ]
        return cls(rare, named)

    def shared(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether each pair names a rare person in common."""
        rare = self.rare
        pairs = zip(i.tolist(), j.tolist(), strict=True)
        return np.fromiter((not rare[a].isdisjoint(rare[b]) for a, b in pairs), bool, len(i))


def people_factors(
    people: People,
    i: np.ndarray,
    j: np.ndarray,
    dates: np.ndarray,
    dated: np.ndarray,
    settings: Settings,
) -> np.ndarray:
    """``group_people_penalty`` for pairs more than ``group_people_gap_days`` apart, their date
    factor (``dated``) below 1, that name no rare person in common; else 1."""
    out = np.ones(len(i), dtype=np.float64)
    if settings.group_people_penalty >= 1.0 or not len(i):
        return out
    da, db = dates[i], dates[j]
    far = (dated < 1.0) & (da >= 0) & (db >= 0) & (np.abs(da - db) > settings.group_people_gap_days)
    k = np.flatnonzero(far)
    out[k[~people.shared(i[k], j[k])]] = settings.group_people_penalty
    return out
