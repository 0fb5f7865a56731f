"""Editor overrides of the grouping: an events file in the gold format."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence

from checker.errors import InputError
from checker.model import Event


def load_event_overrides(path) -> tuple[tuple[str, ...], ...]:
    """Article sets that are one event each, from a TOML file in the gold format.

    ``[[event]]`` tables with ``articles = ["id", ...]`` (``id`` optional). A missing,
    unreadable or malformed file, or an article named in two events, raises InputError.
    """
    hint = 'write [[event]] tables, each with articles = ["id", ...]'
    name = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(name, "no such events file", "check the path") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not an events file", hint) from None
    except OSError as exc:
        raise InputError(name, f"cannot read the events file ({exc.strerror})", hint) from None
    except UnicodeDecodeError:
        raise InputError(name, "the events file is not UTF-8 text", hint) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(name, f"not valid TOML: {exc}", hint) from None
    tables = data.get("event", [])
    if not isinstance(tables, list):
        raise InputError(name, "'event' must be an array of tables ([[event]])", hint)
    seen: dict[str, int] = {}
    out = []
    for k, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            raise InputError(name, f"event {k} is not a table", hint)
        arts = table.get("articles")
        if not isinstance(arts, list) or not arts or not all(isinstance(a, str) for a in arts):
            raise InputError(name, f"event {k} needs a non-empty list of article ids", hint)
        for a in arts:
            if seen.get(a, k) != k:
                raise InputError(
                    name,
                    f"article {a!r} is in event {seen[a]} and in event {k}",
                    "name each article in one event only",
                )
            seen[a] = k
        out.append(tuple(dict.fromkeys(arts)))
    return tuple(out)


def apply_overrides(
    events: Sequence[Event], overrides: Sequence[Sequence[str]]
) -> tuple[Event, ...]:
    """The articles named together in an override form exactly one event; the others keep
    the automatic grouping. Ids not among the events' articles are ignored; an article named
    in two overrides goes with the first. Events are renumbered as group_events numbers them."""
    known = {a for e in events for a in e.articles}
    taken: set[str] = set()
    fixed = []
    for group in overrides:
        arts = tuple(sorted({a for a in group if a in known and a not in taken}))
        if arts:
            fixed.append(arts)
            taken.update(arts)
    label_of = {a: e.label for e in events for a in e.articles}
    kept: list[tuple[tuple[str, ...], str, str]] = []
    for e in events:
        rest = tuple(sorted(a for a in e.articles if a not in taken))
        if not rest:
            continue
        why = (
            e.why if len(rest) == len(e.articles) else f"{e.why} (others moved by the events file)"
        )
        kept.append((rest, e.label, why))
    for arts in fixed:
        kept.append((arts, label_of.get(arts[0], ""), "set by the events file"))
    kept.sort(key=lambda t: (-len(t[0]), t[0][0]))
    return tuple(
        Event(id=f"E{k}", articles=arts, label=label, why=why)
        for k, (arts, label, why) in enumerate(kept, start=1)
    )
