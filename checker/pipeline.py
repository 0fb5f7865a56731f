"""The whole audit as one pure function: articles in, report out (no I/O)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from checker.coerce import ordinary
from checker.errors import InputError
from checker.extract import extract_claims
from checker.group import apply_overrides, group_events
from checker.judge import judge_event, too_many_sentences
from checker.model import Article, Event, Finding, Report, Verdict
from checker.settings import DEFAULT, Settings
from checker.split import split_article


def run(
    articles: Sequence[Article],
    settings: Settings = DEFAULT,
    overrides: Sequence[Sequence[str]] = (),
    progress: Callable[[str, int, int], None] | None = None,
) -> Report:
    """Audit a set of articles. Articles are put in id order first, so that the report does not
    depend on the order they were given in. ``progress(stage, done, total)``, when given, is
    called as articles are read and events judged (the CLI's progress bar)."""
    tick = progress or (lambda stage, done, total: None)
    ordered = tuple(sorted(map(ordinary, articles), key=lambda a: (a.id, a.path)))
    _refuse_duplicate_ids(ordered)
    sentences = {a.id: split_article(a, settings) for a in ordered}
    claims = {}
    for k, a in enumerate(ordered, start=1):
        claims[a.id] = extract_claims(sentences[a.id], settings)
        tick("reading", k, len(ordered))
    events = group_events(ordered, claims, settings)
    if overrides:
        events = apply_overrides(events, overrides)
    by_id = {a.id: a for a in ordered}
    findings: list[Finding] = []
    for k, event in enumerate(events, start=1):
        findings.extend(judge_event(event, by_id, sentences, claims, settings))
        tick("judging", k, len(events))
    return Report(
        articles=ordered,
        sentences=tuple(sentences[a.id] for a in ordered),
        events=tuple(events),
        findings=number_findings(findings, events),
        notes=_notes(ordered, events) + _large_events(events, sentences, settings),
    )


def finding_sort_key(f: Finding, event_rank: dict[str, int]) -> tuple:
    first = f.claims[0] if f.claims else None
    where = (first.article, first.sentence, first.start) if first else ("", 0, 0)
    return (
        event_rank.get(f.event, 0),
        Verdict(f.verdict).rank,
        -f.severity,
        where,
        f.slot,
        f.kind,
        f.explanation,
    )


def number_findings(findings: Sequence[Finding], events: Sequence[Event]) -> tuple[Finding, ...]:
    """Stable ids F1, F2, ... in report order: by event, verdict, severity, then reading order."""
    rank = {e.id: k for k, e in enumerate(events)}
    ordered = sorted(findings, key=lambda f: finding_sort_key(f, rank))
    return tuple(replace(f, id=f"F{k}") for k, f in enumerate(ordered, start=1))


def _refuse_duplicate_ids(articles: Sequence[Article]) -> None:
    """Every stage keys on the id; two articles with one id would be mixed up."""
    for a, b in zip(articles, articles[1:], strict=False):
        if a.id == b.id:
            raise InputError(
                b.path or a.path, f"duplicate article id {a.id!r}", "give every article its own id"
            )


def _notes(articles: Sequence[Article], events: Sequence[Event]) -> tuple[str, ...]:
    notes = []
    if len(articles) == 1:
        notes.append("only one article: nothing to compare it with (it is checked against itself)")
    elif events and all(len(e.articles) == 1 for e in events):
        notes.append("no two articles report the same event: each is checked against itself")
    return tuple(notes)


def _large_events(events: Sequence[Event], sentences, settings: Settings) -> tuple[str, ...]:
    """Say which events were too long for their sentences to be compared (and why)."""
    notes = []
    for event in events:
        mine = {a: sentences[a] for a in event.articles if a in sentences}
        if len(mine) > 1 and too_many_sentences(mine, settings):
            count = sum(len(group) for group in mine.values())
            notes.append(
                f"event {event.id}: {count:,} sentences, over the {settings.max_event_sentences:,}"
                " limit (max_event_sentences): its sentences were not compared, so added quotes"
                " and unsupported framing are not reported for it"
            )
    return tuple(notes)
