"""Named people and what happened to them: who died, by name."""

import pytest

from tests.helpers import claims_of
from tests.test_judge import audit, verdicts


def dead(text):
    return [c.name for c in claims_of(text) if c.kind == "person"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Jeremy Jones was charged in the deaths of 31-year-old Gary Rusher and "
            "33-year-old Christopher Beatty.",
            ["gary rusher", "christopher beatty"],
        ),
        (
            "Christopher Beatty and Wayne Rusher were identified by authorities on Monday as "
            "the victims who died in the shooting.",
            ["christopher beatty", "wayne rusher"],
        ),
        ("Jane Doe, 23, was killed.", ["jane doe"]),
        ("Police Chief John Smith said Jane Doe was shot and killed.", ["jane doe"]),
    ],
)
def test_the_dead_are_read_by_name(text, names):
    assert dead(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "John Smith shot and killed his neighbour.",  # the shooter, active voice
        "Both Long and Ebner were shot to death.",  # 'Both' is no given name
        "Jane Doe was wounded.",
    ],
)
def test_no_dead_named(text):
    assert [n for n in dead(text) if n.split()[0] in ("john", "both", "jane")] == []


TOLL = "Two people were killed in the shooting. "


def test_a_dead_person_named_two_ways_beyond_the_toll_contradicts():
    found = audit(
        TOLL + "Jones is charged in the deaths of Gary Rusher and Christopher Beatty.",
        TOLL + "Christopher Beatty and Wayne Rusher were identified as the victims who died.",
    )
    (f,) = verdicts(found, "contradiction", "name")
    assert {c.name for c in f.claims} == {"gary rusher", "wayne rusher"}


@pytest.mark.parametrize(
    "pair",
    [
        ("Gary Rusher was killed.", "Wayne Rusher was killed."),  # two dead: both may be right
        ("Joshua Haber, 19, died at the scene.", "Josh Haber died at the scene."),  # short form
        ("Isaiah Rusher was killed.", "Isiah Rusher was killed."),  # a spelling variant
    ],
)
def test_no_name_contradiction_within_the_toll_or_for_variants(pair):
    found = audit(TOLL + pair[0], TOLL + pair[1])
    assert verdicts(found, "contradiction", "name") == []
