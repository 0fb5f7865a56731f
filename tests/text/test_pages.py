"""Page furniture: video playlists are not the article's own text."""

import pytest

from checker.model import Article
from checker.settings import DEFAULT
from checker.split import split_article
from checker.text.pages import own_text, playlist_sentences

PAGE = (
    "Police: 4 people shot in southeast Fresno\n"
    "2:55 Widow of Austins Bar & Grill shooting victim speaks\n"
    "1:15 Garmin mourns after employees are shot in Olathe attack\n"
)


def test_times_of_day_and_a_single_timed_line_stay_the_articles_own():
    live = "Shooting\n9:15 p.m. update: A woman was shot.\n10:43 a.m.\n8:13 AM PDT 8/2/2013"
    assert own_text(live) == live
    one = "Shooting\n2:55 Widow of Austins Bar & Grill shooting victim speaks\nPolice said."
    assert own_text(one) == one
    two = "Shooting\n2:55 Widow speaks\n1:15 Garmin mourns after employees are shot\nEnd."
    assert own_text(two) == "Shooting\nEnd."


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        (PAGE, {1, 2}),
        # one timed line is no playlist
        ("Shooting\n2:55 Widow of a victim speaks\nPolice said.", set()),
        # times of day open sentences of the story itself
        ("Shooting\n9:15 p.m. update: A woman was shot.\n10:43 a.m. Police came.", set()),
        ("Update\n8:13 AM PDT A man was shot.\n9:02 am He died.", set()),
    ],
)
def test_playlist_entries_are_the_sentences_opening_with_a_running_time(text, entries):
    sentences = split_article(Article("v", text), DEFAULT)
    assert playlist_sentences(sentences) == entries
