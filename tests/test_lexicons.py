"""The lexicons are consistent: no phrase shadows another, every list is used by an example."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from importlib import resources

import pytest

from checker.lexicons import FILES as PACKAGED
from checker.lexicons import MARKER_KINDS, read_toml
from checker.text.tokens import tokens_of
from tests.helpers import DATA

FILES = PACKAGED
EXAMPLES = tomllib.loads((DATA / "lexicon_examples.toml").read_text())["examples"]


def _lists():
    """Every top-level list or table of every lexicon file, as 'file.name'."""
    for name in FILES:
        for key in read_toml(f"{name}.toml"):
            yield f"{name}.{key}"


def _forms(value) -> set[str]:
    """All the words and phrases a lexicon list or table holds."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return (
            {f for v in value for f in _forms(v)}
            if value and not isinstance(value[0], str)
            else set(value)
        )
    if isinstance(value, dict):
        return (
            {f for k, v in value.items() for f in _forms(k) | _forms(v)}
            if not all(isinstance(v, (int, float)) for v in value.values())
            else set(value)
        )
    return set()


def test_every_lexicon_file_is_packaged():
    packaged = {p.name for p in resources.files("checker.lexicons").iterdir()}
    assert {f"{n}.toml" for n in FILES} <= packaged


@pytest.mark.parametrize("name", sorted(_lists()))
def test_every_list_has_an_example(name):
    assert name in EXAMPLES, f"add an example sentence for {name} to lexicon_examples.toml"


@pytest.mark.parametrize(("name", "sentence"), sorted(EXAMPLES.items()))
def test_each_example_contains_a_form_of_its_list(name, sentence):
    file, key = name.split(".")
    tokens = " " + " ".join(tokens_of(sentence)) + " "
    forms = _forms(read_toml(f"{file}.toml")[key])
    hits = [f for f in forms if f" {' '.join(tokens_of(str(f)))} " in tokens]
    assert hits, f"{name}: no form of the list occurs in {sentence!r}"


@pytest.mark.parametrize("file", ["units", "predicates"])
def test_no_surface_form_has_two_meanings(file):
    """A form listed under two canonical names would be read as whichever sorts first."""
    table = read_toml(f"{file}.toml")[file]
    owners = defaultdict(set)
    for canonical, forms in table.items():
        for form in forms:
            owners[tokens_of(form)].add(canonical)
    clashes = {" ".join(k): sorted(v) for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_no_marker_phrase_is_in_two_kinds():
    markers = read_toml("markers.toml")
    owners = defaultdict(set)
    for kind in MARKER_KINDS:
        for phrase in markers[kind]:
            owners[tokens_of(phrase)].add(kind)
    clashes = {" ".join(k): sorted(v) for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_no_phrase_is_listed_twice_in_one_list():
    for file in FILES:
        for key, value in read_toml(f"{file}.toml").items():
            if isinstance(value, list) and value and isinstance(value[0], str):
                seen = [tokens_of(v) for v in value]
                dupes = sorted({" ".join(t) for t in seen if seen.count(t) > 1})
                assert dupes == [], f"{file}.{key}: {dupes}"
