"""The library API through its public names: checker.audit on paths, DataFrames and dicts
with ordinary Python/pandas types; Report.to_dataframe and to_json; the package doctest."""

from __future__ import annotations

import datetime
import doctest
import json

import pandas as pd
import pytest

import checker
from checker import Article, InputError, audit, load_paths
from tests.helpers import SEEDS

A = "Drones over Kaluga\n\nAir defences shot down 40 drones over Kaluga overnight."
B = "Kaluga attack\n\nAir defences shot down 12 drones over Kaluga overnight."


def test_the_package_docstring_example_runs():
    result = doctest.testmod(checker, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_load_paths_is_exported_and_paths_audit_like_the_cli():
    assert len(load_paths([str(SEEDS)]).articles) == 5
    report = audit(str(SEEDS))
    assert len(report.articles) == 5 and len(report.events) == 3
    assert {f.verdict for f in report.findings} >= {"disputed", "agreement", "embellishment"}


def test_dataframe_with_int_ids_timestamps_and_nat():
    frame = pd.DataFrame(
        {
            "id": [101, 102],
            "text": [A, B],
            "date": [pd.Timestamp("2024-05-01 23:10"), pd.NaT],
            "source": ["Wire", None],
        }
    )
    report = audit(frame, events=[[101, 102]])
    assert [a.id for a in report.articles] == ["101", "102"]
    assert [a.date for a in report.articles] == ["2024-05-01", None]
    assert [a.source for a in report.articles] == ["Wire", None]
    assert [f.verdict for f in report.findings] == ["contradiction"]
    rows = report.to_dataframe()
    assert len(rows) == len(report.findings)
    assert rows.loc[0, "verdict"] == "contradiction" and rows.loc[0, "articles"] == ("101", "102")
    assert json.loads(report.to_json())["findings"][0]["fingerprint"] == rows.loc[0, "fingerprint"]


def test_dicts_and_articles_with_datetimes_and_none():
    items = [
        {"id": 1, "text": A, "date": datetime.datetime(2024, 5, 1, 8, 0)},
        Article(id=2, text=B, date=datetime.date(2024, 5, 2)),  # type: ignore[arg-type]
        {"id": 3.0, "text": "Floods in Peru\n\nRivers burst their banks.", "date": None},
    ]
    report = audit(iter(items), events=[[1, 2]])
    assert [(a.id, a.date) for a in report.articles] == [
        ("1", "2024-05-01"), ("2", "2024-05-02"), ("3", None)
    ]  # fmt: skip
    assert report.events[0].articles == ("1", "2")


def test_filters_and_reference_as_keywords():
    report = audit(str(SEEDS), only=["disputed"], reference="000_3ffce216f57b5052")
    assert [f.verdict for f in report.findings] == ["disputed"]
    assert report.reference == "000_3ffce216f57b5052"
    hidden = audit(str(SEEDS), show_all=False)
    assert len(hidden.findings) < len(audit(str(SEEDS)).findings)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"id": 1}], "item 1: article '1' has no 'text'"),
        ([{"text": A}], "item 1: has no 'id'"),
        ([42], "item 1: is a int, not a dict or Article"),
    ],
)
def test_bad_items_raise_input_error(items, message):
    with pytest.raises(InputError) as error:
        audit(items)
    assert str(error.value).startswith(message)


def test_run_itself_takes_int_ids_and_timestamp_dates():
    from checker import run

    report = run(
        [Article(7, A, date=pd.Timestamp("2024-05-01")), Article(8, B, date=pd.NaT)],  # type: ignore[arg-type]
        overrides=[("7", "8")],
    )
    assert [(a.id, a.date) for a in report.articles] == [("7", "2024-05-01"), ("8", None)]
    assert [f.verdict for f in report.findings] == ["contradiction"]
