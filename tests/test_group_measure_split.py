"""The measure pass (checker/group/measure_split.py, anchors.first_figures): an event whose
reports lead with disagreeing decisive figures (two quakes of one island) is cut; reports whose
figures agree within the tolerance (5.9 and 6.1 from two agencies) stay one event."""

from __future__ import annotations

import dataclasses

from checker.extract import extract_claims
from checker.group import group_events
from checker.group.anchors import first_figures
from checker.group.words import DECISIVE
from checker.model import Article
from checker.settings import DEFAULT
from checker.split import split_article
from tests.helpers import OTHER_STORIES

BODY = (
    " hit Qeshm island off the coast of Hormozgan province near Bandar Abbas on Sunday, "
    "damaging homes in Dargahan and Tabl, the Iranian Red Crescent said. Governor Ahmad "
    "Mirzaei said rescue teams from Bandar Abbas reached Dargahan and Tabl by boat."
)
PLAIN = [
    "A strong earthquake" + BODY,
    "An earthquake" + BODY + " Tents were sent to Dargahan.",
    "A quake" + BODY + " Schools in Tabl were closed.",
    "The earthquake" + BODY + " Power was cut in Dargahan.",
]
OFF = dataclasses.replace(DEFAULT, group_measure_split_min_part=0)


def claims_of(articles: list[Article]) -> dict:
    return {a.id: extract_claims(split_article(a, DEFAULT), DEFAULT) for a in articles}


def quake(aid: str, magnitude: str) -> Article:
    return Article(aid, f"A magnitude {magnitude} earthquake" + BODY)


def sets(events) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events if not e.articles[0].startswith("z")}


def with_others(arts: list[Article]) -> list[Article]:
    plain = [Article(f"p{k}", text) for k, text in enumerate(PLAIN)]
    return arts + plain + [Article(f"z{k}", text) for k, text in enumerate(OTHER_STORIES)]


def test_first_figures_are_those_of_the_first_sentence_giving_one():
    text = (
        "Quake hits Qeshm. Many were hurt. It measured magnitude 5.6, the institute said. "
        "An aftershock of magnitude 5.2 followed."
    )
    claims = claims_of([Article("x", text)])["x"]
    assert first_figures(claims, DECISIVE, 5) == {"magnitude": frozenset({5.6})}
    assert first_figures(claims, DECISIVE, 2) == {}


def test_two_quakes_of_one_island_are_cut_apart():
    quakes = [quake("a1", "5.6"), quake("a2", "5.6"), quake("b1", "5.9"), quake("b2", "6.1")]
    arts = with_others(quakes)
    claims = claims_of(arts)
    everyone = frozenset(a.id for a in arts if not a.id.startswith("z"))
    assert sets(group_events(arts, claims, OFF)) == {everyone}
    events = [e for e in group_events(arts, claims) if not e.articles[0].startswith("z")]
    assert len(events) == 2
    assert any({"a1", "a2"} <= set(e.articles) for e in events)
    assert any({"b1", "b2"} <= set(e.articles) for e in events)
    whys = sorted(e.why.split("; ")[-1] for e in events)
    assert any(w.endswith("magnitude 5.6 vs magnitude 5.9/6.1") for w in whys)
    assert any(w.endswith("magnitude 5.9/6.1 vs magnitude 5.6") for w in whys)


def test_agreeing_figures_and_a_lone_outlier_do_not_cut():
    arts = with_others([quake("a1", "5.9"), quake("a2", "6.1"), quake("a3", "5.9")])
    assert len(sets(group_events(arts, claims_of(arts)))) == 1
    arts = with_others([quake("a1", "5.9"), quake("a2", "5.9"), quake("o", "5.2")])
    claims = claims_of(arts)
    assert sets(group_events(arts, claims)) == sets(group_events(arts, claims, OFF))
