"""The ``checker`` command: parse options, load, run, render, exit status. Nothing else.

The library raises ``InputError``; only this module prints, and it prints every problem as one
line, ``Error: <path>: <problem> (<how to fix>)``.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

import click

from checker.desk import (
    DATA_FORMATS,
    FORMATS,
    progress_bar,
    render,
    report_format,
    report_options,
    triage,
)
from checker.errors import InputError
from checker.gate import FAIL_ON, failing, reason
from checker.options import engine_options as _engine_options
from checker.options import file_name as _file_name
from checker.options import input_options as _input_options
from checker.options import load_settings as _load_settings


class ExitStatus(enum.IntEnum):
    OK = 0  # audited
    FINDINGS = 1  # findings at or above --fail-on
    INPUT_ERROR = 2  # usage or input error
    INTERRUPTED = 130  # Ctrl-C


def exit_status(verdicts: Sequence[str], fail_on: str, input_errors: int) -> ExitStatus:
    """Input errors win over findings: a partial audit must not look like a clean one."""
    if input_errors:
        return ExitStatus.INPUT_ERROR
    if set(FAIL_ON[fail_on]) & set(verdicts):
        return ExitStatus.FINDINGS
    return ExitStatus.OK


def _error(error: InputError) -> None:
    from checker.render.escape import terminal

    click.echo("Error: " + terminal(error.message()).replace("\n", " "), err=True)


def _interrupted() -> None:
    click.echo("Interrupted.", err=True)
    sys.exit(ExitStatus.INTERRUPTED)


def _translating_errors(command):
    """Library errors become one line and exit 2, Ctrl-C exits 130, also under CliRunner
    (which calls ``cli``; click itself would turn Ctrl-C into "Aborted!" and exit 1)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except InputError as error:
            _error(error)
            sys.exit(ExitStatus.INPUT_ERROR)
        except KeyboardInterrupt:
            _interrupted()

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="checker")
@click.pass_context
@_translating_errors
def cli(ctx: click.Context) -> None:
    """Cross-report consistency checker for news: which reports describe the same event, where
    they agree, where they contradict each other, and what one report adds on its own.

    Defaults for any long option can be set in checker.toml or [tool.checker] in
    pyproject.toml (see `checker config`)."""
    from checker.config import default_map, find_config

    ctx.default_map = default_map(find_config(), cli)


def _audit(paths, encoding, events_file, threshold, engine=("local", 1, None)):
    """Load and run; returns (report, number of input errors). Errors are printed here."""
    from checker.config import configured_settings
    from checker.group import load_event_overrides
    from checker.load import load_paths
    from checker.pipeline import run

    settings = _load_settings(replace(configured_settings(), encoding=encoding))
    if threshold is not None:
        settings = replace(settings, group_threshold=threshold)
    overrides = load_event_overrides(events_file) if events_file else ()
    stdin = getattr(sys.stdin, "buffer", sys.stdin)  # None when standard input is closed
    loaded = load_paths(list(paths), settings, stdin=stdin)
    for err in loaded.errors:
        _error(err)
    for note in loaded.notes:
        click.echo("Note: " + terminal_line(note, limit=None), err=True)
    if not loaded.articles:
        if not loaded.errors:
            _error(
                InputError(
                    " ".join(paths),
                    "no articles found",
                    "give .txt, .md, .csv or .jsonl files or a directory of them",
                )
            )
        return None, max(1, len(loaded.errors))
    known = {a.id for a in loaded.articles}
    unknown = sorted({a for group in overrides for a in group} - known)
    if unknown:
        shown = ", ".join(repr(a) for a in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        note = f"{events_file}: {len(unknown)} article id(s) not in the input, ignored: {shown}"
        click.echo("Note: " + terminal_line(note, limit=None), err=True)
    from checker.engine import open_engine

    progress = progress_bar(len(loaded.articles), settings)
    with open_engine(*engine, settings=settings) as workers:
        report = run(loaded.articles, settings, overrides, workers, progress=progress)
    return report, len(loaded.errors)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="What to print on standard output.",
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="FILE",
    callback=_file_name,
    help="Write the chosen format to FILE (atomically) instead of standard output.",
)
@click.option(
    "--report",
    "report_file",
    default=None,
    metavar="FILE.md|FILE.html",
    callback=_file_name,
    help="Also write the editor's report to FILE (atomically): HTML for .html, else markdown.",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="never",
    show_default=True,
    help="Exit 1 when a finding of this verdict (or worse: contradiction > disputed > "
    "embellishment) is shown; the reason goes to standard error.",
)
@report_options
@_input_options
@_engine_options
@_translating_errors
def audit(
    paths, fmt, output, report_file, fail_on, encoding, events_file, threshold, engine, **shown
):
    """Audit the articles in PATHS (files, directories, .csv/.jsonl, or - for stdin)."""
    from checker.fileio import write_atomic, write_stdout

    width = shown.pop("width")
    report, errors = _audit(paths, encoding, events_file, threshold, engine)
    if report is None:
        sys.exit(ExitStatus.INPUT_ERROR)
    data = triage(report, **{**shown, "show_all": True}) if fmt in DATA_FORMATS else None
    report = triage(report, **shown)  # what readers see, and what the gate counts
    text = render(data or report, fmt, width)
    if output:
        write_atomic(output, text)
    else:
        write_stdout(text)
    if report_file:
        write_atomic(report_file, render(report, report_format(report_file)))
        click.echo(f"Report written to {terminal_line(report_file, limit=None)}", err=True)
    status = exit_status([f.verdict for f in report.findings], fail_on, errors)
    if status is ExitStatus.FINDINGS:
        click.echo(f"Failed (--fail-on {fail_on}): {reason(failing(report.findings, fail_on))}",
                   err=True)  # fmt: skip
    sys.exit(status)


@cli.command(name="eval")
@click.option(
    "--gold", "gold_file", required=True, metavar="GOLD.toml", help="Answer key in the gold format."
)
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@_input_options
@_engine_options
@_translating_errors
def evaluate(gold_file, paths, as_json, encoding, events_file, threshold, engine):
    """Audit PATHS and score the audit against GOLD.toml."""
    import json
    from collections import Counter

    from checker.evaluate import format_score, read_gold, score
    from checker.render.json import report_dict

    gold = read_gold(gold_file)
    report, errors = _audit(paths, encoding, events_file, threshold, engine)
    if report is None:
        sys.exit(ExitStatus.INPUT_ERROR)
    audit_dict = report_dict(report)
    result = score(gold, audit_dict)
    counts = dict(Counter(f["verdict"] for f in audit_dict["findings"]))
    if as_json:
        summary = {
            "tally": {f"{v}/{t}": [h, n] for (v, t), (h, n) in result.tally().items()},
            "forbidden": [list(b) for b in result.forbidden],
            "event_precision": result.event_precision,
            "event_recall": result.event_recall,
            "missing_articles": list(result.missing_articles),
            "finding_counts": counts,
        }
        click.echo(json.dumps(summary, sort_keys=True))
    else:
        click.echo(format_score(result, counts), nl=False)
    sys.exit(ExitStatus.INPUT_ERROR if errors else ExitStatus.OK)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: turns library errors, usage errors and Ctrl-C into one line and an exit code.

    click runs in non-standalone mode so that Ctrl-C anywhere (even while options are parsed)
    exits 130 instead of click's "Aborted!" and 1, which would read as "findings".
    """
    try:
        code = cli.main(args=argv, prog_name="checker", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _interrupted()
    except click.ClickException as error:  # usage errors: click's own message, then exit 2
        error.show()
        sys.exit(ExitStatus.INPUT_ERROR)
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(ExitStatus.OK)  # `checker audit ... | head`: the reader left, nothing to report
    except InputError as error:  # raised outside a command (none today): same one line
        _error(error)
        sys.exit(ExitStatus.INPUT_ERROR)
    except Exception as error:  # a bug: one line, never a traceback (CHECKER_TRACEBACK=1 shows it)
        if os.environ.get("CHECKER_TRACEBACK"):
            raise
        name = type(error).__name__
        click.echo(
            f"Error: internal error ({name}: {terminal_line(str(error))}) (please report "
            "it with the input; set CHECKER_TRACEBACK=1 to see the traceback)",
            err=True,
        )
        sys.exit(ExitStatus.INPUT_ERROR)
    sys.exit(code if isinstance(code, int) else ExitStatus.OK)


def terminal_line(text: str, limit: int | None = 200) -> str:
    """One line of untrusted text (a path, a message), safe for a terminal; cut at ``limit``."""
    from checker.render.escape import terminal

    line = " ".join(terminal(text).split())
    return line if limit is None or len(line) <= limit else line[: limit - 1] + "…"


def _quiet_broken_pipe() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


from checker.commands import register  # noqa: E402  (the commands need ``cli`` above)

register(cli, _audit, _input_options, _translating_errors, ExitStatus)

if __name__ == "__main__":
    main()
