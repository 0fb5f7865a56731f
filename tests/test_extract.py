"""The extraction dispatcher: which sentences are read for claims."""

from checker.extract import extract_claims
from checker.model import Article
from checker.settings import DEFAULT
from checker.split import split_article


def _claims(text: str):
    return extract_claims(split_article(Article("v", text), DEFAULT), DEFAULT)


def test_no_claim_is_read_from_a_video_playlist():
    """Its lines are the outlet's other stories: "2 killed" there is another event's toll."""
    page = (
        "Police: 4 people shot in southeast Fresno\n"
        "2:55 Two killed in Olathe bar attack, police say\n"
        "1:15 Man, 32, shot dead outside Sacramento market\n"
    )
    claims = _claims(page)
    assert {c.sentence for c in claims} == {0}
    assert any(c.figure is not None and c.figure.value == 4 for c in claims)


def test_a_single_timed_line_is_read():
    story = "Shooting in Fresno\n2:55 Two people were killed, police say.\nNo arrests."
    assert 1 in {c.sentence for c in _claims(story)}


def test_names_are_kept_for_the_first_sentences_only():
    """Grouping's people rule reads an article's first ``group_people_chars`` characters."""
    from checker.extract import extract

    text = "Jordan Lane was shot in Des Moines.\n" + "A man was hurt. " * 300 + "Jane Doe spoke."
    names = extract(split_article(Article("v", text), DEFAULT), DEFAULT).names
    first = names["Jordan Lane was shot in Des Moines."]
    assert "jordan lane" in first.people and first.places == {"des moines"}
    assert "Jane Doe spoke." not in names
