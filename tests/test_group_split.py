"""The split pass (checker/group/split.py): a large event made of two look-alike events, each
with its own people, is cut in two; one event whose reports spell a name two ways is not."""

from __future__ import annotations

import dataclasses

from checker.group import group_events
from checker.model import Article
from checker.settings import DEFAULT
from tests.helpers import OTHER_STORIES

VERBS = ["stopped", "beat", "defeated", "outpointed", "knocked out", "overwhelmed"]


def fights(opponent: str, town: str, count: int, prefix: str) -> list[Article]:
    return [
        Article(
            f"{prefix}{k}",
            f"Wladimir Klitschko {VERBS[k]} {opponent} in {town} to keep the heavyweight "
            f"titles. Klitschko and {opponent} met before a full arena in {town}.",
        )
        for k in range(count)
    ]


def sets(events):
    return {frozenset(e.articles) for e in events}


def collection(a: list[Article], b: list[Article]) -> list[Article]:
    others = [Article(f"z{k}", text) for k, text in enumerate(OTHER_STORIES)]
    return [*a, *b, *others]


# The place pass alone keeps fights in two towns apart ("in Mannheim" / "in Bern"): off here,
# so the split pass is what cuts them.
SETTINGS = dataclasses.replace(
    DEFAULT, group_split_min_size=8, group_split_min_part=3, group_place_penalty=1.0
)


def test_two_fights_of_one_boxer_are_cut_in_two():
    rahman = fights("Hasim Rahman", "Mannheim", 5, "r")
    thompson = fights("Tony Thompson", "Bern", 5, "t")
    arts = collection(rahman, thompson)
    off = dataclasses.replace(SETTINGS, group_split_min_size=0)
    merged = frozenset(a.id for a in rahman + thompson)
    assert merged in sets(group_events(arts, {}, off))
    events = group_events(arts, {}, SETTINGS)
    found = sets(events)
    assert frozenset(a.id for a in rahman) in found
    assert frozenset(a.id for a in thompson) in found
    whys = sorted(e.why.split("; ")[-1] for e in events if len(e.articles) == 5)
    assert whys == [
        "cut from E1: Tony Thompson vs Hasim Rahman",
        "cut from E2: Hasim Rahman vs Tony Thompson",
    ]


def test_one_company_spelt_two_ways_stays_one_event():
    """Each part has a name the other never writes, but they share one of its words."""
    one = fights("Tallgrass Distributors", "Mannheim", 5, "r")
    two = fights("Tallgrass Distribution", "Mannheim", 5, "t")
    found = sets(group_events(collection(one, two), {}, SETTINGS))
    assert frozenset(a.id for a in one + two) in found
