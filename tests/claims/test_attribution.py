"""Who a sentence says its information comes from, and whether an editor could check it."""

import pytest

from checker.claims.attribution import attribution_of, is_concrete_source
from checker.lexicons import lexicon
from checker.text.tokens import tokenize


def source(text):
    return attribution_of(tokenize(text), text, lexicon())


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Two men were shot, police said.", "police"),
        ('"We will find him," said Chief Ray Diaz.', "Chief Ray Diaz"),
        ("According to the sheriff's office, two died.", "the sheriff's office"),
        ("Witnesses reported shots in the area, Kelly said.", "Kelly"),
        ("Heydar Alishbandi, Governor of Qeshm island, said five villages were hit.", "Governor"),
    ],
)
def test_speakers_found_before_or_after_the_verb(text, who):
    assert who in source(text) and is_concrete_source(source(text))


@pytest.mark.parametrize(
    "speaker",
    [
        "a Western diplomat",
        "officials",
        "Law enforcement sources",
        "Neighbors",
        "Eyewitnesses",
        "witnesses and residents",
        "U.S. officials",
        "Senior officials",
        "Some officials",
    ],
)
def test_vague_speakers_are_never_named(speaker):
    assert not is_concrete_source(speaker)


@pytest.mark.parametrize(
    "speaker",
    [
        "Police",
        "His widow",
        "Lt",
        "he",
        "Jane Doe",
        "witnesses and police",  # the police stand behind it
        "Sheriff officials",  # officials of a named body
        "a probable cause statement",
        "court documents",
        "An officer on the scene",  # an official, if unnamed
        "Clarksville officials",  # officials of a named town
    ],
)
def test_checkable_speakers(speaker):
    assert is_concrete_source(speaker)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('Anthony Livanios, a political analyst, said: "It will be met with cynicism.', True),
        ("Brooks, though, said the neighborhood has reached a turning point.", True),
        ("In Miami, a man said he heard shots.", False),  # a place before the comma
        ("On Monday, a man said he heard shots.", False),  # a time before the comma
        # the speaker after the verb, after a comma
        ("Askins would not have been charged, said Vivian Goldenberg of the group.", True),
        ("One of his friends, Donovan Ponce, said Thursday that it was a theory.", True),
        # a headline's source before its colon; not a label
        ("1:13 White House: Mexico border wall could be funded by tax on imports", True),
        ("Police: 6 people shot at a party", True),
        ("Fatality: Melvin Edwards, 69, was shot dead, several witnesses said.", False),
        ("UPDATE: Six shot in drive-by", False),
        # a named body's stance is its words: what it condemns is its framing
        ("The Syrian Coalition condemned this heinous crime against schoolchildren.", True),
        ("Amnesty International denounced the brutal crackdown on protesters.", True),
        ("Hadi al-Bahra warns that the regime will repeat such brutal aerial shelling.", True),
        ("Jundi appealed to the United Nations to stop the indiscriminate bombardment.", True),
    ],
)
def test_a_name_before_an_aside_is_the_speaker(text, named):
    assert is_concrete_source(source(text)) is named
