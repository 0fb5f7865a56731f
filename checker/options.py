"""The options that several commands share: input options (format, columns, dedupe, dates,
encoding, events, threshold), engine options (--jobs, --engine, --scheduler) and value checks.

Input options are kept in ``ctx.meta["load"]`` rather than as parameters, so adding one does
not change every command's signature; ``load_settings`` turns them into settings.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import click


def finite(ctx, param, value):
    """click's FloatRange lets NaN through (every comparison with NaN is false)."""
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number in the range")
    return value


def file_name(ctx, param, value):
    """An empty file name would write nothing and say nothing: a usage error, up front."""
    if value is not None and not value.strip():
        raise click.BadParameter("empty file name")
    return value


def _load_option(field: str):
    """Store an input option in ctx.meta["load"] (field -> value) rather than as a
    parameter, so adding one does not change every command's signature."""

    def store(ctx, param, value):
        if value is not None and not str(value).strip():
            raise click.BadParameter("empty name")
        if value is not None:
            ctx.meta.setdefault("load", {})[field] = value
        return value

    return store


def _column_option(field: str):
    return click.option(
        f"--{field}-column",
        metavar="NAME",
        expose_value=False,
        callback=_load_option(f"column:{field}"),
        help=f"CSV column (or JSONL key) that holds the article's {field}.",
    )


def input_options(f):
    from checker.settings import DATE_ORDERS, DEDUPE, INPUT_FORMATS, ROW_FIELDS

    for field in reversed(ROW_FIELDS):
        f = _column_option(field)(f)
    f = click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        expose_value=False,
        callback=_load_option("input_format"),
        help="Read every input as this format, whatever its extension (stdin: default text, "
        "or jsonl when it starts with '{').",
    )(f)
    f = click.option(
        "--dedupe",
        type=click.Choice(DEDUPE),
        expose_value=False,
        callback=_load_option("dedupe"),
        help="Repeated article ids: error (default), keep the first, or suffix the later "
        "ones (id-2, id-3).",
    )(f)
    f = click.option(
        "--date-order",
        type=click.Choice(DATE_ORDERS),
        expose_value=False,
        callback=_load_option("date_order"),
        help="How to read dates like 4/5/2017: mdy (April 5) or dmy (4 May). Without it such "
        "dates are not guessed (a note counts them).",
    )(f)
    f = click.option(
        "--encoding",
        default=None,
        metavar="CODEC",
        help="Text encoding of the input files (default: UTF-8, BOM allowed), "
        "e.g. cp1252 or latin-1.",
    )(f)
    f = click.option(
        "--events",
        "events_file",
        default=None,
        metavar="FILE.toml",
        help="Editor's grouping, in the gold [[event]] format: the articles named "
        "together are one event, whatever the automatic grouping says.",
    )(f)
    f = click.option(
        "--threshold",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        callback=finite,
        help="Similarity needed to put two reports in one event (default in checker/settings.py).",
    )(f)
    return f


def engine_options(f):
    """--jobs, --engine, --scheduler, handed to the command as one ``engine`` tuple."""

    @functools.wraps(f)
    def wrapper(*args, jobs, engine_name, scheduler, **kwargs):
        if scheduler and engine_name != "dask":
            raise click.BadOptionUsage("scheduler", "--scheduler needs --engine dask")
        return f(*args, engine=(engine_name, jobs, scheduler), **kwargs)

    wrapper = click.option(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler to run on (e.g. tcp://host:8786; default: a local cluster).",
    )(wrapper)
    wrapper = click.option(
        "--engine",
        "engine_name",
        type=click.Choice(("local", "dask")),
        default="local",
        show_default=True,
        help="Where splitting, extraction and judging run: local processes, or a Dask "
        "cluster (needs checker[dask]).",
    )(wrapper)
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Worker processes (default: all cores; 1: in this process, no pool).",
    )(wrapper)


def load_settings(settings):
    """The input options stored by ``_input_options`` (see ``_load_option``)."""
    given = click.get_current_context().meta.get("load", {})
    columns = tuple((k.split(":", 1)[1], v) for k, v in sorted(given.items()) if ":" in k)
    plain = {k: v for k, v in given.items() if ":" not in k}
    return replace(settings, columns=columns, **plain)
