"""What every renderer shows, computed once: short names, per-event rows, counts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from checker.model import Claim, Event, Finding, Report

VERDICTS = ("contradiction", "disputed", "embellishment", "explained", "agreement", "omission")
MAX_QUOTE = 60


@dataclass(frozen=True)
class EventView:
    event: Event
    findings: tuple[Finding, ...]
    titles: tuple[tuple[str, str], ...]  # (article id, title)


def event_views(report: Report) -> tuple[EventView, ...]:
    titles = {a.id: a.title for a in report.articles}
    by_event: dict[str, list[Finding]] = {e.id: [] for e in report.events}
    for f in report.findings:
        by_event.setdefault(f.event, []).append(f)
    return tuple(
        EventView(e, tuple(by_event[e.id]), tuple((a, titles.get(a, "")) for a in e.articles))
        for e in report.events
    )


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    tally = Counter(f.verdict for f in findings)
    return {v: tally.get(v, 0) for v in VERDICTS}


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_value(c: Claim) -> str:
    """How a claim reads in a table cell: the quote, which carries figure and qualifier."""
    return shorten(c.quote)


def per_article(f: Finding, article: str) -> str:
    """The cell of one report in a finding's row: its quotes, or blank."""
    quotes = []
    for c in f.claims:
        if c.article == article and claim_value(c) not in quotes:
            quotes.append(claim_value(c))
    if len(quotes) > 2:
        quotes = quotes[:2] + [f"+{len(quotes) - 2} more"]
    return "; ".join(quotes)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(report: Report) -> str:
    c = counts(report.findings)
    multi = sum(1 for e in report.events if len(e.articles) > 1)
    return (
        f"{plural(len(report.articles), 'article')}, {plural(len(report.events), 'event')} "
        f"({multi} reported by more than one article): "
        f"{plural(c['contradiction'], 'contradiction')}, {c['disputed']} disputed, "
        f"{plural(c['embellishment'], 'embellishment')}, {plural(c['agreement'], 'agreement')}, "
        f"{plural(c['explained'], 'explained difference')}, {plural(c['omission'], 'omission')}"
    )
