"""Scope notes: partial counts, background, counting conventions."""

import pytest

from tests.helpers import quantities
from tests.test_judge import audit, verdicts


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
    assert got and note in got[0].notes


@pytest.mark.parametrize(
    ("sentence", "value", "partial"),
    [
        # others besides someone named before, or besides a hurt group: a part
        ("Two others were wounded when gunmen attacked the barbecue.", 2, True),
        ("One person died, two officers were wounded and three others injured.", 3, True),
        # others besides the dead: the whole of the wounded
        ("The gunman killed two and wounded three others.", 3, False),
        # 'including' after the figure: the figure is the whole, its part follows
        ("Eight people were shot, including five minors, police said.", 8, False),
        ("Police said four were hurt, among them two children.", 4, False),
        # ... but a figure that 'was among' the victims is a part of them
        ("Nearly 70 children were among those killed in the bombing.", 70, True),
        # 'including' before it: the figure is the part
        ("Six people were shot, including two children who were wounded.", 2, True),
        ("Deputies arrived to find four people suffering from gunshot wounds.", 4, True),
        # one of a list that goes on with "and another"; not past a predicate
        ("Police said he shot three people in the legs and another in the chest.", 3, True),
        ("Three people were killed and another wounded at the home.", 3, False),
        # a total is the whole even of "other" people
        ("He killed a total of six other people.", 6, False),
        # 'other N' after the dead only: the rest of the victims, the whole of the wounded
        ("The quake killed 10 persons and wounded other 70, officials said.", 70, False),
        ("The quake killed 10 persons; the other 70 were hurt.", 70, True),
        ("Two officers were wounded and other 3 injured.", 3, True),
    ],
)
def test_part_or_whole(sentence, value, partial):
    (c,) = [c for c in quantities(sentence) if c.value == value]
    assert ("partial" in c.notes) is partial


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("St. Louis police now say 18 people were shot Monday night.", "update"),
        # a toll the report itself says was an earlier one
        ("The source earlier put the death toll at 5 civilians.", "update"),
        ("The death toll rises to 8 after two more bodies were found.", "update"),
        ("It comes a year after nine people were shot at the complex.", "background"),
        # another incident, told in the same report
        ("Separately over 12 civilians were killed when jets raided the village.", "background"),
        ("In total, two people were killed and six others were injured.", "whole"),
    ],
)
def test_update_background_whole(sentence, note):
    got = quantities(sentence)
    assert got and note in got[0].notes


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "at least one" dead counted apart from the three hurt: four in all
        (
            "At least one person was killed and three others hurt when a gunman opened fire.",
            "Four people were injured in the shooting at the barbershop.",
        ),
        # a reward is raised over days and offered by several bodies
        (
            "Crime Stoppers is offering a $5,000 reward for information in the case.",
            "Police said they've increased the reward in the case to $25,000.",
        ),
        # a total after the steps of a sequence
        (
            "He shot three students outside, killing two. He killed a total of six people.",
            "The gunman killed six people in the college town on Friday night.",
        ),
    ],
)
def test_explained_or_uncomparable_figures_never_contradict(a, b):
    assert verdicts(audit(a, b), "contradiction") == []
