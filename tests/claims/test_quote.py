"""Quotations: what a report quotes that no other report carries is a low-severity note."""

import pytest

from tests.test_judge import audit

OTHER = "Police said two men were shot in Miami on Sunday night."


@pytest.mark.parametrize(
    ("sentence", "noted"),
    [
        ('The mayor said: "We will not rest until the people responsible are found."', True),
        ("The city's mayor said the department wasn't ready for the shooting in Miami.", False),
        ("Police said two men were shot in Miami on Sunday night.", False),
    ],
)
def test_a_quotation_only_one_report_carries_is_noted(sentence, noted):
    """Apostrophes open no quotation; a quotation both reports carry is no note."""
    found = audit(sentence, OTHER)
    assert bool([f for f in found if f.kind == "unique quote"]) == noted


def test_a_quotation_another_report_carries_reworded_is_not_noted():
    found = audit(
        'The mayor said: "We will not rest until the people responsible are found."',
        'The mayor said "we will not rest until those responsible are found."',
    )
    assert not [f for f in found if f.kind == "unique quote"]


def test_every_quotation_found_opens_with_a_mark_the_pre_check_sees():
    """The substring pre-check never hides a quotation the pattern would find."""
    from checker.claims.quote import QUOTED, _may_quote

    body = "we will rebuild every house that was destroyed here"
    texts = [f"The mayor said {o}{body}{c} on Monday." for o, c in ('""', "“”", "‘’", "''")]
    for text in texts:
        assert QUOTED.search(text) and _may_quote(text)
    assert not _may_quote(f"The mayor said {body} on Monday.")
