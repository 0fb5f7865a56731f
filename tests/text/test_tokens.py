"""The tokenizer and phrase tables: the kept lower-cased forms must give the same matches as
the tokens themselves, on a whole sentence, a slice of it and a hand-made list."""

import pickle
import re

import pytest

from checker.text.tokens import (
    DASH,
    DIGIT,
    HYPHEN,
    TOKEN,
    Phrases,
    capitalised_runs,
    digit_positions,
    lows_of,
    positions,
    sentence_bits,
    tokenize,
    words_bit,
)

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


@pytest.mark.parametrize(
    "text",
    [
        "  Two  spaces,\ttabs\u00a0and a non-breaking space ",
        '"1, 400" people; 12,500.5 dollars — 6.1-magnitude at 21:00.',
        "Ünïcödé İstanbul ΟΔΟΣ x²",
        "",
        "   ",
    ],
)
def test_offsets_are_those_of_the_token_pattern(text):
    """Offsets summed from lengths must be where the pattern finds each token."""
    toks = tokenize(text)
    assert [(t.text, t.start, t.end) for t in toks] == [
        (m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_a_table_skips_a_text_without_its_longest_words():
    table = Phrases.of({"x": ["according to", "the officers"]})
    assert table.anchors == {"according", "officers"}
    assert table.find_all(tokenize("The man went to the store.")) == []  # first words only
    assert table.find_all(tokenize("Officers said so.")) == []  # 'the' missing before it
    assert table.find_all(tokenize("According to the officers.")) == [(0, 2, "x"), (2, 4, "x")]


def test_digit_positions_of_tokens_slices_and_lists():
    toks = tokenize("In 2019, 3 of the 12 were x², not ²3.")
    expected = [i for i, t in enumerate(toks) if re.match(r"\d", t.low) or t.low[:1] == "²"]
    assert list(digit_positions(toks)) == expected
    assert digit_positions(toks) is digit_positions(toks)  # kept with the tokens
    assert list(digit_positions(toks[2:])) == [i - 2 for i in expected if i >= 2]
    assert list(digit_positions(list(toks))) == expected


# The token pattern written plainly, one alternative per form in the order a reader thinks of
# them: TOKEN orders and writes them for speed, and must find exactly the same tokens.
PLAIN_TOKEN = re.compile(
    r"\d{1,3}(?:, ?\d{3}(?!\d))+(?:\.\d+)?"
    r"|\d+(?:-[^\W\d_]+)+"
    r"|\d+(?:[.:]\d+)*"
    r"|[^\W\d_][^\W_]*(?:[-'’][^\W\d_][^\W_]*)*"
    r"|\S"
)


@pytest.mark.parametrize(
    "text",
    [
        '"1, 400" people; 12,500.5 dollars — 6.1-magnitude at 21:00, 1,0002 and 1, 40.',
        "O'Neil’s 23-year-old son-in-law, rock'n'roll -x 'quoted' ’s x-1 2-x-3 a_b",
        "Ünïcödé İstanbul ΟΔΟΣ x² ٣٤ Ⅻ 1.2.3 4:5:6 7:: 8- 9-9 10,00 11,000,000.5.6",
        "  spaces\t\n\u00a0 ",
        "",
    ],
)
def test_the_token_pattern_finds_what_the_plain_alternation_finds(text):
    assert TOKEN.findall(text) == PLAIN_TOKEN.findall(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police said a man was shot dead.",
        "He opened the door.",
        "Fire opened on him.",
        "Nobody was hurt.",
        "",
    ],
)
def test_may_match_is_the_same_for_tokens_slices_and_lists(text):
    toks = tokenize(text)
    expected = bool(TABLE.find_all(list(toks)))
    assert TABLE.may_match(toks) == TABLE.may_match(list(toks)) == TABLE.may_match(toks[:])
    assert TABLE.may_match(toks) or not expected  # never says no to a text that holds one
    assert bool(TABLE.find_all(toks)) == expected


def test_a_table_read_back_from_a_pickle_matches_as_before():
    copy = pickle.loads(pickle.dumps(TABLE))
    assert copy == TABLE and copy.anchors == TABLE.anchors
    toks = tokenize("Police said a man was shot dead.")
    assert copy.find_all(toks) == TABLE.find_all(toks) == [(0, 2, "police"), (5, 7, "shot")]


def test_a_lower_case_text_is_its_own_lower_case():
    """tokenize keeps a lower-case word as its own ``low``: right for every character that
    ``islower`` accepts, or that has no case at all."""
    for code in range(0x110000):
        c = chr(code)
        if c.islower() or not (c.isupper() or c.istitle()):
            assert c.lower() == c, hex(code)


POSITION_TEXTS = [
    "Police said a man was shot dead, and police said a woman was shot.",
    "He opened fire, opened the door and opened fire again on May 2.",
    "Nobody was hurt.",
    "",
]


@pytest.mark.parametrize("text", POSITION_TEXTS)
def test_positions_are_those_a_walk_finds(text):
    toks = tokenize(text)
    for words in ({"police", "shot", "opened"}, {"a"}, {"nothing"}, {"may": 5, "said": 1}):
        expected = [i for i, t in enumerate(toks) if t.low in words]
        assert list(positions(toks, words)) == expected
        assert list(positions(list(toks), words)) == expected
        assert list(positions(toks[3:], words)) == [i - 3 for i in expected if i >= 3]


def _find_all_by_walking(table, toks):
    """find_all as it was written before positions: every token tried in turn."""
    found, free, lows = [], 0, [t.low for t in toks]
    for i, low in enumerate(lows):
        options = table.by_first.get(low) if i >= free else None
        for key, value in options or ():
            if lows[i : i + len(key)] == list(key):
                found.append((i, i + len(key), value))
                free = i + len(key)
                break
    return found


@pytest.mark.parametrize("text", POSITION_TEXTS)
def test_find_all_is_what_a_walk_over_every_token_finds(text):
    table = Phrases.of({"a": ["opened fire", "opened", "fire again"], "b": ["police said a"]})
    toks = tokenize(text)
    assert table.find_all(toks) == _find_all_by_walking(table, toks)
    assert TABLE.find_all(toks) == _find_all_by_walking(TABLE, toks)


def _ending_at_by_trying_every_length(table, toks, end, longest=4):
    """ending_at as it was written before its test of the last word: every length tried."""
    for n in range(min(longest, end), 0, -1):
        key = tuple(t.low for t in toks[end - n : end])
        if key in table:
            return end - n, table[key]
    return -1, None


@pytest.mark.parametrize("text", POSITION_TEXTS)
def test_ending_at_is_what_trying_every_length_finds(text):
    toks = tokenize(text)
    for end in range(-1, len(toks) + 2):
        expected = _ending_at_by_trying_every_length(TABLE, toks, end)
        assert TABLE.ending_at(toks, end) == expected
        assert TABLE.ending_at(list(toks), end) == expected


@pytest.mark.parametrize(
    ("text", "traits"),
    [
        ("Nobody was hurt.", 0),
        ("Two men were shot.", 0),  # a number word is a word of the tables, no trait
        ("Klitschko (52-3) won.", DIGIT | DASH | HYPHEN),
        ("Twenty-two people were hurt.", HYPHEN),
        ("It was 10 – 15 minutes.", DIGIT | DASH),
    ],
)
def test_sentence_bits_tell_the_traits(text, traits):
    bits = sentence_bits(tokenize(text))
    assert bits & (DIGIT | DASH | HYPHEN) == traits
    assert sentence_bits(list(tokenize(text))) == bits  # a hand-made list: the same bits


def test_sentence_bits_tell_the_tables_and_word_lists():
    """A table's bit is set when it may match (``Phrases.may_match``), a word list's when the
    sentence holds one of its words."""
    bit = words_bit({"ago", "earlier"})
    toks = tokenize("Police said he was shot two days ago.")
    bits = sentence_bits(toks)
    assert bits & bit and bits & TABLE.bit
    assert TABLE.find_all(toks) == [(0, 2, "police"), (4, 5, "shot")]
    assert not sentence_bits(tokenize("Nobody was hurt.")) & (bit | TABLE.bit)


def test_capitalised_runs_are_those_a_walk_finds():
    toks = tokenize("Police said Jane Doe of New York City was shot, McDonald's said.")
    walked, i = [], 0
    while i < len(toks):
        j = i
        while j < len(toks) and toks[j].capitalised and toks[j].is_word:
            j += 1
        walked += [(i, j)] if j > i else []
        i = max(j, i + 1)
    assert capitalised_runs(toks) == walked == [(0, 1), (2, 4), (5, 8), (11, 12)]
    assert capitalised_runs(toks, least=2) == [(2, 4), (5, 8)]  # a full name's two words
    assert capitalised_runs(tokenize("nobody was hurt.")) == []
