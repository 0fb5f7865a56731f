"""Page furniture: what a news page carries that is not the article's own text.

A video page often lists its outlet's other videos as a playlist: one line each, a running
time, then another story's title ("2:55 Widow of Austins Bar & Grill shooting victim
speaks"). Those lines tell of other events: grouping leaves them out of the article's text
(``own_text``) and extraction reads no claim from them (``playlist_sentences``). A time of
day ("9:15 p.m. update: ...", "8:13 AM PDT") is no running time, and a list has two lines or
more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.model import Sentence

_RUNNING_TIME = r"\d{1,2}:\d\d[ \t]+(?![AaPp]\.?[Mm]\b)\S"
_PLAYLIST_LINE = re.compile(rf"^[ \t]*{_RUNNING_TIME}.*(?:\n|$)", re.MULTILINE)
_PLAYLIST_START = re.compile(_RUNNING_TIME)
PLAYLIST_MIN_LINES = 2


def own_text(text: str) -> str:
    """The article's text without the lines of a video playlist (other stories' titles)."""
    if ":" not in text:
        return text
    found = _PLAYLIST_LINE.findall(text)
    return _PLAYLIST_LINE.sub("", text) if len(found) >= PLAYLIST_MIN_LINES else text


def playlist_sentences(sentences: Sequence[Sentence]) -> frozenset[int]:
    """Indexes of the sentences that are playlist entries: those that open with a running
    time, when the article has two of them or more (sentences are split at line breaks, so
    an entry's title opens a sentence)."""
    found = frozenset(
        s.index for s in sentences if ":" in s.text[:6] and _PLAYLIST_START.match(s.text)
    )
    return found if len(found) >= PLAYLIST_MIN_LINES else frozenset()
