"""Anchor facts (and ages) from the extractor's claims: the one place grouping reads ``Claim``.

An anchor fact is ``slot=value`` of an exact (not vague) quantity claim. Shared anchor facts
are evidence for one event; figures of one kind that all disagree are evidence against.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.model import Claim, format_number

Values = list[tuple[float, float, float]]  # (value, low, high) of exact quantity claims


def anchors(claims: Sequence[Claim]) -> dict[str, Values]:
    """slot -> figures of the exact (not vague) quantity claims of one article."""
    out: dict[str, Values] = {}
    for c in claims:
        if c.kind != "quantity" or c.vague or c.value is None or not c.slot:
            continue
        low = c.value if c.low is None else c.low
        high = c.value if c.high is None else c.high
        out.setdefault(str(c.slot), []).append((float(c.value), float(low), float(high)))
    return out


def decisive(
    claims: Sequence[Claim], predicates: frozenset[str], sentences: int
) -> dict[str, frozenset[float]]:
    """Measure -> the figures the headline and lede (the first ``sentences`` sentences) give
    for it: exact quantity claims whose predicate is decisive ("magnitude" -> {5.6})."""
    out: dict[str, set[float]] = {}
    for c in claims:
        if c.kind != "quantity" or c.vague or c.value is None or c.sentence >= sentences:
            continue
        if c.predicate in predicates:
            out.setdefault(c.predicate, set()).add(float(c.value))
    return {m: frozenset(v) for m, v in out.items()}


def first_figures(
    claims: Sequence[Claim], predicates: frozenset[str], sentences: int
) -> dict[str, frozenset[float]]:
    """Measure -> the figures of the first sentence (among the first ``sentences``) that gives
    one for it: the figure a report leads with, before the aftershocks and earlier quakes it
    may mention further down."""
    first: dict[str, int] = {}
    out: dict[str, set[float]] = {}
    for c in sorted(claims, key=lambda c: c.sentence):
        if c.kind != "quantity" or c.vague or c.value is None or c.sentence >= sentences:
            continue
        if c.predicate in predicates and first.setdefault(c.predicate, c.sentence) == c.sentence:
            out.setdefault(c.predicate, set()).add(float(c.value))
    return {m: frozenset(v) for m, v in out.items()}


def ages(claims: Sequence[Claim]) -> frozenset[str]:
    """The ages the article gives of named people ("Jane Doe, 23" -> "23")."""
    return frozenset(
        format_number(c.value)
        for c in claims
        if c.kind == "age" and c.value is not None and not c.vague
    )


def anchor_features(found: dict[str, Values]) -> list[str]:
    """The ``a:`` features of one article's anchors, one per distinct figure of a slot."""
    return [
        f"a:{slot}={format_number(value)}"
        for slot, values in found.items()
        for value in sorted({v for v, _, _ in values})
    ]


def coarse(slot: str) -> str:
    """What is counted and what happened to it, without the place: "drone|downed"."""
    return "|".join(slot.split("|")[-2:])


def overlap(va: Values, vb: Values) -> list[float]:
    """Figures of either side that the other side's intervals allow."""
    return sorted(
        {v for v, _, _ in va if any(lo <= v <= hi for _, lo, hi in vb)}
        | {v for v, _, _ in vb if any(lo <= v <= hi for _, lo, hi in va)}
    )


def by_kind(found: dict[str, Values]) -> dict[str, Values]:
    """The anchors grouped by kind of count (``coarse`` slot)."""
    out: dict[str, Values] = {}
    for slot, values in found.items():
        out.setdefault(coarse(slot), []).extend(values)
    return out


def compare(
    a: dict[str, Values], b: dict[str, Values], ka: dict[str, Values], kb: dict[str, Values]
) -> tuple[list[str], int]:
    """Anchor facts two articles share (same slot, a figure both allow), and how strongly they
    disagree: for each kind of count both give with no figure in common, the smaller number of
    distinct figures the two give for it. ``ka``/``kb``: the anchors by kind (``by_kind``)."""
    shared = []
    for slot in sorted(a.keys() & b.keys()):
        agree = overlap(a[slot], b[slot])
        if agree:
            shared.append(f"{slot}={format_number(agree[0])}")
    strength = 0
    for kind in sorted(ka.keys() & kb.keys()):
        if not overlap(ka[kind], kb[kind]):
            strength += min(len({v for v, _, _ in ka[kind]}), len({v for v, _, _ in kb[kind]}))
    return shared, strength


def disagree(
    a: dict[str, Values], b: dict[str, Values], ka: dict[str, Values], kb: dict[str, Values]
) -> int | None:
    """``compare``'s strength when the two articles share no anchor fact, else None: what
    counter-evidence needs, without writing out the facts they share (it tests many
    pairs; one that shares a fact is known at the first slot that agrees)."""
    if any(_meet(a[slot], b[slot]) for slot in a.keys() & b.keys()):
        return None
    strength = 0
    for kind in ka.keys() & kb.keys():
        if not _meet(ka[kind], kb[kind]):
            strength += min(len({v for v, _, _ in ka[kind]}), len({v for v, _, _ in kb[kind]}))
    return strength


def _meet(va: Values, vb: Values) -> bool:
    """Whether ``overlap`` finds a figure: one side's figure in the other side's interval."""
    return any(lo <= v <= hi for v, _, _ in va for _, lo, hi in vb) or any(
        lo <= v <= hi for v, _, _ in vb for _, lo, hi in va
    )
