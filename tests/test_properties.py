"""Properties of the whole pipeline (load clean-up, run, every renderer) on generated articles.

Two kinds of article sets: random unicode (with markdown, HTML, terminal and CSV specials
mixed in), and shuffled real sentences from the seeds and a real ECB+ topic, where one
article is sometimes copied, or copied with one figure changed, so that events, agreements
and contradictions really occur. For every set:

- nothing but InputError is raised, by the pipeline or by any renderer;
- every sentence is the slice of its article its offsets name;
- every finding's quote is the slice of its sentence its offsets name, and that sentence
  is the article's sentence of that number;
- the same articles in reverse order give a byte-identical JSON report;
- agreements and contradictions do not depend on which article comes first: swapping the
  texts between ids gives the same findings under the swap;
- every markdown table parses into rows as wide as its header, and the markdown renders no
  HTML tag of its own; the terminal table holds no control character but newline.

Example counts come from the Hypothesis profile (tests/conftest.py): 500 in CI.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import replace
from functools import cache

from hypothesis import assume, example, given, note
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from checker.errors import InputError
from checker.load import normalise, one_line
from checker.model import Article, Report
from checker.pipeline import run
from checker.render.csv import COLUMNS, render_csv
from checker.render.json import render_json
from checker.render.markdown import render_markdown
from checker.render.table import render_table
from checker.split import split_article
from tests.helpers import DATA, seed_articles

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# Tags the report's own markup produces; anything else came from article text.
# fmt: off
REPORT_TAGS = {"h1", "h2", "h3", "p", "blockquote", "ul", "li", "strong", "em", "code", "br",
               "table", "thead", "tbody", "tr", "th", "td"}
# fmt: on
SYMMETRIC_VERDICTS = ("agreement", "contradiction", "disputed")


# --- article sets ----------------------------------------------------------------------------

# Characters that have broken renderers before: table pipes, markdown and HTML syntax,
# CSV quoting, terminal escapes, bidi overrides, line and paragraph separators.
_SPECIALS = "|\\`*_[]<>&#!-=~\"',;\n\r\t\x1b\x9b\u202e\u2028\u2029\ufeff\u00a0"
# fmt: off
_WORDS = ["Kaluga", "Moscow", "drones", "were", "shot", "down", "killed", "injured", "people",
          "about", "at least", "more than", "40", "12", "3,000", "no", "police", "said", "fire",
          "reportedly", "massive", "witnesses", "Mr.", "U.S.", "1.5", "million", "died", "two"]
# fmt: on
_piece = (
    st.text(st.characters(codec="utf-8"), max_size=40)
    | st.text(_SPECIALS + "ab1 .", max_size=20)
    | st.sampled_from(_WORDS)
)
_unicode_text = st.lists(_piece, min_size=1, max_size=12).map(" ".join)
_unicode_id = st.text(st.characters(codec="utf-8"), min_size=1, max_size=12) | st.text(
    "|`*_<>&\\ab1", min_size=1, max_size=6
)


@st.composite
def unicode_sets(draw) -> list[Article]:
    """1-4 articles of random text, with random ids: clean-up as the loader does it."""
    count = draw(st.integers(1, 4))
    texts = [normalise(draw(_unicode_text)) for _ in range(count)]
    ids = [one_line(draw(_unicode_id)) for _ in range(count)]
    assume(all(t.strip() for t in texts) and all(ids) and len(set(ids)) == count)
    return [
        Article(id=i, text=t, title=one_line(t.split("\n")[0]))
        for i, t in zip(ids, texts, strict=True)
    ]


@cache
def real_sentences() -> tuple[str, ...]:
    """Sentences of the five seeds and of one ECB+ topic (tests/data/ecbplus-20.jsonl)."""
    articles = seed_articles()
    with open(DATA / "ecbplus-20.jsonl", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles.append(Article(row["id"], normalise(row["text"])))
    pool = {s.text for a in articles for s in split_article(a)}
    return tuple(sorted(pool))


_FIGURE = re.compile(r"\d+")


@st.composite
def real_sets(draw) -> list[Article]:
    """2-4 articles of 1-6 shuffled real sentences; sometimes one is copied (maybe with a
    figure changed) under another id, so the copies are one event with real findings."""
    pool = real_sentences()
    count = draw(st.integers(2, 4))
    texts = []
    for _ in range(count):
        picked = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
        texts.append(draw(st.sampled_from(["\n\n", " ", "\n"])).join(picked))
    how = draw(st.sampled_from(["none", "copy", "change a figure"]))
    if how != "none":
        copy = draw(st.sampled_from(texts))
        if how == "change a figure":
            figures = list(_FIGURE.finditer(copy))
            if figures:
                m = draw(st.sampled_from(figures))
                new = str(int(m.group()) + draw(st.integers(1, 500)))
                copy = copy[: m.start()] + new + copy[m.end() :]
        texts[draw(st.integers(0, count - 1))] = copy
    texts = [normalise(t) for t in texts]
    return [
        Article(id=f"r{k}", text=t, title=one_line(t.split("\n")[0])) for k, t in enumerate(texts)
    ]


# --- checks ----------------------------------------------------------------------------------


def audited(articles: list[Article]) -> Report | None:
    """The report, or None when the library refused the input with an InputError."""
    try:
        return run(articles)
    except InputError:
        return None


def check_offsets(report: Report) -> None:
    texts = {a.id: a.text for a in report.articles}
    sentences = {}
    for article, group in zip(report.articles, report.sentences, strict=True):
        for index, s in enumerate(group):
            assert s.article == article.id and s.index == index
            assert article.text[s.start : s.end] == s.text, (article.id, s)
            assert s.text and s.text in article.text
            sentences[(s.article, s.index)] = s
    for f in report.findings:
        for c in f.claims:
            assert c.article in texts, (f.id, c.article)
            assert c.quote in c.text, (f.id, c.quote, c.text)
            assert c.text[c.start : c.end] == c.quote, (f.id, c)
            assert sentences[(c.article, c.sentence)].text == c.text, (f.id, c)


def table_blocks(markdown: str) -> list[list[str]]:
    """Runs of lines that start with a pipe: each should be one table."""
    blocks, current = [], []
    for line in markdown.split("\n"):
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def row_widths(markdown: str) -> list[list[int]]:
    """Per table, the number of cells of each row (header first), as markdown-it reads it."""
    tables, row = [], None
    for token in MD.parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = 0
        elif token.type in ("th_open", "td_open"):
            row += 1
        elif token.type == "tr_close":
            tables[-1].append(row)
    return tables


def check_markdown(markdown: str) -> None:
    blocks = table_blocks(markdown)
    widths = row_widths(markdown)
    assert len(widths) == len(blocks), "a table did not parse as one table"
    for block, table in zip(blocks, widths, strict=True):
        assert len(table) == len(block) - 1, block  # every line but the --- line is a row
        assert len(set(table)) == 1, (table, block)  # every row as wide as the header
    rendered = MD.render(markdown)
    tags = set(re.findall(r"<([a-zA-Z][\w-]*)", rendered))
    assert tags <= REPORT_TAGS | {"a", "h4"}, tags - REPORT_TAGS
    # links and anchors are the report's own: an anchor id, or a link to one
    for anchor in re.findall(r"<a\b[^>]*>", rendered):
        assert re.fullmatch(r'<a (id="[\w-]+"|href="#[\w-]+")>', anchor), anchor


def check_terminal(table: str) -> None:
    bad = {ch for ch in table if ch != "\n" and unicodedata.category(ch) == "Cc"}
    assert not bad, bad
    assert not re.search(r"[\u202a-\u202e\u2066-\u2069]", table)


def check_csv(text: str, report: Report) -> None:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == COLUMNS
    assert len(rows) - 1 == sum(len(f.claims) for f in report.findings)
    assert all(len(row) == len(COLUMNS) for row in rows)


def findings_under(report: Report, rename: dict[str, str]) -> list[tuple]:
    """Agreements and contradictions, with article ids renamed, in a canonical order."""
    out = []
    for f in report.findings:
        if f.verdict not in SYMMETRIC_VERDICTS:
            continue
        claims = sorted((rename[c.article], c.sentence, c.start, c.end, c.quote) for c in f.claims)
        out.append((f.verdict, f.kind, tuple(claims)))
    return sorted(out)


def check_everything(articles: list[Article]) -> None:
    report = audited(articles)
    if report is None:
        return
    check_offsets(report)
    rendered = render_json(report)
    json.loads(rendered)
    markdown = render_markdown(report)
    check_markdown(markdown)
    check_terminal(render_table(report))
    check_csv(render_csv(report), report)
    for text in (rendered, markdown):
        text.encode("utf-8")

    again = audited(list(reversed(articles)))
    assert again is not None
    assert render_json(again) == rendered, "article order changed the report"

    # The same articles under the ids in reverse: what is compared first has changed.
    by_id = sorted(articles, key=lambda a: a.id)
    ids = [a.id for a in by_id]
    swapped = [replace(a, id=i) for i, a in zip(ids, reversed(by_id), strict=True)]
    back = dict(zip(ids, reversed(ids), strict=True))
    other = audited(swapped)
    assert other is not None
    note(f"swapped ids: {back}")
    assert findings_under(other, back) == findings_under(report, {i: i for i in ids})


# --- the properties --------------------------------------------------------------------------


@given(unicode_sets())
@example(
    [
        Article("a | b", "x | y\n\n<script>alert(1)</script> 40 drones | 3"),
        Article("`c`", "*40* drones were shot down over Kaluga, police said."),
    ]
)
@example([Article("only", "One article only.")])
def test_pipeline_on_random_unicode(articles):
    check_everything(articles)


@given(real_sets())
def test_pipeline_on_shuffled_real_sentences(articles):
    check_everything(articles)


def test_real_sentence_pool_is_large():
    assert len(real_sentences()) > 200
