"""Quotations: whose words are these."""

import pytest

from checker.text.quotes import after_open_quote


@pytest.mark.parametrize(
    ("text", "word", "inside"),
    [
        ('Another man reported, "A car was off the road, it looked like a crash.', "looked", True),
        ('"It is probably over," he said, and it probably was.', "probably", True),
        ('He said "no" and it probably was.', "probably", False),
        ("The shooting was probably gang-related.", "probably", False),
    ],
)
def test_after_open_quote(text, word, inside):
    assert after_open_quote(text, text.index(word)) is inside
