from checker.model import Article
from checker.settings import Settings
from checker.split import split_article
from tests.helpers import seed_articles


def texts(text: str, **kw) -> list[str]:
    return [s.text for s in split_article(Article("a", text), **kw)]


def test_offsets_point_into_the_article_for_every_seed():
    for article in seed_articles():
        sentences = split_article(article)
        assert len(sentences) > 10
        for k, s in enumerate(sentences):
            assert s.index == k
            assert article.text[s.start : s.end] == s.text
            assert s.text == s.text.strip()


def test_abbreviations_do_not_end_sentences():
    got = texts(
        "Gov. Greg Abbott said the U.S. Army will help. Norris Greenhouse Jr., 23, was shot."
    )
    assert got == [
        "Gov. Greg Abbott said the U.S. Army will help.",
        "Norris Greenhouse Jr., 23, was shot.",
    ]


def test_clock_times_and_closing_quotes():
    got = texts(
        "It happened between 21:00 and 07:50 Moscow time. ‘Last night, PAD forces "
        "destroyed 40 UAVs,’ Shapsha wrote. Then he left."
    )
    assert got == [
        "It happened between 21:00 and 07:50 Moscow time.",
        "‘Last night, PAD forces destroyed 40 UAVs,’ Shapsha wrote.",
        "Then he left.",
    ]


def test_headline_without_full_stop_is_its_own_sentence():
    got = texts("40 Drones Intercepted in Kaluga Oblast\n\nLast night, defenses destroyed 40 UAVs.")
    assert got == [
        "40 Drones Intercepted in Kaluga Oblast",
        "Last night, defenses destroyed 40 UAVs.",
    ]


def test_paragraph_numbers_follow_blank_lines():
    sentences = split_article(Article("a", "One. Two.\n\nThree.\nFour."))
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_overlong_run_on_is_cut_at_white_space():
    text = ("word " * 3000).strip()
    sentences = split_article(Article("a", text), Settings(max_sentence_chars=500))
    assert all(len(s.text) <= 500 for s in sentences)
    assert " ".join(s.text for s in sentences) == text


def test_empty_and_blank_text_have_no_sentences():
    assert texts("") == []
    assert texts(" \n\n \t") == []
