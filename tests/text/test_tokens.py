"""The tokenizer and phrase tables: the kept lower-cased forms must give the same matches as
the tokens themselves, on a whole sentence, a slice of it and a hand-made list."""

import pytest

from checker.text.tokens import Phrases, lows_of, tokenize

TABLE = Phrases.of({"shot": ["shot", "shot dead", "opened fire"], "police": ["Police said"]})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said a man was shot dead.", [(0, 2, "police"), (5, 7, "shot")]),
        ("He opened fire and was shot.", [(1, 3, "shot"), (5, 6, "shot")]),
        ("Nobody was hurt.", []),
        ("", []),
        ("He opened the door.", []),  # 'opened' alone is no phrase
    ],
)
def test_find_all(text, expected):
    toks = tokenize(text)
    assert TABLE.find_all(toks) == expected
    assert TABLE.find_all(list(toks)) == expected  # a plain list reads the tokens' own forms


def test_slices_and_lists_read_their_own_tokens():
    toks = tokenize("Officers opened fire on Monday.")
    assert lows_of(toks) == ("officers", "opened", "fire", "on", "monday", ".")
    assert lows_of(toks[1:3]) == ("opened", "fire")
    assert TABLE.find_all(toks[1:]) == [(0, 2, "shot")]
    assert TABLE.match(toks, 1) == (2, "shot")
    assert TABLE.match(toks, 0) == (0, None)


def test_tokens_keep_offsets():
    toks = tokenize("A 23-year-old, 1,000 people")
    assert [(t.text, t.start, t.end) for t in toks] == [
        ("A", 0, 1), ("23-year-old", 2, 13), (",", 13, 14), ("1,000", 15, 20), ("people", 21, 27)
    ]  # fmt: skip
    assert toks[0].capitalised and toks[1].low == "23-year-old" and toks[3].text == "1,000"
