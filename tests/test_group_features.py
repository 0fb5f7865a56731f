"""Feature bags (checker/group/features.py): what in one article can identify its event."""

import pytest

from checker.group.features import own_features, tokenize
from checker.model import Article
from checker.settings import DEFAULT


def _features(text: str) -> set[str]:
    doc = tokenize(Article(id="a", text=text))
    own_features(doc, DEFAULT)
    return set(doc.counts)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The quake struck on November 27, 2005, near the island.", "d:11-27"),
        ("The quake struck on 27 November 2005 near the island.", "d:11-27"),  # day first
        ("27 NOVEMBER, 2005\n\nDid the earth move for you?", "d:11-27"),
        ("Posted by Jane Roe on 05 Jan 2016.", "d:01-05"),
        ("First Base: Boston\n\nDecember 22nd, 2008 8:55 am", "d:12-22"),  # an ordinal day
    ],
)
def test_a_day_is_read_whichever_comes_first_the_day_or_the_month(text, day):
    assert day in _features(text)


def test_a_number_before_may_the_verb_is_no_day():
    found = _features("Officials said 2 may have been hurt in the blast.")
    assert not any(f.startswith("d:") for f in found)
    assert "n:2" in found


def test_a_day_written_first_is_no_count_of_its_month():
    found = _features("Voting ends on 15 December in every province.")
    assert "d:12-15" in found
    assert "n:15" not in found
