"""Untrusted article text must stay plain text in every output format."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tabulate import tabulate

from checker.render.escape import html, md_cell, md_text, terminal

settings.register_profile("escape", max_examples=200, deadline=None)
FAST = settings.get_profile("escape")

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}

NASTY = [
    # (cell as found in an article, what a reader must see)
    ("a | b", "a | b"),
    ("| leading and trailing |", "| leading and trailing |"),
    ("line one\nline two\r\nthree\rfour", "line one line two three four"),
    ("tab\there", "tab here"),
    ("<script>alert(1)</script>", "<script>alert(1)</script>"),
    ("<b>bold</b> <http://autolink.test>", "<b>bold</b> <http://autolink.test>"),
    ("`code` and ``more``", "`code` and ``more``"),
    ("already escaped \\| pipe", "already escaped \\| pipe"),
    ("ends in a backslash \\", "ends in a backslash \\"),
    ("\\\\|", "\\\\|"),
    ("*em* _em_ **strong** ~~del~~", "*em* _em_ **strong** ~~del~~"),
    ("[link](http://x.test) ![img](y.png)", "[link](http://x.test) ![img](y.png)"),
    ("&amp; &lt;b&gt; &#60;", "&amp; &lt;b&gt; &#60;"),
    ("Kyiv \u2014 \u201cquote\u201d \u00bd \u4e2d\u6587 \U0001f642 e\u0301", None),
    ("\x1b[31mred\x1b[0m \x07bell", "red bell"),
    ("   spaced    out   ", "spaced out"),
    ("", ""),
    ("3.10", "3.10"),
]


def table_rows(markdown: str) -> list[list[str]]:
    """Each row's cells as a reader sees them; fails on anything but plain text."""
    tokens = MD.parse(markdown)
    assert [t.type for t in tokens].count("table_open") == 1, markdown
    rows: list[list[str]] = []
    for index, token in enumerate(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append(visible(tokens[index + 1]))
    return rows


def visible(inline) -> str:
    kinds = {child.type for child in inline.children or []}
    assert kinds <= {"text"}, (inline.content, kinds)  # no code, emphasis, link or html
    return "".join(child.content for child in inline.children or [])


def html_tags(markdown: str) -> set[str]:
    return set(re.findall(r"</?([a-zA-Z][\w-]*)", MD.render(markdown)))


def github_table(header: list[str], rows: list[list[str]]) -> str:
    cells = [[md_cell(cell) for cell in row] for row in rows]
    return tabulate(cells, [md_cell(h) for h in header], "github", disable_numparse=True)


def test_nasty_cells_keep_their_rows_and_columns():
    header = ["id | no", "quote\nline", "<script>x</script>"]
    texts = [text for text, _ in NASTY]
    rows = [
        [texts[i], texts[(i + 1) % len(texts)], texts[(i + 2) % len(texts)]]
        for i in range(len(texts))
    ]
    markdown = github_table(header, rows)
    parsed = table_rows(markdown)
    assert len(parsed) == len(rows) + 1
    assert all(len(row) == len(header) for row in parsed)
    assert parsed[0] == ["id | no", "quote line", "<script>x</script>"]
    seen = [row[0] for row in parsed[1:]]
    assert seen == [shown if shown is not None else text for text, shown in NASTY]
    assert html_tags(markdown) <= TABLE_TAGS


@pytest.mark.parametrize(("text", "shown"), NASTY)
def test_md_cell_is_one_line_that_renders_as_its_text(text, shown):
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell and "\t" not in cell
    assert table_rows(f"| h |\n|---|\n| {cell} |\n")[1] == [text if shown is None else shown]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("a|b", "a\\|b"),
        ("a\\|b", "a\\\\\\|b"),
        ("<i>&", "&lt;i&gt;&amp;"),
        ("`*_[]~", "\\`\\*\\_\\[\\]\\~"),
        ("\u202eevil\u202c", "evil"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ],
)
def test_md_cell_exact_escapes(text, cell):
    assert md_cell(text) == cell


@pytest.mark.parametrize(
    "text",
    [
        "# not a heading",
        "### not a heading",
        "> not a quote",
        "- not a list",
        "+ not a list",
        "* not a list",
        "1. not a list",
        "2) not a list",
        "---",
        "===",
        "<div>not html</div>",
        "    not code",
        "```",
        "a | b",
    ],
)
@pytest.mark.parametrize("prefix", ["", "> "])
def test_md_text_is_one_paragraph_of_plain_text(text, prefix):
    tokens = MD.parse("Before.\n\n" + prefix + md_text(text) + "\n")
    blocks = [t.type for t in tokens if t.nesting == 1]
    quote = ["blockquote_open"] if prefix else []
    assert blocks == ["paragraph_open", *quote, "paragraph_open"]
    inline = [t for t in tokens if t.type == "inline"][-1]
    assert visible(inline) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b]0;evil title\x07after", "after"),
        ("\x1b]8;;http://evil.test\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("\x9b31m8-bit\x9b0m", "8-bit"),
        ("\x1bPdevice\x1b\\x", "x"),
        ("\x1b]0;unterminated", "0;unterminated"),
        ("lone escape at the end \x1b", "lone escape at the end "),
        ("safe\rEVIL", "safe\nEVIL"),
        ("win\r\nline", "win\nline"),
        ("back\x08\x08space", "backspace"),
        ("tab\there", "tab here"),
        ("keep\nnewlines", "keep\nnewlines"),
        ("\u202egnp.exe", "gnp.exe"),
        ("sep\u2028line", "sep\nline"),
        ("bad \udcff byte", "bad \ufffd byte"),
        ("caf\u00e9 \U0001f642", "caf\u00e9 \U0001f642"),
    ],
)
def test_terminal(text, shown):
    assert terminal(text) == shown


def test_html_escapes_markup_and_quotes():
    assert html("<a href=\"x\" title='y'>&</a>") == (
        "&lt;a href=&quot;x&quot; title=&#x27;y&#x27;&gt;&amp;&lt;/a&gt;"
    )


# --- properties over random text ----------------------------------------------------------

# ESC and the 8-bit C1 introducers start terminal sequences, whose removal is tested above.
_INTRODUCERS = "\x1b\x90\x98\x9b\x9d\x9e\x9f"
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Random unicode, and text made only of markdown's active characters, which finds
# escaping mistakes far sooner.
UNTRUSTED = st.text(st.characters(exclude_characters=_INTRODUCERS), max_size=30) | st.text(
    "|\\`*_[]()~<>&#!-=+:;. \n\r\ta1\u00a0", max_size=30
)


def shown_text(text: str) -> str:
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", _BIDI.sub("", text))
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", text)
    return " ".join(text.split())


@FAST
@given(st.lists(st.lists(UNTRUSTED, min_size=3, max_size=3), min_size=1, max_size=4), UNTRUSTED)
def test_any_text_keeps_every_row_the_width_of_the_header(rows, extra_header):
    header = ["id", extra_header, "quote"]
    markdown = github_table(header, rows)
    parsed = table_rows(markdown)
    assert len(parsed) == len(rows) + 1
    assert all(len(row) == len(header) for row in parsed)
    assert parsed[1:] == [[shown_text(cell) for cell in row] for row in rows]
    assert parsed[0][1] == shown_text(extra_header)
    assert html_tags(markdown) <= TABLE_TAGS


@FAST
@given(st.text())
def test_terminal_output_has_no_control_characters_but_newline(text):
    out = terminal(text)
    assert all(ch == "\n" or unicodedata.category(ch) != "Cc" for ch in out)
    assert not _BIDI.search(out)
    out.encode("utf-8")
