"""Places of claims: normalised, inherited, in their clause."""

from tests.helpers import claims_of, one


def test_places_are_normalised_oblast_region_and_possessive():
    a = one("Anti-aircraft defenses destroyed 40 UAVs over the territory of Kaluga Oblast.")
    b = one("PAD forces destroyed 40 UAVs over the Kaluga region.")
    c = one("In Kaluga Region, 40 drones were shot down.")
    assert a.place == b.place == c.place == "kaluga"
    d = one("Earlier, Moscow’s air defenses shot down 32 drones.")
    assert d.place == "moscow"


def test_place_is_inherited_from_the_previous_sentence():
    claims = claims_of(
        "Drones attacked the Kaluga region overnight. "
        "Preliminary reports confirm no casualties or structural damage."
    )
    absences = [c for c in claims if c.kind == "absence"]
    assert {c.predicate for c in absences} == {"killed,injured", "damage"}
    assert all(c.place == "kaluga" and c.place_inherited for c in absences)


def test_place_after_a_comma_where_belongs_to_the_figure():
    c = one("Night fell over Moscow, where 32 drones were shot down.")
    assert c.place == "moscow"
