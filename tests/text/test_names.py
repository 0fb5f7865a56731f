"""Names without titles, initials and suffixes; spelling variants."""

import pytest

from checker.lexicons import lexicon
from checker.text.names import Name, edit_distance_one, is_headline, name_before, person_mentions
from checker.text.tokens import tokenize


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Norris Greenhouse Jr., 23", Name("norris", "greenhouse")),
        ("Sgt. Jane A. Doe, 23", Name("jane", "doe")),
        ("Officer Misty McBride, 40", Name("misty", "mcbride")),
        ("Courtney L. Taylor, 41", Name("courtney", "taylor")),
        ("Taylor, 41", Name("", "taylor")),
    ],
)
def test_name_before_an_age(text, name):
    toks = tokenize(text)
    comma = next(i for i, t in enumerate(toks) if t.low == ",")
    assert name_before(toks, comma, lexicon())[0] == name


@pytest.mark.parametrize("text", ["In November, 23", "Sunday, 23", "Officer, 23"])
def test_words_that_are_not_names(text):
    toks = tokenize(text)
    assert name_before(toks, 1 if toks[1].low == "," else 2, lexicon())[0] is None


def test_two_people_with_one_surname_are_two_people():
    assert not Name("tasha", "jonas").same_person(Name("john", "jonas"))
    assert Name("", "jonas").same_person(Name("john", "jonas"))


def test_spelling_variants():
    assert edit_distance_one("stafford", "staford")
    assert edit_distance_one("greenhouse", "greenhousa")
    assert not edit_distance_one("smith", "smyth ")
    assert not edit_distance_one("lee", "lea")  # too short to call a variant


def test_title_case_lines():
    assert is_headline(tokenize("Forty Drones Intercepted Over Kaluga Region Overnight"))
    assert not is_headline(tokenize("Forty drones were intercepted over the Kaluga region."))


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bettie Page died on Thursday.", [Name("bettie", "page")]),
        # a title opening the run is a title, though the word alone is no name
        ("Officer Jane Doe said the man fled.", [Name("jane", "doe")]),
        ("Sheriff Tom Smith spoke to reporters.", [Name("tom", "smith")]),
        ("He said Mr John Smith, 43, had died.", [Name("john", "smith")]),
        ("Jordan Lane, 19, was shot.", [Name("jordan", "lane")]),
        # no full name: a title and a surname, a street, a date, an office
        ("Officer Smith said the man fled.", []),
        ("He lived on Orange Ave near the park.", []),
        ("He said it on Monday March 3.", []),
        ("The Sheriff Office said it was looking for him.", []),
    ],
)
def test_full_names_in_a_sentence(sentence, names):
    assert [name for name, _, _ in person_mentions(tokenize(sentence), lexicon())] == names
