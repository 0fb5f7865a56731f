"""Counter-evidence that two reports of an event tell of two different happenings.

Grouping can put together two shootings in one neighbourhood a month apart, or two incidents
of one night in one city. A figure of one and a figure of the other then look like a
contradiction. Before two reports' figures are set against each other, their ledes must not
date their main happenings to different days: each lede's first weekday ("Friday night") or
relative day ("yesterday"), resolved against the report's own date (the latest such day on or
before it, the reading grouping uses: ``checker.text.days.happening_day``).
"""

from __future__ import annotations

import datetime as dt

from checker.claims.base import EventContext
from checker.text.dates import is_year, read_dates
from checker.text.days import calendar_day, happening_day
from checker.text.days import day_ordinal as parse_date
from checker.text.tokens import Tok, tokens_of


def happening_days(ev: EventContext) -> dict[str, int]:
    """The day each report's lede dates its main happening to (an ordinal), when it does."""
    n = ev.settings.happening_day_sentences
    days = {}
    for a in ev.ids:
        lede = [[t.text for t in toks] for toks in ev.ledes[a]]
        day = happening_day(lede, parse_date(ev.articles[a].date), n)
        if day >= 0:
            days[a] = day
    return days


def lede_days(ev: EventContext) -> dict[str, frozenset[int]]:
    """Every day a report's lede dates something to: its happening's weekday or relative day,
    and each calendar date it writes ('the March 23 shooting')."""
    happening = ev.once(happening_days)
    out = {}
    for a in ev.ids:
        published = parse_date(ev.articles[a].date)
        days = {happening[a]} if a in happening else set()
        for toks in ev.ledes[a]:
            days.update(_calendar_days(toks, published, ev))
        out[a] = frozenset(days)
    return out


def told_of_another_day(ev: EventContext, article: str, index: int) -> bool:
    """A sentence after the lede that opens with a date the lede never comes near ('Back on
    July 25, ...', 'On March 23, police responded ...'): an earlier incident told as background.
    Undecided (False) when the lede dates nothing."""
    if index < ev.settings.happening_day_sentences:
        return False
    lede = ev.once(lede_days).get(article)
    if not lede:
        return False
    toks = ev.tokens(ev.mine[article][index].text)[: ev.settings.opening_date_words + 4]
    published = parse_date(ev.articles[article].date)
    opening = [
        d
        for m in read_dates(toks, ev.lex.ambiguous_months)
        if m.kind == "date" and m.first <= ev.settings.opening_date_words
        for d in [calendar_day(m.month, m.day, m.year, published)]
        if d is not None
    ]
    tolerance = ev.settings.happening_day_tolerance
    return bool(opening) and all(abs(opening[0] - d) > tolerance for d in lede)


def told_of_an_earlier_year(ev: EventContext, article: str, index: int) -> bool:
    """A sentence that names a year before the report's own ('since it started in 2011',
    'under siege since 2012'): the conflict's or the place's history, told as background."""
    published = parse_date(ev.articles[article].date)
    if published is None:
        return False
    year = dt.date.fromordinal(published).year
    words = tokens_of(ev.mine[article][index].text)
    return any(is_year(w) and int(w) < year for w in words)


def _calendar_days(toks: list[Tok], published: int | None, ev: EventContext) -> set[int]:
    dates = read_dates(toks, ev.lex.ambiguous_months)
    days = (calendar_day(m.month, m.day, m.year, published) for m in dates if m.kind == "date")
    return {d for d in days if d is not None}


def published_days(ev: EventContext) -> dict[str, int]:
    """Each report's date as an ordinal, where it has one."""
    days = {a: parse_date(ev.articles[a].date) for a in ev.ids}
    return {a: d for a, d in days.items() if d is not None}


def published_apart(published: dict[str, int], a: str, b: str, most: int) -> bool:
    """Two reports published more than ``most`` days apart: a figure of the happening given
    by both is as likely of two happenings (two strikes on one town a month apart, grouped
    by their shared names) or a later count as a discrepancy."""
    return a in published and b in published and abs(published[a] - published[b]) > most


def other_happenings(days: dict[str, int], a: str, b: str, tolerance: int) -> bool:
    """Both reports date their happening, to days further apart than ``tolerance``."""
    return a in days and b in days and abs(days[a] - days[b]) > tolerance


def roundups(ev: EventContext) -> frozenset[str]:
    """Reports whose title or first sentences tell of several incidents ('a string of
    shootings', 'weekend shootings'): their figures are each incident's, or the night's."""
    out = set()
    for a in ev.ids:
        title = ev.articles[a].title
        lede = ([ev.tokens(title)] if title else []) + ev.ledes[a]
        if any(ev.lex.roundup.find_all(toks) for toks in lede):
            out.add(a)
    return frozenset(out)


def updates(ev: EventContext) -> dict[str, int]:
    """Reports whose title marks them as an update ('UPDATE: Six shot ...'), with their date."""
    out = {}
    for a in ev.ids:
        toks = ev.tokens(ev.articles[a].title or "")[:3]
        day = parse_date(ev.articles[a].date)
        if day is not None and any(k == "update" for *_, k in ev.lex.convention.find_all(toks)):
            out[a] = day
    return out


def later_update(ev: EventContext, updated: dict[str, int], articles) -> bool:
    """One of ``articles`` is an update dated after another of them: its figure is the later
    one (an update of the same day may still disagree with the first report)."""
    dates = [parse_date(ev.articles[a].date) for a in articles]
    known = [d for d in dates if d is not None]
    return any(updated[a] > min(known) for a in articles if a in updated) if known else False
