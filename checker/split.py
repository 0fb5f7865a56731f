"""Split articles into sentences with character offsets.

nupunkt (a Punkt model trained on legal and news text) does the sentence boundaries; we split
on line breaks first because a headline or a dateline has no final full stop and Punkt would
glue it to the next paragraph. Offsets always point into ``Article.text`` so a quote can be
found again in the original.
"""

from __future__ import annotations

import re

import nupunkt

from checker.model import Article, Sentence
from checker.settings import DEFAULT, Settings

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE = re.compile(r"[^\n]+")


def split_article(article: Article, settings: Settings = DEFAULT) -> tuple[Sentence, ...]:
    """All sentences of an article, numbered from 0 in reading order."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for line in _LINE.finditer(article.text):
        if _PARAGRAPH_BREAK.search(article.text, last_end, line.start() + 1):
            paragraph += 1
        last_end = line.end()
        for start, end in _line_spans(line.group(), settings.max_sentence_chars):
            start, end = start + line.start(), end + line.start()
            text = article.text[start:end]
            sentences.append(Sentence(article.id, len(sentences), start, end, text, paragraph))
    return tuple(sentences)


def _line_spans(line: str, max_chars: int) -> list[tuple[int, int]]:
    """Sentence spans of one line, stripped of surrounding white space, none longer than max."""
    spans = []
    for start, end in nupunkt.sent_spans(line):
        start, end = _strip_span(line, start, end)
        if start >= end:
            continue
        spans.extend(_cap_span(line, start, end, max_chars))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cap_span(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut an overlong span at white space so one run-on 'sentence' cannot stall extraction."""
    pieces = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut > start else start + max_chars
        pieces.append(_strip_span(text, start, cut))
        start = _strip_span(text, cut, end)[0]
    pieces.append((start, end))
    return [p for p in pieces if p[0] < p[1]]
