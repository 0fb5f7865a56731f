"""The desk's extra commands: ``baseline``, ``explain`` and ``config``.

``register`` adds them to the ``checker`` group; cli.py passes in its loading function and
decorators so that loading and error handling stay in one place.
"""

from __future__ import annotations

import sys

import click

from checker.errors import InputError


def register(cli: click.Group, audit_paths, input_options, translating_errors, ExitStatus) -> None:  # noqa: N803
    @cli.command()
    @click.argument("paths", nargs=-1, required=True)
    @click.option(
        "-o",
        "--output",
        default=None,
        metavar="ACCEPTED.json",
        help="Write the baseline here (atomically) instead of standard output.",
    )
    @input_options
    @translating_errors
    def baseline(paths, output, encoding, events_file, threshold):  # fmt: skip
        """Accept every finding the audit of PATHS makes today: write their fingerprints, for
        `checker audit ... --baseline ACCEPTED.json` to silence."""
        from checker.fileio import write_atomic
        from checker.triage import render_baseline

        report, errors = audit_paths(paths, encoding, events_file, threshold)
        if report is None:
            sys.exit(ExitStatus.INPUT_ERROR)
        text = render_baseline(report.findings)
        if output:
            write_atomic(output, text)
            click.echo(f"{len(report.findings)} finding(s) accepted in {output}", err=True)
        else:
            click.echo(text, nl=False)
        sys.exit(ExitStatus.INPUT_ERROR if errors else ExitStatus.OK)

    @cli.command()
    @click.argument("finding")
    @click.argument("paths", nargs=-1, required=True)
    @input_options
    @translating_errors
    def explain(finding, paths, encoding, events_file, threshold):
        """Why FINDING (an id such as F3, or a fingerprint) was made in the audit of PATHS."""
        from checker.render.explain import render_explain
        from checker.triage import find_finding

        report, errors = audit_paths(paths, encoding, events_file, threshold)
        if report is None:
            sys.exit(ExitStatus.INPUT_ERROR)
        found = find_finding(report, finding)
        if found is None:
            raise InputError(
                finding, "no such finding in this audit",
                "give an id from the report (F3) or a fingerprint (6+ characters)",
            )  # fmt: skip
        click.echo(render_explain(report, found), nl=False)
        sys.exit(ExitStatus.INPUT_ERROR if errors else ExitStatus.OK)

    @cli.command(name="config")
    @translating_errors
    def show_config():
        """Show the option defaults in force for `checker audit` and where each comes from."""
        from checker.config import configured_settings, describe, find_config
        from checker.render.escape import terminal

        config = find_config()
        where = config.path or "none (checker.toml or [tool.checker] in pyproject.toml)"
        click.echo(terminal(f"configuration file: {where}"))
        for key, value, source in describe(config, cli.commands["audit"]):
            click.echo(terminal(f"{key} = {value!r}  ({source})"))
        settings = configured_settings(config)
        for key in sorted(config.values.get("settings", {})):
            name = key.replace("-", "_")
            click.echo(terminal(f"settings.{name} = {getattr(settings, name)!r}  ({where})"))
