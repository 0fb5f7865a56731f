"""Direct quotations in a sentence: whose words are these, the outlet's or a speaker's?

A phrase inside quotation marks is what someone said, not the outlet's framing. A sentence that
opens a quotation and does not close it (a quote running over several sentences) is quoted as a
whole.
"""

from __future__ import annotations

import re

_OPEN = '"“”'  # straight and curly double quotes (curly closers are sometimes used to open)
_MARK = re.compile('["“”‘]')  # any mark that opens or closes a quotation below
_PAIRED = re.compile(r"(?<!\w)[\"“]([^\"“”]*)[\"”]|(?<!\w)‘([^‘’]{3,}?)’(?!\w)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks; the whole sentence when a quote stays open."""
    if not _MARK.search(text):
        return []  # most sentences: no quotation mark, nothing to pair or count
    spans = [(m.start(), m.end()) for m in _PAIRED.finditer(text)]
    stripped = text.lstrip()
    marks = sum(text.count(q) for q in _OPEN)
    if stripped[:1] in _OPEN and marks % 2 == 1:
        return [(0, len(text))]
    if marks % 2 == 1 and stripped.rstrip()[-1:] in _OPEN:
        return [(0, len(text))]  # the end of a quote that opened in an earlier sentence
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def opens_quote(text: str, was_open: bool) -> bool:
    """Is a quotation still open at the end of this sentence? ``was_open``: at its start."""
    marks = sum(text.count(q) for q in _OPEN)
    return was_open != (marks % 2 == 1)


def after_open_quote(text: str, start: int) -> bool:
    """An odd number of quotation marks before ``start``: the words at ``start`` are inside a
    quotation opened earlier in the sentence, closed or not ('Another man reported, "A car was
    off the road — it looked like ...' with no closing mark)."""
    return sum(text[:start].count(q) for q in _OPEN) % 2 == 1
