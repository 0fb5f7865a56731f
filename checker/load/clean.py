"""Text clean-up: one form for every input, so offsets and matching do not depend on the source."""

from __future__ import annotations

import re
import unicodedata

# Control characters break terminals, tables and JSON consumers; \t and \n carry layout.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what a terminal or viewer shows.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# C1 controls in news text are cp1252 bytes read as latin-1 (--encoding latin-1 on a
# Windows file): give back the quote, dash or bullet they stand for, as browsers do.
_C1 = re.compile(r"[\x80-\x9f]")
_C1_TO_CP1252 = {
    byte: bytes([byte]).decode("cp1252", errors="ignore") or " " for byte in range(0x80, 0xA0)
}
# Lone surrogates (from "\ud800" in JSON or undecodable file names) cannot be written as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Any character one of the three above replaces: most texts have none, and one scan for
# them costs a third of running the three replacements.
_ODD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_FIRST_LINE = re.compile(r"[^\S\n]*(\S[^\n]*)")
_JSONL_START = re.compile(r"\s*\{")
_HEADING = re.compile(r"#{1,6}(?:[ \t]+|$)")


def normalise(text: str) -> str:
    """One form for every input, so offsets, matching and output do not depend on the source."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD.search(text):
        text = _replace_odd_characters(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _replace_odd_characters(text: str) -> str:
    if _C1.search(text):
        text = text.translate(_C1_TO_CP1252)
    text = _CONTROL.sub(" ", text)
    text = _BIDI.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def one_line(text: str) -> str:
    return " ".join(normalise(text).split())


def blank(text: str) -> bool:
    """Nothing but white space and invisible format characters (BOM, zero-width space)."""
    return not any(
        not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc", "Zs") for ch in text
    )


def title_of(text: str) -> str:
    """The first non-empty line, without a markdown heading mark: how plain-text news starts."""
    match = _FIRST_LINE.search(text)
    if not match:
        return ""
    return _HEADING.sub("", match.group(1), count=1).strip()
