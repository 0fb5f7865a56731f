"""Extraction on real-style sentences: what must be read, and what must not."""

import json
import math

import pytest

from tests.helpers import DATA, claims_of


def quantities(text, places=()):
    return [c for c in claims_of(text, places=frozenset(places)) if c.kind == "quantity"]


def one(text, places=()):
    got = quantities(text, places)
    assert len(got) == 1, [(c.quote, c.slot) for c in got]
    return got[0]


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
        ("More than 30 UAVs were shot down overnight.", "drone", "downed", 30.5, math.inf),
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


def test_wounded_others_is_the_second_figure_and_a_part():
    got = quantities("The gunman killed two and wounded three others.")
    assert [(c.predicate, c.value) for c in got] == [("killed", 2), ("injured", 3)]
    assert "partial" in got[1].convention


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


def test_places_are_normalised_oblast_region_and_possessive():
    a = one("Anti-aircraft defenses destroyed 40 UAVs over the territory of Kaluga Oblast.")
    b = one("PAD forces destroyed 40 UAVs over the Kaluga region.")
    c = one("In Kaluga Region, 40 drones were shot down.")
    assert a.place == b.place == c.place == "kaluga"
    d = one("Earlier, Moscow’s air defenses shot down 32 drones.", places={"moscow"})
    assert d.place == "moscow"


def test_place_is_inherited_from_the_previous_sentence():
    claims = claims_of(
        "Drones attacked the Kaluga region overnight. "
        "Preliminary reports confirm no casualties or structural damage."
    )
    absences = [c for c in claims if c.kind == "absence"]
    assert {c.label for c in absences} == {"killed,injured", "damage"}
    assert all(c.place == "kaluga" and c.place_inherited for c in absences)


def test_place_after_a_comma_where_belongs_to_the_figure():
    c = one("Night fell over Moscow, where 32 drones were shot down.", places={"moscow"})
    assert c.place == "moscow"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Preliminary reports confirm no casualties or structural damage.", "killed,injured"),
        ("Power supply interruptions were recorded, though no injuries were reported.", "injured"),
        (
            "The Belgorod incident, though not resulting in casualties, raised concerns.",
            "killed,injured",
        ),
        ("No one was hurt, police said.", "injured"),
    ],
)
def test_absence_claims(sentence, label):
    labels = {c.label for c in claims_of(sentence) if c.kind == "absence"}
    assert label in labels


def test_relation_claims_same_and_separate():
    same = claims_of("Authorities believe it was part of the same wave of attacks.")
    sep = claims_of("The region reported a separate incident involving a drone.")
    assert [c.label for c in same if c.kind == "relation"] == ["same"]
    assert [c.label for c in sep if c.kind == "relation"] == ["separate"]


@pytest.mark.parametrize(
    ("sentence", "who", "age"),
    [
        (
            "Norris Greenhouse Jr., 23, and Lt. Derrick Stafford, 32, were indicted.",
            "greenhouse",
            23,
        ),
        ("Norris Greenhouse Jr., 23, and Lt. Derrick Stafford, 32, were indicted.", "stafford", 32),
        ("Police identified 29-year-old Omar Mir Seddique Mateen as the suspect.", "mateen", 29),
        ("Courtney L. Taylor, 41, of Williamsburg was released.", "taylor", 41),
    ],
)
def test_ages_of_named_people(sentence, who, age):
    ages = {c.predicate: c.value for c in claims_of(sentence) if c.kind == "age"}
    assert ages.get(who) == age


def test_middle_initial_is_kept_out_of_the_name():
    (c,) = [c for c in claims_of("Courtney L. Taylor, 41, was released.") if c.kind == "age"]
    assert c.label == "courtney taylor"


def test_an_age_is_not_a_count():
    assert [c.value for c in quantities("A 6-year-old boy and his father were shot.")] == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Eyewitnesses reported the sound of anti-aircraft fire echoing across the city.",
            "witness",
        ),
        (
            "Analysts suggest that these operations may be part of a broader strategy.",
            "speculation",
        ),
        (
            "This unprecedented measure disrupted travel plans for thousands of passengers.",
            "intensifier",
        ),
        ("The governor called the incident a stark reminder of modern warfare.", "evaluative"),
    ],
)
def test_framing_markers(sentence, kind):
    assert kind in {c.label for c in claims_of(sentence) if c.kind == "marker"}


def test_news_boilerplate_is_not_speculation():
    text = "Anyone who may have information on this incident should contact the Sheriff."
    assert "speculation" not in {c.label for c in claims_of(text) if c.kind == "marker"}


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("Official victim count: 49 shooting victims plus suspect.", "excludes_perpetrator"),
        ("In February, a quake killed 612 people in the town of Zarand.", "background"),
        ("One boy was pronounced dead at the scene.", "partial"),
    ],
)
def test_counting_notes(sentence, note):
    got = quantities(sentence)
    assert got and note in got[0].convention.split(",")


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


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Three drones were shot down between 21:00 and 07:50 Moscow time.", "21:00-07:50"),
        ("The attack on July 17 added another layer to the crisis.", "date:july 17"),
        ("Last night, the Kaluga region became the latest front.", "last night"),
        ("Two men were killed Sunday in Miami.", "day:sunday"),
        (
            "Earlier in the night, Moscow's air defenses shot down 32 drones.",
            "earlier in the night",
        ),
    ],
)
def test_time_expressions(sentence, label):
    assert label in [c.label for c in claims_of(sentence) if c.kind == "time"]
