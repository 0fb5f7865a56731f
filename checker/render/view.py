"""What every renderer shows, computed once: event titles, sections, places, scorecards.

Renderers only lay these out; they escape every string that comes from an article.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker.model import VERDICTS, Claim, Event, Finding, Report, Verdict, format_number
from checker.settings import DEFAULT, Settings

MAX_QUOTE = 60
CONTESTED = (Verdict.CONTRADICTION, Verdict.DISPUTED)
ADDED = (Verdict.EMBELLISHMENT, Verdict.UNIQUE)
CONSENSUS = (Verdict.AGREEMENT,)
OTHER = (Verdict.EXPLAINED, Verdict.OMISSION)


@dataclass(frozen=True)
class EventView:
    event: Event
    findings: tuple[Finding, ...]
    titles: tuple[tuple[str, str], ...]  # (article id, title)
    title: str = ""  # what happened, where, when: built from the findings
    contested: tuple[Finding, ...] = ()
    added: tuple[tuple[str, tuple[Finding, ...]], ...] = ()  # per article, most severe first
    consensus: tuple[Finding, ...] = ()  # most reports first
    other: tuple[Finding, ...] = ()


def event_views(report: Report) -> tuple[EventView, ...]:
    titles = {a.id: a.title for a in report.articles}
    dates = {a.id: a.date for a in report.articles}
    by_event: dict[str, list[Finding]] = {e.id: [] for e in report.events}
    for f in report.findings:
        by_event.setdefault(f.event, []).append(f)
    every: dict[str, list[Finding]] = defaultdict(list)  # shown or not: titles stay the same
    for f in sorted((*report.findings, *report.hidden), key=lambda f: (len(f.id), f.id)):
        every[f.event].append(f)
    views = []
    for e in report.events:
        found = tuple(by_event[e.id])
        added: dict[str, list[Finding]] = defaultdict(list)
        for f in found:
            if f.verdict in ADDED:
                for a in dict.fromkeys(c.article for c in f.claims):
                    added[a].append(f)
        views.append(
            EventView(
                event=e,
                findings=found,
                titles=tuple((a, titles.get(a, "")) for a in e.articles),
                title=event_title(e, every[e.id], titles, dates),
                contested=tuple(f for f in found if f.verdict in CONTESTED),
                added=tuple(
                    (a, tuple(sorted(fs, key=lambda f: -f.severity)))
                    for a, fs in sorted(added.items(), key=lambda kv: (-len(kv[1]), kv[0]))
                ),
                consensus=tuple(
                    sorted(
                        (f for f in found if f.verdict in CONSENSUS),
                        key=lambda f: -len(reports_of(f)),
                    )  # fmt: skip
                ),
                other=tuple(f for f in found if f.verdict in OTHER),
            )
        )
    return tuple(views)


def reports_of(f: Finding) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.article for c in f.claims))


# --- titles ------------------------------------------------------------------------------


def _words(key: str) -> str:
    return key.replace("_", " ").strip()


def _plural(unit: str, value: float | None) -> str:
    if value == 1:
        return unit
    irregular = {"person": "people", "child": "children", "man": "men", "woman": "women"}
    if unit in irregular:
        return irregular[unit]
    return unit if unit.endswith("s") else unit + "s"


def _fact_phrase(f: Finding, short: bool = False) -> str:
    """``40 drones downed over Kaluga`` from the slot "kaluga|drone|downed" and the figure."""
    parts = str(f.slot).split("|")
    place, unit, predicate = (parts + ["", "", ""])[:3]
    where = f" in {_words(place).title()}" if place else ""
    numeric = f.kind == "numeric"
    quantity = next((c for c in f.claims if c.value is not None and numeric), None)
    if quantity is not None:
        figure = format_number(quantity.value)
        if short:
            return f"{figure}{where}"
        return f"{figure} {_words(_plural(unit, quantity.value))} {_words(predicate)}{where}"
    if unit == "absence":
        return f"no {_words(predicate).replace(',', ' or ')}{where}"
    if unit == predicate:
        return f"{_words(unit)}{where}"
    return f"{_words(unit)} {_words(predicate)}{where}"


def event_title(
    event: Event, findings: Sequence[Finding], titles: dict[str, str], dates: dict[str, str | None]
) -> str:
    """What happened, where, when: the facts most reports agree on, else the first headline."""
    figures = [f for f in findings if f.verdict in (Verdict.AGREEMENT, Verdict.CONTRADICTION)
               and f.kind == "numeric"]  # fmt: skip
    figures.sort(key=lambda f: (-len(reports_of(f)), f.verdict != Verdict.AGREEMENT, f.id))
    phrases: list[str] = []
    first_kind = None
    firsts: dict[str, Finding] = {}
    for f in figures:
        firsts.setdefault(str(f.slot), f)
    figures = list(firsts.values())
    for f in figures[:2]:
        kind = str(f.slot).split("|")[1:]
        phrases.append(_fact_phrase(f, short=kind == first_kind))
        first_kind = first_kind or kind
    if not phrases:
        facts = [f for f in findings if f.verdict == Verdict.AGREEMENT]
        facts.sort(key=lambda f: (-len(reports_of(f)), f.id))
        phrases = [_fact_phrase(f) for f in facts[:2]]
    what = "; ".join(phrases)
    if what:
        what = what[0].upper() + what[1:]
    else:
        what = _headline(next((t for a in event.articles if (t := titles.get(a))), event.id))
    known = sorted({d for a in event.articles if (d := dates.get(a))})
    if known:
        what += " — " + (known[0] if len(known) == 1 else f"{known[0]} to {known[-1]}")
    return what


# --- at a glance: the three questions an editor asks first ----------------------------------

GLANCE_EVENTS = 5  # events shown at a glance, those with the most findings first


@dataclass(frozen=True)
class Glance:
    view: EventView
    added_most: tuple[tuple[str, int, int, tuple[tuple[str, int], ...]], ...]  # per article:
    # (id, embellished claims, checked claims, kinds) most first
    disagree: tuple[Finding, ...]
    agree: tuple[str, ...]  # facts every report gives


def glances(
    report: Report, views: Sequence[EventView], settings: Settings = DEFAULT
) -> list[Glance]:
    """Per event (most contested first): who added most, what is disputed, what all agree."""
    cards = scorecard(report, settings)

    def rank(kind: str) -> int:
        return settings.severity(Verdict.EMBELLISHMENT, kind)

    out = []
    multi = [v for v in views if len(v.event.articles) > 1 and v.findings]
    multi.sort(key=lambda v: (-len(v.contested), -len(v.findings), v.event.id))
    for v in multi[:GLANCE_EVENTS]:
        added = []
        for aid, found in v.added:
            kinds = Counter(f.kind for f in found if f.verdict == Verdict.EMBELLISHMENT)
            if kinds:
                kinds = Counter(dict(sorted(kinds.items(), key=lambda kv: -rank(kv[0]))))
                card = cards.get(aid, Counter())
                added.append((aid, card["embellished"], card["claims"], tuple(kinds.items())))
        added.sort(key=lambda t: (-t[1], t[0]))
        everyone = [f for f in v.consensus if len(reports_of(f)) == len(v.event.articles)]
        agree = tuple(dict.fromkeys(_fact_phrase(f) for f in everyone))
        out.append(Glance(v, tuple(added), v.contested, agree))
    return out


def _headline(text: str, limit: int = 90) -> str:
    """A headline cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# --- places ------------------------------------------------------------------------------


class Lines:
    """``article:line`` of a claim: the line of the article's text its sentence starts on,
    counted from 1 (a text file's title is line 1)."""

    def __init__(self, report: Report) -> None:
        self._starts: dict[str, list[int]] = {}
        texts = {a.id: a.text for a in report.articles}
        for a, sentences in zip(report.articles, report.sentences, strict=True):
            self._starts[a.id] = [s.start for s in sentences]
        self._texts = texts

    def line(self, article: str, sentence: int) -> int:
        starts = self._starts.get(article, [])
        if not 0 <= sentence < len(starts):
            return sentence + 1
        return self._texts[article].count("\n", 0, starts[sentence]) + 1

    def place(self, c: Claim) -> str:
        return f"{c.article}:{self.line(c.article, c.sentence)}"


def line_of(report: Report, c: Claim) -> int:
    return Lines(report).line(c.article, c.sentence)


def grouped_claims(f: Finding) -> list[list[Claim]]:
    """The finding's claims, one group per sentence, in article order."""
    spans: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in f.claims:
        spans[(c.article, c.sentence)].append(c)
    return [spans[k] for k in sorted(spans)]


def marks(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of the claims' quotes inside their sentence."""
    out: list[list[int]] = []
    for start, end in sorted((c.start, c.end) for c in claims if c.end > c.start):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


# --- scorecards --------------------------------------------------------------------------

SCORE_COLUMNS = ("corroborated", "contradicted", "embellished", "unique")


def _score_column(f: Finding, settings: Settings) -> str | None:
    if f.verdict in (Verdict.AGREEMENT, Verdict.EXPLAINED):
        return "corroborated"
    if f.verdict in CONTESTED:
        return "contradicted"
    if f.verdict == Verdict.UNIQUE or f.kind in settings.hidden_by_default:
        return "unique"
    if f.verdict == Verdict.EMBELLISHMENT:
        return "embellished"
    return None


_PRIORITY = ("contradicted", "embellished", "unique", "corroborated")  # a claim counts once


def scorecard(report: Report, settings: Settings = DEFAULT) -> dict[str, Counter[str]]:
    """Per article: its checked claims (distinct quotes, in any finding, shown or filtered) and
    how many fall in each column. A claim counts in one column only, the first of: contradicted,
    embellished, unique, corroborated; so the shares add up to 100 %."""
    best: dict[str, dict[tuple, int]] = defaultdict(dict)
    for f in (*report.findings, *report.hidden):
        column = _score_column(f, settings)
        if column is None:
            continue
        rank = _PRIORITY.index(column)
        for c in f.claims:
            key = (c.sentence, c.start, c.end)
            best[c.article][key] = min(rank, best[c.article].get(key, rank))
    out = {}
    for a in report.articles:
        ranks = best[a.id].values()
        tally = Counter({col: sum(1 for r in ranks if r == k) for k, col in enumerate(_PRIORITY)})
        tally["claims"] = len(ranks)
        out[a.id] = tally
    return out


def outlet_scorecard(report: Report, settings: Settings = DEFAULT) -> dict[str, Counter[str]]:
    """The same per outlet (``source``), when sources are known."""
    per_article = scorecard(report, settings)
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for a in report.articles:
        if a.source:
            out[a.source]["articles"] += 1
            out[a.source].update(per_article[a.id])
    return dict(sorted(out.items()))


def share(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)}%)" if whole else str(part)


# --- small shared helpers ------------------------------------------------------------------


def counts(findings: Sequence[Finding]) -> dict[str, int]:
    tally = Counter(f.verdict for f in findings)
    return {v: tally.get(v, 0) for v in VERDICTS}


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def claim_value(c: Claim) -> str:
    """How a claim reads in a table cell: the quote, which carries figure and qualifier."""
    return shorten(c.quote)


def per_article(
    f: Finding, article: str, limit: int | None = MAX_QUOTE, most: int | None = 2
) -> str:
    """The cell of one report in a finding's row: its quotes, or blank."""
    quotes = []
    for c in f.claims:
        value = shorten(c.quote, limit) if limit else " ".join(c.quote.split())
        if c.article == article and value not in quotes:
            quotes.append(value)
    if most is not None and len(quotes) > most:
        quotes = quotes[:most] + [f"+{len(quotes) - most} more"]
    return "; ".join(quotes)


LABELS = {"explained": "explained difference", "unique": "unique detail"}


def plural(n: int, word: str) -> str:
    if n == 1 or word == "disputed":
        return f"{n} {word}"
    return f"{n} {word}s"


def summary_line(report: Report) -> str:
    c = counts(report.findings)
    multi = sum(1 for e in report.events if len(e.articles) > 1)
    parts = [plural(c[v], LABELS.get(v, v)) for v in VERDICTS if c[v] or v != Verdict.UNIQUE]
    return (
        f"{plural(len(report.articles), 'article')}, {plural(len(report.events), 'event')} "
        f"({multi} reported by more than one article): " + ", ".join(parts)
    )


def reference_summary(report: Report) -> list[str]:
    """One line per report checked against the reference: counts and finding ids."""
    from checker.reference import CATEGORIES, against_reference

    out = []
    for article, cats in against_reference(report).items():
        parts = []
        for cat in CATEGORIES:
            ids = ", ".join(t.finding.id for t in cats[cat])
            parts.append(f"{cat} {len(cats[cat])}" + (f" ({ids})" if ids else ""))
        out.append(f"{article}: " + "; ".join(parts))
    return out
