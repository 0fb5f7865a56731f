"""The library API: ``checker.audit(source, **options) -> Report``.

``source`` is a path or a list of paths (what the CLI reads), a pandas DataFrame with
``id`` and ``text`` columns (``title``, ``date``, ``source``, ``url`` optional), or any
iterable of dicts or :class:`~checker.model.Article`. Ids and dates may be of any ordinary
type: ints, floats, strings; ``datetime``/``date``/pandas ``Timestamp``, ISO strings, and
``None``/NaN/``NaT`` for unknown dates. Bad input raises :class:`~checker.errors.InputError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from checker.coerce import ident, iso_date, optional, ordinary
from checker.errors import InputError
from checker.model import Article, Report
from checker.settings import DEFAULT, Settings

_HINT = "give each article an 'id' and a 'text' (title, date, source, url optional)"


def audit(
    source: Any,
    *,
    settings: Settings = DEFAULT,
    threshold: float | None = None,
    events: Sequence[Sequence[Any]] | str | os.PathLike | None = None,
    reference: Any = None,
    only: str | Sequence[str] | None = None,
    min_severity: int = 0,
    min_confidence: float = 0.0,
    show_all: bool = True,
    baseline: str | os.PathLike | None = None,
    encoding: str | None = None,
) -> Report:
    """Audit articles and return the Report (no printing, no files written).

    Unlike the CLI, every finding is kept by default (``show_all=True``); ``only``,
    ``min_severity``, ``min_confidence`` and ``baseline`` filter as the CLI options do, and
    ``reference`` (an article id or path) turns on reference mode.
    """
    from checker.pipeline import run
    from checker.reference import resolve
    from checker.triage import Filter, apply_filter, parse_only, read_baseline

    if threshold is not None:
        settings = replace(settings, group_threshold=threshold)
    if encoding is not None:
        settings = replace(settings, encoding=encoding)
    articles = articles_from(source, settings)
    report = run(articles, settings, _overrides(events))
    if reference is not None:
        report = replace(report, reference=resolve(report, ident(reference)))
    verdicts = parse_only(only if isinstance(only, str) or only is None else ",".join(only))
    accepted = read_baseline(os.fspath(baseline)) if baseline else frozenset()
    name = os.fspath(baseline) if baseline else ""
    flt = Filter(verdicts, min_severity, min_confidence, show_all, accepted, name)
    return apply_filter(report, flt, settings)


def articles_from(source: Any, settings: Settings = DEFAULT) -> tuple[Article, ...]:
    """Articles from paths, a DataFrame, or an iterable of dicts/Articles."""
    from checker.load import load_paths

    if isinstance(source, str | os.PathLike):
        source = [source]
    if _is_frame(source):
        source = source.to_dict("records")
    items = list(source)
    if items and all(isinstance(x, str | os.PathLike) for x in items):
        loaded = load_paths([os.fspath(x) for x in items], settings)
        if loaded.errors:
            raise loaded.errors[0]
        return loaded.articles
    return tuple(_article(x, k) for k, x in enumerate(items, start=1))


def _is_frame(value: object) -> bool:
    return hasattr(value, "to_dict") and hasattr(value, "columns")


def _article(item: object, number: int) -> Article:
    from checker.load import normalise, title_of

    where = f"item {number}"
    if isinstance(item, Article):
        return ordinary(item)
    if not isinstance(item, Mapping):
        raise InputError(where, f"is a {type(item).__name__}, not a dict or Article", _HINT)
    key = ident(item.get("id"))
    if not key:
        raise InputError(where, "has no 'id'", _HINT)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, f"article {key!r} has no 'text'", _HINT)
    text = normalise(text)
    return Article(
        id=key,
        text=text,
        title=optional(item.get("title")) or title_of(text),
        date=iso_date(item.get("date")),
        source=optional(item.get("source")),
        url=optional(item.get("url")),
        path=optional(item.get("path")) or "",
    )


def _overrides(events: object) -> tuple[tuple[str, ...], ...]:
    if events is None:
        return ()
    if isinstance(events, str | os.PathLike):
        from checker.group import load_event_overrides

        return load_event_overrides(events)
    if not isinstance(events, Iterable):
        raise InputError("events", "is not a list of article id lists", "e.g. [[1, 2], [3, 4]]")
    return tuple(tuple(ident(a) for a in group) for group in events)
