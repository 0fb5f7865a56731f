"""Counts: figures with their counted noun, predicate and interval; what is not a count."""

import json
import math

import pytest

from tests.helpers import DATA, claims_of, one, quantities


@pytest.mark.parametrize(
    ("sentence", "unit", "predicate", "low", "high"),
    [
        (
            "Last night, anti-aircraft defenses destroyed 40 UAVs over Kaluga Oblast.",
            "drone",
            "downed",
            40,
            40,
        ),
        (
            "Moscow's air defenses shot down 32 drones that had been en route to the capital.",
            "drone",
            "downed",
            32,
            32,
        ),
        (
            "Eleven unmanned aerial vehicles (UAVs) were destroyed across four cities.",
            "drone",
            "downed",
            11,
            11,
        ),
        ("Russian forces shot down twenty-two Ukrainian drones.", "drone", "downed", 22, 22),
        ("Police said about 40 drones were intercepted.", "drone", "downed", 36, 44),
        ("More than 30 UAVs were shot down overnight.", "drone", "downed", 30, math.inf),
        ("At least 19 people were killed in the blast.", "person", "killed", 19, math.inf),
        ("Up to 16 people were injured, officials said.", "person", "injured", 0, 16),
        ("Between 250 and 300 people were evacuated.", "person", "evacuated", 250, 300),
        (
            "A shooting left 16 people injured Sunday night at the playground.",
            "person",
            "injured",
            16,
            16,
        ),
        (
            "Seven people were wounded in a drive-by shooting Monday night.",
            "person",
            "injured",
            7,
            7,
        ),
        ("A dozen officers were hurt during the protest.", "officer", "injured", 12, 12),
        ("Police arrested three suspects on Tuesday.", "suspect", "arrested", 3, 3),
        ("A 6.1-magnitude earthquake struck the island.", "earthquake", "magnitude", 6.1, 6.1),
        (
            "A quake measuring 5.6 on the Richter scale jolted the island.",
            "earthquake",
            "magnitude",
            5.6,
            5.6,
        ),
    ],
)
def test_figures_with_their_noun_predicate_and_interval(sentence, unit, predicate, low, high):
    c = one(sentence)
    assert (c.unit, c.predicate) == (unit, predicate)
    assert (c.low, c.high) == (
        pytest.approx(low),
        pytest.approx(high) if high != math.inf else high,
    )
    assert c.text[c.start : c.end] == c.quote


def test_wounded_others_is_the_second_figure_and_the_whole_of_it():
    """'three others' are all the wounded besides the dead: a whole count, which may
    contradict another report's; 'the other four' is a part."""
    got = quantities("The gunman killed two and wounded three others.")
    assert [(c.predicate, c.value) for c in got] == [("killed", 2), ("injured", 3)]
    assert "partial" not in got[1].notes
    (other,) = quantities("The other four were wounded.")
    assert "partial" in other.notes


@pytest.mark.parametrize(
    "sentence",
    [
        "As the dust settles, one thing is clear: the skies are no longer safe.",
        "The attack on July 17 added another layer to the crisis.",
        "The incidents occurred between 21:00 and 07:50 Moscow time.",
        "A 23-year-old man was taken to hospital.",
        "Photo: Image 3 of 9 shows the scene.",
        "Emily McKinley told WAVE 3 News the man died at University Hospital.",
        "The shooting happened in the 6500 block of 46th Street around 5 a.m.",
        "Call (916) 874-5115 if you saw anything.",
        "Offray faces 17 counts, one for each person wounded in the gunfire.",
        "He was one of the victims.",
        "In 2016, the city recorded many shootings.",
    ],
)
def test_numbers_that_are_not_counts_of_the_event_are_not_read(sentence):
    assert [(c.quote, c.slot) for c in quantities(sentence)] == []


def test_figures_on_real_gva_reports():
    """Each headline figure of these real reports is read with its predicate."""
    rows = {
        json.loads(line)["id"]: json.loads(line)
        for line in (DATA / "gva-discrepancies.jsonl").read_text().splitlines()
    }
    expected = {
        "adf2e023c857": ("injured", 16),  # "a shooting that left 16 people injured"
        "6c6edc952a0a": ("injured", 17),  # "10 women, 7 men wounded" / "17 people injured"
        "ac781c9620ff": ("injured", 7),  # "Seven people were wounded"
        "350abe9a8a54": ("injured", 6),  # "six people wounded"
    }
    for aid, (predicate, value) in expected.items():
        got = {
            (c.predicate, c.value)
            for c in claims_of(rows[aid]["text"], aid)
            if c.kind == "quantity" and c.unit == "person"
        }
        assert (predicate, value) in got, (aid, sorted(got))


# --- judging counts across reports ----------------------------------------------------------

from tests.test_judge import audit, verdicts  # noqa: E402


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Seven people were wounded in a drive-by shooting Monday night in Calumet City.",
            "Six people were wounded in a drive-by shooting in Calumet City on Monday.",
        ),
        (
            "A shooting left 16 people injured Sunday night at Bunny Friend Playground.",
            "A shooting left 17 people injured at Bunny Friend Playground.",
        ),
    ],
)
def test_lede_tolls_that_disagree_contradict(a, b):
    (ct,) = verdicts(audit(a, b), "contradiction", "numeric")
    assert ct.confidence >= 0.6 and {c.article for c in ct.claims} == {"r0", "r1"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a figure that is a part of the toll
        (
            "Five people were shot at the party.",
            "Three people who had been shot were taken by ambulance to the hospital.",
        ),
        # another time, a round-up
        (
            "Two people were killed in the shooting.",
            "Shootings across the city killed nine people over the weekend.",
        ),
        # an age after a name is no count
        (
            "Three people were found dead in the home.",
            "Jerry Coleman, 31 all died of gunshot wounds, the coroner said.",
        ),
        # injured beside those shot were hurt some other way
        (
            "Five people were killed and six injured at the airport.",
            "Five people are dead, six more shot, and nearly 40 injured at the airport.",
        ),
        # a report that gives both values is no side
        (
            "Four people were injured. Later police said three people were injured.",
            "Three people were injured.",
        ),
    ],
)
def test_figures_of_another_scope_never_contradict(a, b):
    assert verdicts(audit(a, b), "contradiction") == []


def test_counts_of_two_happenings_named_by_their_magnitude_never_contradict():
    found = audit(
        "A magnitude-5.2 quake has injured three people on the island.",
        "A 5.6 magnitude earthquake hit the island on Sunday, injuring five people.",
    )
    assert verdicts(found, "contradiction") == []


def test_a_figure_deep_in_two_reports_and_far_apart_is_not_reported():
    filler = "Police are investigating. " * 8
    found = audit(filler + "One woman was shot in the park.", filler + "Four women were shot.")
    assert verdicts(found, "contradiction") == []


def test_the_dead_counted_among_the_wounded_is_a_convention_not_a_conflict():
    found = audit(
        "One person was killed and nine were injured in the shooting.",
        "Ten people were wounded in the shooting.",
    )
    assert verdicts(found, "contradiction") == []
    (ex,) = verdicts(found, "explained")
    assert "dead" in ex.explanation


@pytest.mark.parametrize(
    ("sentence", "predicate", "total"),
    [
        ("Three women and a man were also shot and taken to a hospital.", "shot", 4),
        ("Police said two women and one man died at a branch of the bank.", "killed", 3),
        ("A woman was killed and three other women and a man injured.", "injured", 4),
        ("Police say four boys and one girl were shot.", "shot", 5),
    ],
)
def test_kinds_of_people_joined_by_and_are_one_count(sentence, predicate, total):
    got = [c for c in quantities(sentence) if c.slot.predicate == predicate]
    assert [(c.slot.what, c.value) for c in got] == [("person", total)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two women and a dog were rescued.",  # a dog is no person
        "Two women and a man spoke to reporters.",  # no casualty verb
    ],
)
def test_no_joined_count_without_people_and_a_casualty_verb(sentence):
    assert [c for c in quantities(sentence) if c.slot.what == "person"] == []


def test_shell_casings_are_counted_and_found_people_are_shot():
    (c,) = quantities("Police recovered 10 shell casings at the scene.")
    assert (c.slot.what, c.slot.predicate, c.value) == ("casing", "recovered", 10)
    (c,) = quantities("Officers found two people suffering from gunshot wounds.")
    assert (c.slot.what, c.slot.predicate, c.value) == ("person", "shot", 2)


def _wider(*texts):
    from tests.test_judge import audit, verdicts

    return [f for f in verdicts(audit(*texts), "agreement") if "(" in f.explanation]


def test_shot_and_wounded_agree_when_nobody_died():
    (f,) = _wider("Eight people were shot at the park.", "The gunfire wounded eight people.")
    assert {c.article for c in f.claims} == {"r0", "r1"}


def test_shot_counts_the_dead_so_it_meets_wounded_only_when_told_apart():
    assert (
        _wider(
            "Two men were killed and four people were shot.", "Two men died and four were wounded."
        )
        == []
    )
    assert _wider(
        "Two men were killed and four others were shot.", "Two men died and four were wounded."
    )


def test_a_kind_of_person_agrees_with_its_total_but_two_kinds_never_meet():
    assert _wider("Two men were killed in the attack.", "Two people were killed in the attack.")
    men, women = "Two men were killed in the attack.", "Two women were killed in the attack."
    assert _wider(men, women) == []


def test_a_figure_after_other_takes_the_verb_before_it():
    got = [c for c in quantities("The quake killed 10 persons and wounded other 70.")]
    assert [(c.slot.predicate, c.value) for c in got] == [("killed", 10), ("injured", 70)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Almost all of the 288 candidates running for 125 seats came from one party.",
        "A total of 288 candidates are vying for the 125 seats in the legislature.",
        "Voters were picking between 288 candidates for 125 seats.",
    ],
)
def test_candidates_in_a_race_are_counted_but_seats_are_not(sentence):
    assert [(c.slot.what, c.slot.predicate, c.value) for c in quantities(sentence)] == [
        ("candidate", "contested", 288)
    ]


def test_two_parts_one_of_a_role_do_not_meet():
    assert (
        _wider(
            "One man was killed. Two additional firefighters were injured.",
            "One man was killed. Two others remained hospitalized.",
        )
        == []
    )


def test_figures_an_order_of_magnitude_apart_are_judged_apart():
    """Two happenings merged into one event ('injured two', 'injuring five' vs '80 hurt',
    'about 50 hurt'): each order of magnitude may disagree within itself, never across."""
    found = audit(
        "An earthquake on the island injured two people on Sunday.",
        "The earthquake struck the island on Sunday, injuring five people.",
        "The earthquake killed ten people on Sunday and injured 80 people.",
        "The earthquake killed ten people on Sunday and injured 50 people.",
    )
    conflicts = [sorted(c.value for c in f.claims) for f in verdicts(found, "contradiction")]
    assert sorted(conflicts) == [[2, 5], [50, 80]]


def test_a_headline_side_is_shown_with_its_body_sentence_of_the_same_figure():
    found = audit(
        "Quake Kills 10; 90 Hurt\n\nA quake struck Qeshm, killing 10 and injuring 90 people.",
        "A quake struck Qeshm, killing 10 people and wounding 70 others.",
    )
    (ct,) = verdicts(found, "contradiction")
    assert [(c.article, c.quote) for c in ct.claims] == [
        ("r0", "90 Hurt"),
        ("r0", "injuring 90 people"),
        ("r1", "wounding 70 others"),
    ]


def test_a_conflict_found_in_two_happening_groups_is_reported_once_whole():
    from checker.claims.figures import _drop_contained

    a, b, c = object(), object(), object()
    assert _drop_contained([[a, b], [a, b, c], [a, b, c], [c]]) == [[a, b, c]]


def test_agreeing_tolls_are_judged_without_reading_the_ledes_for_their_days():
    """The ledes are tokenized for the days and round-ups they tell only when two reports'
    figures disagree (most events with figures agree)."""
    from checker.align import align_claims
    from checker.claims import count
    from checker.claims.base import EventContext
    from checker.extract import extract_claims
    from checker.model import Article, Event
    from checker.settings import DEFAULT
    from checker.split import split_article

    def context(*texts):
        articles = {f"r{k}": Article(f"r{k}", t) for k, t in enumerate(texts)}
        sentences = {a: split_article(art) for a, art in articles.items()}
        pool = tuple(c for a in sorted(articles) for c in extract_claims(sentences[a]))
        event = Event("E1", tuple(sorted(articles)))
        return EventContext(event, articles, sentences, pool, align_claims(pool), DEFAULT)

    agreeing = context("Four people were shot Friday.", "Police said four people were shot.")
    assert verdicts(list(count.judge(agreeing)), "agreement")
    assert "ledes" not in vars(agreeing)
    disagreeing = context("Four people were shot Friday.", "Police said six people were shot.")
    assert verdicts(list(count.judge(disagreeing)), "contradiction")
    assert "ledes" in vars(disagreeing)
