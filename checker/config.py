"""Configuration files: ``checker.toml`` or ``[tool.checker]`` in ``pyproject.toml``.

A ``settings`` table inside it (``[tool.checker.settings]``, or ``[settings]`` in
``checker.toml``) overrides the thresholds and limits of ``checker/settings.py`` by field name
(``statement_min_score = 85``).

The first directory from the current one upwards that has either file gives the
configuration (``checker.toml`` wins over ``pyproject.toml`` in one directory). Keys are the
long option names (``format = "json"``, ``fail-on = "contradiction"``, ``threshold = 0.05``)
and apply to every command that has that option; options on the command line win. click
reads them through its ``default_map``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import click

from checker.errors import InputError

_HINT = 'use long option names, e.g. format = "json" or fail-on = "contradiction"'


@dataclass(frozen=True, slots=True)
class Config:
    path: str | None = None  # where the values come from; None: no configuration file
    values: dict[str, object] = field(default_factory=dict)  # long option name -> value


_TABLES = ("settings", "lexicon")  # configuration tables that are not command-line options


def find_config(start: str | Path | None = None) -> Config:
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "checker.toml"
        if own.is_file():
            return Config(str(own), _table(own, _read(own)))
        project = folder / "pyproject.toml"
        if project.is_file():
            data = _read(project)
            tool = data.get("tool", {})
            if isinstance(tool, dict) and "checker" in tool:
                return Config(str(project), _table(project, tool["checker"]))
    return Config()


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise InputError(str(path), f"cannot read it: {error.strerror or error}", _HINT) from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), f"invalid TOML: {error}", "fix the file") from None


def _table(path: Path, table: object) -> dict[str, object]:
    if not isinstance(table, dict):
        raise InputError(str(path), "the checker settings are not a table", _HINT)
    return {key if key in _TABLES else key.replace("_", "-"): value
            for key, value in table.items()}  # fmt: skip


def configured_settings(config: Config | None = None):
    """``checker/settings.py``'s defaults with the configuration's ``settings`` table applied."""
    from dataclasses import fields, replace

    from checker.settings import DEFAULT

    config = config or find_config()
    table = config.values.get("settings", {})
    where = config.path or ""
    if not isinstance(table, dict):
        raise InputError(where, "settings is not a table", "write [tool.checker.settings]")
    known = {f.name: getattr(DEFAULT, f.name) for f in fields(DEFAULT)}
    changes = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(where, f"unknown setting {key!r}", "see checker/settings.py")
        default = known[name]
        if isinstance(default, tuple) and isinstance(value, list):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        ok = (
            isinstance(value, type(default))
            or (
                isinstance(default, float)
                and isinstance(value, int)
                and not isinstance(value, bool)
            )
            or default is None
        )
        if not ok or isinstance(value, bool) != isinstance(default, bool):
            kind = type(default).__name__
            raise InputError(where, f"setting {key} = {value!r} is not a {kind}", "fix the value")
        changes[name] = float(value) if isinstance(default, float) else value
    additions = _lexicon_additions(config)
    if additions:
        changes["lexicon_additions"] = additions
    return replace(DEFAULT, **changes)


def _lexicon_additions(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``[tool.checker.lexicon]``: words added to a packaged lexicon list, by its name
    (``markers.intensifier = ["ghastly"]`` or a ``[...lexicon.markers]`` table)."""
    from checker.lexicons import with_additions

    where = config.path or ""
    table = config.values.get("lexicon", {})
    if not isinstance(table, dict):
        raise InputError(where, "lexicon is not a table", "write [tool.checker.lexicon]")
    found = []
    for name, words in sorted(_flatten(table)):
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(where, f"lexicon {name} is not a list of words", "fix the value")
        found.append((name, tuple(words)))
    try:
        with_additions(tuple(found))
    except ValueError as error:
        raise InputError(where, str(error), "name a list in checker/lexicons/*.toml") from None
    return tuple(found)


def _flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, name + ".")
        else:
            yield name, value


def _options(command: click.Command) -> dict[str, click.Parameter]:
    """Long option name (without dashes) -> parameter of one command."""
    out = {}
    for param in command.params:
        if isinstance(param, click.Option):
            for opt in (*param.opts, *param.secondary_opts):
                if opt.startswith("--"):
                    out[opt[2:]] = param
    return out


def default_map(config: Config, group: click.Group) -> dict[str, dict[str, object]]:
    """click's default_map: command name -> {parameter name: value}; unknown keys refused."""
    out: dict[str, dict[str, object]] = {}
    used: set[str] = set()
    for name, command in group.commands.items():
        options = _options(command)
        for key, value in config.values.items():
            if key in options:
                param = options[key]
                if isinstance(value, list):
                    value = ",".join(str(v) for v in value)
                if param.is_flag and not param.secondary_opts and key != param.opts[0][2:]:
                    continue
                out.setdefault(name, {})[param.name] = _checked(config, key, param, value)
                used.add(key)
    unknown = sorted(set(config.values) - used - set(_TABLES))
    if unknown:
        raise InputError(config.path or "", f"unknown setting(s): {', '.join(unknown)}", _HINT)
    return out


def _checked(config: Config, key: str, param: click.Parameter, value: object) -> object:
    """The value as the option would take it; a bad one is an error naming the file."""
    try:
        param.type.convert(value, param, None)
    except click.BadParameter as error:
        raise InputError(
            config.path or "", f"{key} = {value!r}: {error.message}", "fix the value or remove it"
        ) from None
    return value


def describe(config: Config, command: click.Command) -> list[tuple[str, object, str]]:
    """(key, value in force, where from) for every option of ``command``."""
    rows = []
    seen = set()
    for key, param in _options(command).items():
        if param.name in seen or key in ("help",):
            continue
        seen.add(param.name)
        name = param.opts[0][2:] if param.opts[0].startswith("--") else key
        if name in config.values:
            rows.append((name, config.values[name], str(config.path)))
        elif key in config.values:
            rows.append((key, config.values[key], str(config.path)))
        else:
            rows.append((name, param.default, "default"))
    return rows
