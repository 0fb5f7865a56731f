"""Pair claims across the articles of one event.

Two claims are about the same thing when they share a slot: the same counted noun and predicate
class ("drone|downed"), the same absence, the same person's age. A place splits a slot only
when some report itself gives different figures for different places (Kaluga 40, Moscow 32);
otherwise reports that place a figure differently ("south Sacramento" / "Sacramento") or not at
all are still compared. Whole sentences are paired by fuzzy matching (RapidFuzz ``cdist``) so
paraphrases count as support for one another.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process, utils

from checker.model import Claim, ClaimKind, Sentence, Slot
from checker.settings import DEFAULT, Settings

COMPARED_KINDS = (
    ClaimKind.QUANTITY,
    ClaimKind.FACT,
    ClaimKind.ABSENCE,
    ClaimKind.RELATION,
    ClaimKind.AGE,
)

_PLACE_BOUND = (ClaimKind.ABSENCE, ClaimKind.FACT)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Claims from one or more articles about one slot."""

    key: Slot  # the slot as shown to the editor (the place most reports give)
    kind: ClaimKind
    claims: tuple[Claim, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({c.article for c in self.claims}))


def claim_order(c: Claim) -> tuple:
    return (c.article, c.sentence, c.start, c.end, c.kind, str(c.slot), c.label)


def base_key(c: Claim) -> tuple[str, str, str]:
    """The slot without its place: what is counted and what happened to it."""
    kind = ClaimKind.FACT if c.kind in (ClaimKind.QUANTITY, ClaimKind.FACT) else c.kind
    return kind, c.unit, c.predicate


def places_compatible(a: str, b: str) -> bool:
    """'south sacramento' and 'sacramento' are one place; '' matches nothing here."""
    if not a or not b:
        return False
    ta, tb = set(a.split()), set(b.split())
    return ta <= tb or tb <= ta


def align_claims(claims: Sequence[Claim]) -> tuple[Alignment, ...]:
    """Group the compared claims of one event by slot, splitting by place only where needed."""
    by_key: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=claim_order):
        if c.kind in COMPARED_KINDS:
            by_key[base_key(c)].append(c)
    out: list[Alignment] = []
    for key in sorted(by_key):
        group = by_key[key]
        parts = _split_by_place(group) if _place_splits(group) else [group]
        for part in parts:
            quantity = any(c.kind == ClaimKind.QUANTITY for c in part)
            kind = ClaimKind.QUANTITY if quantity else part[0].kind
            out.append(Alignment(_display_key(part, key), kind, tuple(part)))
    return tuple(out)


def _place_splits(group: Sequence[Claim]) -> bool:
    """Does any single report use the place to tell figures or facts apart? A consequence
    without a figure ("no injuries", "a fire") named in two different places is two facts."""
    if group[0].kind in _PLACE_BOUND:
        named = {c.place for c in group if c.place}
        if len(_distinct_places(named)) > 1:
            return True
    by_article: dict[str, set[str]] = defaultdict(set)
    values: dict[tuple[str, str], set] = defaultdict(set)
    for c in group:
        if c.place:
            by_article[c.article].add(c.place)
            value = c.value if c.kind == ClaimKind.QUANTITY else (c.label or c.predicate)
            values[(c.article, c.place)].add(value)
    for article, places in by_article.items():
        distinct = _distinct_places(places)
        if len(distinct) > 1:
            seen = [values[(article, p)] for p in places]
            labelled = group[0].kind in (ClaimKind.ABSENCE, ClaimKind.RELATION)
            if labelled or len({frozenset(v) for v in seen}) > 1:
                return True
    return False


def _distinct_places(places: set[str]) -> list[str]:
    out: list[str] = []
    for p in sorted(places, key=lambda p: (len(p), p)):
        if not any(places_compatible(p, q) for q in out):
            out.append(p)
    return out


def _split_by_place(group: Sequence[Claim]) -> list[list[Claim]]:
    """One part per place; a claim without a place joins only if there is one place at all."""
    anchors = _distinct_places({c.place for c in group if c.place})
    parts: dict[str, list[Claim]] = {p: [] for p in anchors}
    for c in group:
        match = [p for p in anchors if places_compatible(p, c.place)]
        if match:
            parts[match[0]].append(c)
        elif len(anchors) == 1:
            parts[anchors[0]].append(c)
    return [parts[p] for p in anchors if parts[p]]


def _display_key(part: Sequence[Claim], key: tuple[str, str, str]) -> Slot:
    places = sorted({c.place for c in part if c.place})
    counts = {p: sum(c.place == p for c in part) for p in places}
    place = max(places, key=lambda p: (counts[p], -len(p), p)) if places else ""
    _, unit, predicate = key
    return Slot(unit, predicate, place, part[0].slot.person)


# --------------------------------------------------------------------------- sentences


def normalise(text: str) -> str:
    return utils.default_process(text)


def similar_sentences(
    sentences: Mapping[str, Sequence[Sentence]], settings: Settings = DEFAULT
) -> dict[tuple[str, int], tuple[tuple[str, int, float], ...]]:
    """For every sentence, the sentences of *other* articles that say much the same.

    One ``cdist`` over the event's sentences (token_sort_ratio, which punishes extra content
    less than ratio and, unlike token_set_ratio, does not call a sentence a match for any longer
    one that contains its words). Quadratic in the sentences of one event only.
    """
    flat = [s for art in sorted(sentences) for s in sentences[art]]
    if not flat:
        return {}
    texts = [normalise(s.text) for s in flat]
    scores = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=1)
    index = {a: k for k, a in enumerate(sorted(sentences))}
    owner = np.array([index[s.article] for s in flat])
    result: dict[tuple[str, int], tuple[tuple[str, int, float], ...]] = {}
    for i, s in enumerate(flat):
        row = scores[i]
        hits = np.nonzero((row >= settings.statement_min_score) & (owner != owner[i]))[0]
        result[(s.article, s.index)] = tuple(
            (flat[j].article, flat[j].index, float(row[j])) for j in hits
        )
    return result
