"""Streets in one form (checker/text/streets.py): the key grouping and address claims compare."""

import pytest

from checker.lexicons import lexicon
from checker.text.streets import street_key


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("pike st", "pike street"),
        ("pike street", "pike street"),
        ("harvard ave", "harvard avenue"),
        ("plano rd", "plano road"),
        ("sixth street", "6th street"),
        ("6th st", "6th street"),
        ("72 st", "72nd street"),  # a numbered street written without its suffix
        ("119 avenue", "119th avenue"),
        ("111 street", "111th street"),  # 11, 12, 13 take "th"
        ("33 street", "33rd street"),
        ("1400 block", "1400 block"),  # a block is a hundred house numbers, not a street
        ("cell block", ""),  # without a figure a block is no address ("Cell Block G")
        ("district court", ""),  # a court of law: where a case is heard, not the scene
        ("pleas court", ""),
        ("next court", ""),  # "his next court date"
        ("stonewall court", "stonewall court"),  # a street named Court
        ("weston ct", "weston court"),
    ],
)
def test_street_key(words, key):
    assert street_key(words.split(), lexicon()) == key
