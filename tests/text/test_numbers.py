"""Numbers as intervals, and numbers that are labels, dates or addresses rather than counts."""

import math

import pytest

from checker.lexicons import lexicon
from checker.text.numbers import _figure_starts, read_figures
from checker.text.tokens import tokenize


def figures(text):
    return [(f.low, f.high, f.vague) for f in read_figures(tokenize(text), lexicon(), 0.1)]


@pytest.mark.parametrize(
    ("text", "low", "high", "vague"),
    [
        ("40 drones", 40, 40, False),
        ("about 40 drones", 36, 44, False),
        ("more than 30 drones", 30, math.inf, False),
        ("up to 16 people", 0, 16, False),
        ("between 250 and 300 people", 250, 300, False),
        ("twenty-two drones", 22, 22, False),
        ("two hundred people", 200, 200, False),
        ("dozens of people", 24, 99, True),
    ],
)
def test_figures_as_intervals(text, low, high, vague):
    assert figures(text) == [(low, high, vague)]


@pytest.mark.parametrize(
    "text",
    [
        "He was shot at 40 East 5th Ave.",
        "the 6500 block of 46th Street",
        "Route 66 was closed",
        "In 2016 the city grew",
        "around 5 a.m.",
        "on July 17 police said",
    ],
)
def test_labels_dates_and_addresses_are_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("Rahman (45-7-2) lost", (45, 7, 2)), ("Bowe (43-1)", (43, 1)), ("call 800-800-3855", None),
     ("dated 2008-12-13", None), ("between 10 - 15", None)],
)  # fmt: skip
def test_hyphen_runs_are_records_or_scores_never_phones_or_dates(text, numbers):
    from checker.text.numbers import hyphen_run
    from checker.text.tokens import tokenize

    toks = tokenize(text)
    runs = [hyphen_run(toks, i) for i in range(len(toks))]
    found = [r[0] for r in runs if r]
    assert found == ([numbers] if numbers else [])


@pytest.mark.parametrize(
    "text",
    [
        "Twenty-two people, a dozen officers and dozens of 23-year-old students, 1,000 in all.",
        "Half a dozen were shot; two-thirds of the 40 — none — hurt on 5-3.",
        "Nobody was hurt.",
        "",
    ],
)
def test_figures_start_where_a_walk_over_every_token_says(text):
    lex, toks = lexicon(), tokenize(text)
    words, vague, phrases = lex.number_words, lex.vague.by_first, lex.number_phrases.by_first
    expected = [
        i
        for i, low in enumerate(t.low for t in toks)
        if low[:1].isdigit() or low in words or "-" in low or low in vague or low in phrases
    ]
    assert _figure_starts(toks, lex) == expected
    assert _figure_starts(list(toks), lex) == expected
