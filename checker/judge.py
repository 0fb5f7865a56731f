"""Turn aligned claims into findings: a short dispatcher over the claim kinds' rules.

Verdicts (``checker.model.Verdict``): agreement, contradiction, embellishment, omission, and
"explained" (figures that differ for a stated reason: a counting convention, an update) and
"disputed" (reports that characterise an incident differently, an interpretation rather than a
stated fact).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.align import align_claims
from checker.claims.base import EventContext
from checker.claims.happening import happening_days, other_happenings
from checker.claims.registry import RULES
from checker.model import Article, Claim, Event, Finding, Sentence, Verdict
from checker.settings import DEFAULT, Settings


def too_many_sentences(sentences: Mapping[str, Sequence[Sentence]], settings: Settings) -> bool:
    """Over ``max_event_sentences``, an event's sentences are not compared with each other
    (its reports' framing is then not judged; the pipeline notes it in the report)."""
    return sum(len(group) for group in sentences.values()) > settings.max_event_sentences


def judge_event(
    event: Event,
    articles: Mapping[str, Article],
    sentences: Mapping[str, Sequence[Sentence]],
    claims: Mapping[str, Sequence[Claim]],
    settings: Settings = DEFAULT,
    copied: frozenset[tuple[str, int]] = frozenset(),
) -> list[Finding]:
    """All findings of one event (ids are assigned later, over the whole report).
    ``copied``: the event's sentences that another article of the collection carries word for
    word (``copied_sentences``)."""
    pool = tuple(c for a in sorted(event.articles) for c in claims.get(a, ()))
    alignments = align_claims(pool)
    ev = EventContext(event, articles, sentences, pool, alignments, settings, copied)
    return _one_happening([finding for rule in RULES for finding in rule(ev)], ev)


def copied_sentences(
    sentences: Mapping[str, Sequence[Sentence]], settings: Settings = DEFAULT
) -> frozenset[tuple[str, int]]:
    """(article, sentence) of every sentence of ``copy_min_words`` words or more that another
    article of the collection carries word for word (letter case and spacing aside): wire
    copy, an agency's background paragraph, page furniture. Read over the whole collection,
    since the articles that share such a paragraph are mostly about other events."""
    copies = CopiedSentences(settings)
    for article in sorted(sentences):
        copies.add(article, sentences[article])
    return copies.found()


class CopiedSentences:
    """``copied_sentences`` read one article at a time, in article id order, so that the
    pipeline can read each chunk of articles as it comes back from the workers while they
    read the next ones (on GVA dev+test 0.25 s that the main process spent after grouping,
    with both workers idle, before the first event could be sent to be judged)."""

    def __init__(self, settings: Settings = DEFAULT) -> None:
        self._min_words = settings.copy_min_words
        self._seen: dict[str, tuple[str, int]] = {}
        self._copied: set[tuple[str, int]] = set()

    def add(self, article: str, sentences: Sequence[Sentence]) -> None:
        """Read one article's sentences (articles must come in id order: a sentence's first
        carrier is the article of the smallest id)."""
        seen, copied = self._seen, self._copied
        for s in sentences:
            words = s.text.lower().split()
            if len(words) < self._min_words:
                continue
            first = seen.setdefault(" ".join(words), (article, s.index))
            if first[0] != article:
                copied.update((first, (article, s.index)))

    def found(self) -> frozenset[tuple[str, int]]:
        return frozenset(self._copied)


_WEEK = 6  # days: two weekdays of one happening are at most this far apart


def _one_happening(findings: list[Finding], ev: EventContext) -> list[Finding]:
    """A weekday contradiction ('Sunday' vs 'Tuesday') between reports whose ledes, read
    against their own dates, fall more than a week apart is two happenings, not a conflict
    (a shooting in October and another in February grouped by their city)."""
    if not any(_temporal(f) for f in findings):
        return findings
    days = ev.once(happening_days)

    def apart(f: Finding) -> bool:
        arts = sorted({c.article for c in f.claims})
        return any(other_happenings(days, a, b, _WEEK) for a in arts for b in arts)

    return [f for f in findings if not (_temporal(f) and apart(f))]


def _temporal(f: Finding) -> bool:
    return f.verdict == Verdict.CONTRADICTION and f.kind == "temporal"
