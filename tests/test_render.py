"""Renderers: the golden markdown report, and untrusted text made inert in every format."""

import csv
import io
import json
import os

import pytest
from markdown_it import MarkdownIt

from checker.load import load_paths
from checker.model import Article
from checker.pipeline import run
from checker.render.csv import COLUMNS, render_csv
from checker.render.json import render_json
from checker.render.markdown import render_markdown
from checker.render.table import render_table
from tests.helpers import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def seeds_report():
    return run(load_paths([str(SEEDS)]).articles)


@pytest.mark.parametrize(
    ("name", "render"),
    [("seeds.md", render_markdown), ("seeds.table.txt", lambda r: render_table(r, width=120))],
)
def test_golden(seeds_report, name, render):
    """Regenerate deliberately with CHECKER_REGENERATE=1 and review the diff."""
    path = GOLDEN / name
    text = render(seeds_report)
    if os.environ.get("CHECKER_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


NASTY = (
    "Police said | 40 drones | were destroyed over Kaluga Oblast.\n"
    "<script>alert(1)</script> Eyewitnesses reported `rm -rf` **bold** [x](http://e) "
    "\x1b[31mred\x1b[0m\x07 and 40 drones were shot down over Kaluga Oblast."
)


@pytest.fixture(scope="module")
def nasty_report():
    a = Article("a|b", NASTY, title="T | <b>", path="a.txt")
    b = Article("c", NASTY.replace("40", "41"), title="U\nV", path="c.txt")
    return run([a, b], overrides=[("a|b", "c")])


def _tables(markdown: str):
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row = [], None
    for tok in tokens:
        if tok.type == "tr_open":
            row = []
        elif tok.type in ("th_open", "td_open"):
            row.append(tok)
        elif tok.type == "tr_close":
            rows.append(len(row))
        elif tok.type == "table_close":
            yield rows
            rows = []


def test_markdown_tables_keep_their_shape_and_render_no_html(nasty_report):
    md = render_markdown(nasty_report)
    tables = list(_tables(md))
    assert len(tables) >= 1  # the scorecard, with the id "a|b" in a cell
    for rows in tables:
        assert len(set(rows)) == 1, rows
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in html and "<b>" not in html and 'href="http://e"' not in html


def test_terminal_table_has_no_control_characters(nasty_report):
    text = render_table(nasty_report)
    assert "\x1b" not in text and "\x07" not in text
    assert all(ch == "\n" or ch >= " " for ch in text)


def test_json_is_the_audit_contract(nasty_report):
    audit = json.loads(render_json(nasty_report))
    assert audit["schema"] == "checker.audit/1"
    assert [a["id"] for a in audit["articles"]] == ["a|b", "c"]
    contradictions = [f for f in audit["findings"] if f["verdict"] == "contradiction"]
    assert contradictions and all(
        "text" in c and "quote" in c for f in contradictions for c in f["claims"]
    )


def test_csv_one_row_per_claim_parses_back(nasty_report):
    text = render_csv(nasty_report)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == sum(len(f.claims) for f in nasty_report.findings)
    assert {r["article"] for r in rows} <= {"a|b", "c"}


def test_csv_cells_cannot_become_spreadsheet_formulas():
    text = '=HYPERLINK("http://e","x") 40 drones were shot down over Kaluga Oblast.'
    report = run(
        [Article("a", text), Article("b", text.replace("40", "41"))], overrides=[("a", "b")]
    )
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    assert rows and all(not r["text"].startswith("=") for r in rows)
    assert any(r["text"].startswith("'=HYPERLINK") for r in rows)
    assert {r["value"] for r in rows if r["value"]} <= {"40", "41"}


def test_bare_links_in_article_text_do_not_become_links():
    from checker.render.escape import md_cell

    assert md_cell("see http://evil.example and www.evil.example") == (
        "see http\\://evil.example and www\\.evil.example"
    )
