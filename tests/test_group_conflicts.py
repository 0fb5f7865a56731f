"""Counter-evidence for grouping (checker/group/conflicts.py, anchors.decisive)."""

from __future__ import annotations

import dataclasses

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from checker.extract import extract_claims
from checker.group import group_events, prepare
from checker.group.anchors import decisive
from checker.group.conflicts import conflict_factors, decisive_conflict
from checker.group.words import DECISIVE
from checker.model import Article
from checker.settings import DEFAULT
from checker.split import split_article


def claims_of(articles: list[Article]) -> dict:
    return {a.id: extract_claims(split_article(a, DEFAULT), DEFAULT) for a in articles}


def figures(text: str) -> dict:
    claims = claims_of([Article("x", text)])["x"]
    return decisive(claims, DECISIVE, DEFAULT.group_decisive_sentences)


def test_decisive_figures_in_the_lede():
    assert figures("A 5.6 magnitude earthquake hit Qeshm island.") == {
        "magnitude": frozenset({5.6})
    }
    assert figures("Ten people died when the quake hit the island.") == {}
    late = "Quake hits. Many hurt. Villages damaged. Aid sent. It was a 5.6 magnitude quake."
    assert figures(late) == {}  # beyond the headline and lede


def test_decisive_conflict_allows_rounding():
    assert decisive_conflict({"magnitude": frozenset({5.6})}, {"magnitude": frozenset({5.9})}, 0.02)
    assert not decisive_conflict(
        {"magnitude": frozenset({5.9})}, {"magnitude": frozenset({5.95, 4.0})}, 0.02
    )
    assert not decisive_conflict({"magnitude": frozenset({5.6})}, {}, 0.02)


def test_pairs_with_disagreeing_magnitudes_are_penalised():
    arts = [
        Article("a", "A 5.6 magnitude earthquake hit Qeshm island on Sunday."),
        Article("b", "A 5.9 magnitude earthquake hit Qeshm island on Sunday."),
        Article("c", "An earthquake of magnitude 5.6 hit Qeshm island."),
    ]
    scorer = prepare(arts, claims_of(arts), DEFAULT)
    i, j = np.asarray([0, 0]), np.asarray([1, 2])
    got = conflict_factors(scorer.evidence, i, j, DEFAULT).tolist()
    assert got == [DEFAULT.group_decisive_penalty, 1.0]
    off = dataclasses.replace(DEFAULT, group_decisive_penalty=1.0)
    assert conflict_factors(scorer.evidence, i, j, off).tolist() == [1.0, 1.0]


def test_why_names_what_kept_a_look_alike_apart():
    body = (
        " hit Qeshm island off the coast of Hormozgan province near Bandar Abbas, damaging "
        "homes in Dargahan and Tabl, the Iranian Red Crescent said."
    )
    arts = [
        Article("a", "A 5.6 magnitude earthquake" + body),
        Article("b", "A 5.9 magnitude earthquake" + body),
    ]
    events = group_events(arts, claims_of(arts))
    assert {e.articles for e in events} == {("a",), ("b",)}
    why = {e.articles[0]: e.why for e in events}
    assert why["a"].endswith("; not merged with E2: magnitude 5.6 vs 5.9")
    assert why["b"].endswith("; not merged with E1: magnitude 5.9 vs 5.6")
    same_arts = [arts[0], Article("c", "A magnitude 5.6 earthquake" + body)]
    same = group_events(same_arts, claims_of(same_arts))
    assert len(same) == 1 and "not merged" not in same[0].why


def test_ages_of_age_claims_count_when_enabled():
    from checker.group.anchors import ages
    from checker.model import Claim, ClaimKind, Figure, Slot

    def age(article: str, value: float) -> Claim:
        return Claim(
            article, 0, ClaimKind.AGE, Slot(person="doe"), "Jane Doe, 23", "Jane Doe, 23.",
            figure=Figure(value, value, value), name="jane doe",
        )  # fmt: skip

    claims = {"a": [age("a", 23)], "b": [age("b", 41)]}
    assert ages(claims["a"]) == frozenset({"23"})
    arts = [Article("a", "Jane Doe was hurt in Tulsa."), Article("b", "Jane Doe was hurt.")]
    i, j = np.asarray([0]), np.asarray([1])
    on = dataclasses.replace(DEFAULT, group_claimed_ages=True)
    off = dataclasses.replace(DEFAULT, group_claimed_ages=False)
    assert conflict_factors(prepare(arts, claims, on).evidence, i, j, on).tolist() == [
        on.group_age_penalty
    ]
    assert conflict_factors(prepare(arts, claims, off).evidence, i, j, off).tolist() == [1.0]


def test_one_street_written_two_ways_is_no_conflict():
    """Pike St. and Pike Street, Sixth St. and 6th Street are one street; a court where
    the case is heard is no street of the scene. Different streets still count against."""
    arts = [
        Article("a", "Two men were shot on Pike St. in Seattle, police said."),
        Article("b", "Two men were shot on Pike Street in Seattle, police said."),
        Article("c", "Two men were shot on Sixth St. in Austin."),
        Article("d", "A man appeared in District Court over a shooting on 6th Street."),
        Article("e", "Two men were shot on Union Street in Seattle."),
    ]
    scorer = prepare(arts, claims_of(arts), DEFAULT)
    assert scorer.evidence.addr_sets[3] == frozenset({"6th street"})
    i, j = np.asarray([0, 2, 0]), np.asarray([1, 3, 4])
    got = conflict_factors(scorer.evidence, i, j, DEFAULT).tolist()
    assert got == [1.0, 1.0, DEFAULT.group_address_penalty]


def test_a_large_count_in_common_lifts_the_age_and_address_penalties():
    """Reports that agree on 49 killed tell of one large event: the victims whose ages they
    give and the streets they name differ. Agreeing on one death proves nothing of the kind."""
    arts = [
        Article(
            "a", "A gunman killed 49 people at a club. A 20-year-old woman survived on Pike Street."
        ),
        Article(
            "b", "A gunman killed 49 people at a club. A 35-year-old man died on Union Street."
        ),
        Article(
            "c", "A gunman killed 1 person at a club. A 20-year-old woman survived on Pike Street."
        ),
        Article("d", "A gunman killed 1 person at a club. A 35-year-old man died on Union Street."),
    ]
    scorer = prepare(arts, claims_of(arts), DEFAULT)
    assert scorer.evidence.age_sets[0] and scorer.evidence.addr_sets[1]
    i, j = np.asarray([0, 2]), np.asarray([1, 3])
    got = conflict_factors(scorer.evidence, i, j, DEFAULT).tolist()
    assert got == [1.0, DEFAULT.group_address_penalty * DEFAULT.group_age_penalty]


_FIGURES = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 3)).map(
        lambda t: (float(t[0]), float(t[0] - t[1] % 2), float(t[0] + t[1] // 2))
    ),
    min_size=1,
    max_size=3,
)
_ANCHORS = st.dictionaries(st.sampled_from(["x|man|shot", "y|man|shot", "x|man|died"]), _FIGURES)


@given(_ANCHORS, _ANCHORS)
@example({"x|man|shot": [(2.0, 1.0, 3.0)]}, {"x|man|shot": [(3.0, 3.0, 3.0)]})  # b's in a's
@example({"x|man|shot": [(2.0, 2.0, 2.0)]}, {"y|man|shot": [(3.0, 3.0, 3.0), (4.0, 4.0, 4.0)]})
def test_disagree_is_compares_strength_when_nothing_is_shared(a, b):
    """Counter-evidence asks ``disagree``; the explanations ``compare``: they must agree."""
    from checker.group.anchors import by_kind, compare, disagree

    shared, strength = compare(a, b, by_kind(a), by_kind(b))
    assert disagree(a, b, by_kind(a), by_kind(b)) == (None if shared else strength)


_MEASURES = st.dictionaries(
    st.sampled_from(["magnitude", "depth"]),
    st.frozensets(st.sampled_from([5.6, 5.7, 5.9, 6.0, 10.0, -1.0, 0.0]), min_size=1),
)


@given(_MEASURES, _MEASURES, st.sampled_from([0.0, 0.02, 0.1]))
def test_decisive_apart_is_whether_decisive_conflict_finds_one(a, b, tolerance):
    from checker.group.conflicts import decisive_apart

    assert decisive_apart(a, b, tolerance) == bool(decisive_conflict(a, b, tolerance))
