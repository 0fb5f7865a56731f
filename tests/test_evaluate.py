"""Our scorer against the reference scorer shipped with the gold format."""

import importlib.util
import json

import pytest

from checker.errors import InputError
from checker.evaluate import format_score, read_gold, score
from checker.load import load_paths
from checker.pipeline import run
from checker.render.json import report_dict
from tests.helpers import DATA, SEEDS


def reference():
    spec = importlib.util.spec_from_file_location("reference_score", DATA / "reference_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seeds_audit(overrides=()):
    loaded = load_paths([str(SEEDS)])
    return report_dict(run(loaded.articles, overrides=overrides))


def test_same_text_as_the_reference_scorer(tmp_path, capsys):
    gold_path = DATA / "seeds-dev.toml"
    gold = read_gold(str(gold_path))
    overrides = [tuple(e["articles"]) for e in gold["event"]]
    for audit in (seeds_audit(), seeds_audit(overrides)):
        path = tmp_path / "audit.json"
        path.write_text(json.dumps(audit), encoding="utf-8")
        reference().main(["score.py", str(gold_path), str(path)])
        expected = capsys.readouterr().out
        counts = {}
        for f in audit["findings"]:
            counts[f["verdict"]] = counts.get(f["verdict"], 0) + 1
        assert format_score(score(gold, audit), counts) == expected


def test_rules_on_handmade_audits():
    gold = {
        "event": [{"id": "g1", "articles": ["a", "b"]}, {"id": "g2", "articles": ["c"]}],
        "expect": [
            {
                "id": "ag",
                "verdict": "agreement",
                "tier": "core",
                "sides": [
                    {"article": "a", "quote": ["40 UAVs"]},
                    {"article": "b", "quote": ["40"]},
                ],
            },
            {
                "id": "ct",
                "verdict": "contradiction",
                "tier": "core",
                "sides": [
                    {"article": "a", "quote": ["40 UAVs"]},
                    {"article": "a", "quote": ["41"]},
                ],
            },
        ],
        "forbid": [{"id": "x", "verdict": "contradiction", "rule": "cross-event"}],
    }
    claim = lambda art, text: {"article": art, "text": text}  # noqa: E731
    audit = {
        "events": [{"id": "E1", "articles": ["a", "b", "c"]}],
        "findings": [
            {
                "id": "F1",
                "verdict": "agreement",
                "claims": [claim("a", "They downed 40 UAVs."), claim("b", "Forty? No, 40.")],
            },
            # one claim cannot stand for both sides of a contradiction
            {"id": "F2", "verdict": "contradiction", "claims": [claim("a", "40 UAVs, then 41")]},
            {"id": "F3", "verdict": "contradiction", "claims": [claim("a", "x"), claim("c", "y")]},
        ],
    }
    result = score(gold, audit)
    assert [(e.id, e.found) for e in result.expectations] == [("ag", True), ("ct", False)]
    assert result.forbidden == (("x", "F3"),)
    assert (result.event_precision, result.event_recall) == (1 / 3, 1.0)


@pytest.mark.parametrize(
    ("toml", "problem"),
    [
        ('[[event]]\narticles = ["a"]\n', "event 1 has no string 'id'"),
        ('[[event]]\nid = "e"\narticles = "a"\n', "'articles' must be a list of ids"),
        (
            '[[expect]]\nverdict = "agreement"\nsides = [{article = "a", quote = "zz"}]\n',
            "'quote' must be a list of strings",
        ),
    ],
)
def test_malformed_gold_files_are_input_errors(tmp_path, toml, problem):
    path = tmp_path / "gold.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_gold(str(path))
