"""The grouping digest (checker/group/digest.py): what grouping reads from one article alone,
made in the workers beside extraction, groups exactly as grouping from the articles does."""

from __future__ import annotations

import pickle

from checker.extract import extract, extract_claims
from checker.group import digest, group_events
from checker.group.features import drop_common
from checker.settings import DEFAULT
from checker.split import split_article
from tests.helpers import seed_articles


def _claims(articles):
    return {a.id: tuple(extract_claims(split_article(a))) for a in articles}


def test_digests_made_beforehand_group_as_grouping_alone_does():
    articles = seed_articles()
    claims = _claims(articles)
    digests = {a.id: digest(a, claims[a.id], DEFAULT) for a in articles}
    alone = group_events(articles, claims, DEFAULT)
    assert group_events(articles, claims, DEFAULT, digests) == alone
    assert group_events(articles, claims, DEFAULT, digests) == alone  # digests left as made


def test_a_digest_made_with_extractions_names_is_the_same():
    """The people rule takes a line's names from extraction when it is a sentence extraction
    read, and reads the others itself: the digest is the one made without them."""
    for article in seed_articles():
        extraction = extract(split_article(article), DEFAULT)
        assert extraction.names  # the seeds' first sentences were read
        made = digest(article, extraction.claims, DEFAULT, extraction.names)
        assert made == digest(article, extraction.claims, DEFAULT)


def test_a_digest_survives_pickling_unchanged():
    article = seed_articles()[0]
    made = digest(article, _claims([article])[article.id], DEFAULT)
    back = pickle.loads(pickle.dumps(made))
    assert back == made
    assert list(back.counts) == list(made.counts)  # the order of the bag is kept


def test_common_words_lose_their_name_features_and_nothing_else():
    counts = {"p:smith": 2.0, "w:shot": 1.0, "p:police": 1.0, "q:police smith": 1.0}
    surface = {f: f[2:] for f in counts}
    drop_common(counts, surface, frozenset({"smith", "police"}), {"police", "said"})
    assert list(counts) == ["p:smith", "w:shot", "q:police smith"]
    assert list(surface) == list(counts)


def test_playlist_lines_are_not_the_articles_own_text():
    """A video page's playlist ("2:55 Widow of ... speaks") lists other stories."""
    from checker.model import Article

    page = Article(
        "v",
        "Police: 4 people shot in southeast Fresno\n"
        "2:55 Widow of Austins Bar & Grill shooting victim speaks\n"
        "1:15 Garmin mourns after employees are shot in Olathe attack\n",
    )
    made = digest(page, (), DEFAULT)
    assert made.headline_only
    assert "p:fresno" in made.counts
    assert not any("garmin" in f or "austins" in f for f in made.counts)
    story = Article("s", "Four shot in Fresno\nThe shooting happened at 2:55 p.m. on Sunday.")
    assert not digest(story, (), DEFAULT).headline_only
    assert "n:2:55" in digest(story, (), DEFAULT).counts
