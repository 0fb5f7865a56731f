"""Omission: only a figure three or more reports from different sources agree on."""

from checker.model import Article, Event
from tests.test_judge import audit, verdicts


def test_a_figure_three_reports_give_is_missed_by_the_fourth():
    found = audit(
        "Two people were killed in the shooting.",
        "The shooting killed two people.",
        "Two people were killed, police said.",
        "Police are investigating a shooting.",
    )
    (om,) = verdicts(found, "omission")
    assert "r3 does not give" in om.explanation


def test_two_reports_are_not_enough():
    found = audit(
        "Two people were killed in the shooting.",
        "The shooting killed two people.",
        "Police are investigating a shooting.",
    )
    assert verdicts(found, "omission") == []


def test_one_source_printed_three_times_is_one_source():
    from checker.extract import extract_claims
    from checker.judge import judge_event
    from checker.split import split_article

    texts = ["Two people were killed in the shooting."] * 3 + ["Police are investigating."]
    articles = {f"r{k}": Article(f"r{k}", t, source="wire.example") for k, t in enumerate(texts)}
    sentences = {a: split_article(x) for a, x in articles.items()}
    claims = {a: extract_claims(s) for a, s in sentences.items()}
    found = judge_event(Event("E1", tuple(sorted(articles))), articles, sentences, claims)
    assert verdicts(found, "omission") == []
