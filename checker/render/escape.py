"""Make untrusted article text inert in every output format.

Articles come from anywhere: a quote may hold a pipe that splits a markdown table, a
newline that ends it, ``<script>``, or ANSI escapes that rewrite the user's terminal.
tabulate does not escape pipes or newlines in "github"/"pipe" tables (its issue #241), so
every markdown cell must pass through :func:`md_cell`.
"""

from __future__ import annotations

import html as _html
import re

# Terminal escape sequences, 7- and 8-bit: CSI (colours, cursor moves), then string
# commands (OSC titles and hyperlinks, DCS, SOS, PM, APC) up to their terminator, then
# any other ESC sequence. An unterminated string loses only its introducer.
_ANSI = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_SPACING_CONTROL = re.compile(r"[\t\x0b\x0c\x1c-\x1f\x85]")  # separate words: keep a space
# Bidi embeddings, overrides and isolates reorder what is shown ("Trojan source").
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # cannot be encoded; would crash the writer
# Backslash first, so the backslashes added for the other characters stay single.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
# GitHub-flavoured renderers turn bare "http://..." and "www..." into links.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www)(:|\.)")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# At the start of a line these open a heading, quote, list or rule in running text.
_MD_BLOCK_START = re.compile(r"^(?:([#>+=-])|(\d+)([.)]))")


def _printable(text: str) -> str:
    text = _SURROGATE.sub("\ufffd", str(text))
    return _BIDI.sub("", _ANSI.sub("", text))


def md_cell(text: str) -> str:
    """One table cell: a single line in which nothing but plain text can render."""
    flat = " ".join(_CONTROL.sub(" ", _printable(text)).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    escaped = _AUTOLINK.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return "".join(_MD_ENTITY.get(char, char) for char in escaped)


def csv_cell(value: object) -> object:
    """A spreadsheet runs a cell that starts with = + - @ (or tab, CR) as a formula."""
    if isinstance(value, str) and value[:1] in _FORMULA_START:
        return "'" + value
    return value


def md_text(text: str) -> str:
    """A quote in running text or one blockquote line: md_cell, plus no block markup."""
    return _MD_BLOCK_START.sub(_escape_block_start, md_cell(text), count=1)


_MD_PROSE_SPECIAL = re.compile(r"([\\`*\[\]~])|(?<![^\W_])_|_(?![^\W_])")


def md_prose(text: str) -> str:
    """Running text outside tables, with less clutter than md_text: ``|`` stays as it is (no
    table can start on a line whose next line is ours) and so does ``_`` inside a word (it
    cannot open emphasis there); everything else is escaped as in md_text."""
    flat = " ".join(_CONTROL.sub(" ", _printable(text)).split())
    escaped = _MD_PROSE_SPECIAL.sub(lambda m: "\\" + m.group(0), flat)
    escaped = _AUTOLINK.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    escaped = "".join(_MD_ENTITY.get(char, char) for char in escaped)
    return _MD_BLOCK_START.sub(_escape_block_start, escaped, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def terminal(text: str) -> str:
    """For anything printed to a terminal: nothing can move the cursor, recolour or retitle."""
    text = _printable(text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL_BUT_NEWLINE.sub("", _SPACING_CONTROL.sub(" ", text))


def html(text: str) -> str:
    """Text for HTML content and attribute values: markup escaped, and no terminal escapes,
    bidi overrides or control characters (newlines and tabs become spaces)."""
    clean = _CONTROL.sub(" ", _printable(text))
    return _html.escape(clean, quote=True)


def md_code(text: str, in_table: bool = False) -> str:
    """An identifier (article id, slot) as a code span: shown literally, so no ``\\_`` clutter.

    The fence is one backtick longer than any run inside; in a table ``|`` is still escaped
    (GFM splits cells before it parses code spans).
    """
    flat = " ".join(_CONTROL.sub(" ", _printable(text)).split()) or " "
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat[0] in "` " or flat[-1] in "` " else ""
    body = flat.replace("|", "\\|") if in_table else flat
    return f"{fence}{pad}{body}{pad}{fence}"
