"""Renderers: the golden markdown report, and untrusted text made inert in every format."""

import csv
import io
import json
import os
import re

import pytest
from markdown_it import MarkdownIt

from checker.load import load_paths
from checker.model import Article, Verdict
from checker.pipeline import run
from checker.render.csv import COLUMNS, render_csv
from checker.render.json import _indented, render_json, report_dict
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


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [{}], "d": ()},
        {"text": 'quote "x"\n\ttab \u2028 caf\u00e9 \U0001f600 \\ end', "n": -3, "big": 10**30},
        [0.1, 1e-07, 2.5, -0.0, 1e300, float("nan"), float("inf"), -float("inf"), 4.0],
        [True, False, None, 0, 1, [None, [True, {"k": [1, [2, [3]]]}]]],
        {"verdict": Verdict.CONTRADICTION, "count": True, "nested": {"x": (1, "y")}},
    ],
)
def test_json_is_written_as_json_dumps_would_write_it(value):
    """render_json writes the report without json.dumps' Python encoder: the same text."""
    parts: list[str] = []
    _indented(value, "\n", parts)
    assert "".join(parts) == json.dumps(value, ensure_ascii=False, indent=2)


def test_json_of_a_report_is_json_dumps_of_its_dict(nasty_report):
    expected = json.dumps(report_dict(nasty_report), ensure_ascii=False, indent=2) + "\n"
    assert render_json(nasty_report) == expected


def test_json_refuses_what_json_refuses():
    with pytest.raises(TypeError):
        _indented({"a": object()}, "\n", [])
    with pytest.raises(TypeError):
        _indented({1: 2}, "\n", [])


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


# --- the desk's formats: HTML, a table that fits, hostile text in each ------------------------

HOSTILE = (
    "Drones <script>document.title='x'</script> over Kaluga\n\n"
    "Air defences shot down 40 drones over Kaluga | overnight <img src=x onerror=alert(1)>. "
    "Eyewitnesses said \x1b]0;pwned\x07 it was [a link](http://e) **loud** \u202egnol."
)


@pytest.fixture(scope="module")
def hostile_report():
    a = Article("a<b>", HOSTILE, title="<b>T</b> | x", path="a.txt", source="<i>Wire</i>")
    b = Article("c", HOSTILE.replace("40", "41"), title="U\nV", path="c.txt")
    return run([a, b], overrides=[("a<b>", "c")])


def test_hostile_text_is_inert_in_html(hostile_report):
    from checker.render.html import render_html

    page = render_html(hostile_report)
    body = page.split("<body>", 1)[1]
    assert "<script>document" not in body and "<img" not in body and "<i>Wire" not in body
    assert "&lt;script&gt;document.title=&#x27;x&#x27;&lt;/script&gt;" in body
    assert body.count("<script>") == 1 and "\x1b" not in page and "\u202e" not in page
    assert 'data-article="a&lt;b&gt;"' in body
    assert "script-src 'sha256-" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing loaded from the network


def test_hostile_text_is_inert_in_markdown_and_terminal(hostile_report):
    md = render_markdown(hostile_report)
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in rendered and "<img" not in rendered and "<b>" not in rendered
    assert 'href="http' not in rendered and "<strong>loud" not in rendered
    text = render_table(hostile_report, width=80)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_terminal_table_fits_the_width_and_wraps_instead_of_cutting(seeds_report, width):
    text = render_table(seeds_report, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    assert "part of the same wave" in flat and "a separate incident" in flat


def test_many_reports_get_one_row_each_for_a_contradiction():
    texts = [f"Kaluga {k}\n\nAir defences shot down {n} drones over Kaluga overnight."
             for k, n in enumerate([40, 40, 40, 40, 40, 12])]  # fmt: skip
    articles = [Article(f"r{k}", t) for k, t in enumerate(texts)]
    report = run(articles, overrides=[tuple(a.id for a in articles)])
    table = render_table(report, width=100)
    lines = table.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith("F1 "))
    end = next(k for k, line in enumerate(lines) if line.startswith("F2 "))
    rows = [line for line in lines[start:end] if ":3: shot down" in line]
    assert lines[start].split()[:2] == ["F1", "contradiction"]
    assert len(rows) == 6, table  # one per report, each with its place and value
    assert any("r5:3: shot down 12 drones" in line for line in rows)


def test_scorecard_per_article_and_per_outlet():
    from checker.render.view import scorecard

    texts = ["Air defences shot down 40 drones over Kaluga overnight.",
             "Air defences shot down 12 drones over Kaluga overnight. Eyewitnesses said so.",
             "Air defences shot down 40 drones over Kaluga overnight."]  # fmt: skip
    sources = ["Wire", "Daily", "Wire"]
    articles = [
        Article(f"r{k}", t, source=s) for k, (t, s) in enumerate(zip(texts, sources, strict=True))
    ]
    report = run(articles, overrides=[("r0", "r1", "r2")])
    card = scorecard(report)
    assert card["r1"]["claims"] == 2 and card["r1"]["contradicted"] == 1
    assert card["r1"]["embellished"] == 1
    for tally in card.values():  # each claim counts once
        assert (
            sum(tally[c] for c in ("corroborated", "contradicted", "embellished", "unique"))
            == (tally["claims"])
        )
    md = render_markdown(report)
    assert "Per outlet:" in md
    assert "| Daily | 1 | 2 | 0 (0%) | 1 (50%) | 1 (50%) | 0 (0%) |" in md
