"""Verdicts on small, explicit cases: the rules an editor relies on."""

import math

from checker.extract import extract_claims
from checker.judge import judge_event
from checker.model import Article, Event
from checker.split import split_article


def audit(*texts, dates=None):
    articles = {
        f"r{k}": Article(f"r{k}", t, date=(dates or {}).get(k)) for k, t in enumerate(texts)
    }
    sentences = {a: split_article(art) for a, art in articles.items()}
    claims = {a: extract_claims(ss) for a, ss in sentences.items()}
    event = Event("E1", tuple(sorted(articles)))
    return judge_event(event, articles, sentences, claims)


def verdicts(findings, verdict, kind=None):
    return [f for f in findings if f.verdict == verdict and (kind is None or f.kind == kind)]


def test_same_figure_is_an_agreement_with_every_report():
    found = audit(
        "Defenses destroyed 40 UAVs over Kaluga Oblast.",
        "PAD forces destroyed 40 unmanned aerial vehicles over the Kaluga region.",
        "In the Kaluga region, 40 drones were destroyed.",
    )
    (ag,) = verdicts(found, "agreement", "numeric")
    assert {c.article for c in ag.claims} == {"r0", "r1", "r2"}
    assert not verdicts(found, "contradiction")


def test_forty_versus_forty_one_is_a_numeric_contradiction():
    found = audit(
        "Defenses destroyed 40 UAVs over Kaluga Oblast.",
        "Defenses destroyed 41 UAVs over Kaluga Oblast.",
    )
    (ct,) = verdicts(found, "contradiction", "numeric")
    assert sorted(c.value for c in ct.claims) == [40, 41]
    assert "40" in ct.explanation and "41" in ct.explanation


def test_compatible_figures_are_not_contradictions():
    found = audit(
        "Defenses destroyed 40 UAVs over Kaluga Oblast.",
        "Defenses destroyed about 40 UAVs over Kaluga Oblast.",
    )
    assert not verdicts(found, "contradiction")
    found = audit(
        "More than 250 people were evacuated from Kherson.",
        "Between 250 and 300 people were evacuated from Kherson.",
    )
    assert not verdicts(found, "contradiction")


def test_interval_compatibility():
    from checker.model import Figure

    def c(lo, hi):
        return Figure(lo, lo, hi)

    assert c(40, 40).compatible(c(36, 44))
    assert c(250.5, math.inf).compatible(c(250, 300))
    assert not c(40, 40).compatible(c(41, 41))
    assert not c(30.5, math.inf).compatible(c(30, 30))


def test_no_injuries_versus_two_injured_is_a_negation_contradiction():
    found = audit(
        "The drone hit a house in Belgorod. No injuries were reported.",
        "The drone hit a house in Belgorod. Two people were injured.",
    )
    (ct,) = verdicts(found, "contradiction", "negation")
    assert {c.article for c in ct.claims} == {"r0", "r1"}


def test_same_wave_versus_separate_incident_is_disputed():
    found = audit(
        "In Voronezh, the target was part of the same wave of attacks.",
        "In Voronezh, officials reported a separate incident.",
    )
    assert verdicts(found, "disputed", "relation")


def test_counting_the_gunman_is_explained_not_a_contradiction():
    found = audit(
        "The gunman killed 49 people at the club before police shot him dead. "
        "The gunman was killed.",
        "A total of 50 people were killed in the shooting at the club.",
    )
    assert not verdicts(found, "contradiction")
    (ex,) = verdicts(found, "explained", "convention")
    assert sorted(c.value for c in ex.claims) == [49, 50]


def test_a_part_of_the_victims_does_not_contradict_the_total():
    found = audit(
        "Seven people were wounded in the shooting in Calumet City.",
        "Three of them remain in critical condition. Two people were critically "
        "wounded in Calumet City.",
    )
    assert not verdicts(found, "contradiction")


def test_swapped_ages_are_contradictions_and_a_birthday_is_not():
    found = audit(
        "Norris Greenhouse Jr., 23, and Derrick Stafford, 32, were indicted.",
        "Norris Greenhouse Jr., 32, and Derrick Stafford, 23, were charged.",
        "Norris Greenhouse Jr., 24, was released.",
        dates={0: "2015-12-10", 1: "2015-11-07", 2: "2016-03-08"},
    )
    cts = verdicts(found, "contradiction", "age")
    assert {f.slot for f in cts} == {"age|greenhouse", "age|stafford"}
    greenhouse = next(f for f in cts if f.slot == "age|greenhouse")
    assert "23/24 in 2 reports (r0, r2) vs 32 in 1 report (r1)" in greenhouse.explanation


def test_embellishments_have_kinds_and_severity():
    base = "Last night, defenses destroyed 40 UAVs over Kaluga Oblast. Airports were closed."
    found = audit(
        base + " Eyewitnesses reported the sound of anti-aircraft fire. Analysts "
        "suggest that these operations may be part of a broader strategy.",
        base,
    )
    kinds = {f.kind: f for f in verdicts(found, "embellishment")}
    assert {"unsourced witness", "speculation"} <= set(kinds)
    assert all(c.article == "r0" for f in kinds.values() for c in f.claims)
    assert kinds["speculation"].severity > 1


def test_framing_shared_by_both_reports_is_not_an_embellishment():
    text = (
        "Defenses destroyed 40 UAVs over Kaluga Oblast. Analysts suggest that these "
        "operations may be part of a broader strategy to test the defenses."
    )
    found = audit(text, text.replace("UAVs", "drones"))
    assert not [f for f in verdicts(found, "embellishment") if f.kind == "speculation"]


def test_a_sourced_intensifier_is_the_source_s_words():
    found = audit(
        "Governor Alexander Gusev said the strike caused significant damage in Voronezh.",
        "The strike caused damage in Voronezh.",
    )
    assert not [f for f in verdicts(found, "embellishment") if "intensifier" in f.kind]
    found = audit(
        "The strike caused significant damage in Voronezh.", "The strike caused damage in Voronezh."
    )
    (f,) = [f for f in verdicts(found, "embellishment") if "intensifier" in f.kind]
    assert f.kind == "intensifier on shared fact"


def test_an_article_giving_two_figures_is_no_side_of_a_contradiction():
    """A report that gives both values (a first count and a later one, a part and the whole)
    is not set against another report giving one of them: on real news such pairs were
    updates far more often than conflicts."""
    found = audit(
        "Defenses destroyed 40 UAVs over Kaluga Oblast last night. "
        "Officials later said defenses destroyed 41 UAVs over Kaluga Oblast last night.",
        "Defenses destroyed 41 UAVs over Kaluga Oblast last night.",
    )
    assert verdicts(found, "contradiction") == []


def test_verdicts_do_not_depend_on_article_order():
    a = "Defenses destroyed 40 UAVs over Kaluga Oblast. No injuries were reported."
    b = "Defenses destroyed 41 UAVs over Kaluga Oblast. Eyewitnesses heard explosions."

    def swap(text):
        return text.replace("r1", "X").replace("r0", "r1").replace("X", "r0")

    one = [(f.verdict, f.kind, f.slot, f.explanation) for f in audit(a, b)]
    two = [(f.verdict, f.kind, swap(f.slot), swap(f.explanation)) for f in audit(b, a)]
    assert sorted(one) == sorted(two)


def test_different_days_for_the_same_fact_are_a_temporal_contradiction():
    found = audit(
        "On July 17, 40 drones were shot down over Kaluga Oblast.",
        "On July 18, 40 drones were shot down over Kaluga Oblast.",
    )
    (ct,) = verdicts(found, "contradiction", "temporal")
    assert sorted(c.quote for c in ct.claims) == ["July 17", "July 18"]


def test_adjacent_weekdays_and_unrelated_sentences_are_not_temporal_contradictions():
    found = audit(
        "Late Saturday night, two men were killed in Miami.",
        "Early Sunday, two men were killed in Miami.",
    )
    assert not verdicts(found, "contradiction", "temporal")
    found = audit(
        "Two men were killed in Miami on Sunday.",
        "A judge on Thursday ordered the suspect held; two men were killed in Miami.",
    )
    assert not verdicts(found, "contradiction", "temporal")


def test_ages_compare_at_most_forty_mentions_per_report():
    """A report repeating one person's age hundreds of times costs no more than forty
    mentions: the agreement quotes at most forty from each report."""
    line = "Derrick Stafford, 32, was charged. "
    found = audit(line * 100, line * 100)
    (ag,) = verdicts(found, "agreement", "age")
    assert sorted({c.article for c in ag.claims}) == ["r0", "r1"]
    assert max(sum(c.article == a for c in ag.claims) for a in ("r0", "r1")) == 40
