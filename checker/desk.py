"""The audit command's report options (filters, gate, baseline, reference, width) and what
they do to a report after the run. Kept apart from cli.py so that cli.py stays thin."""

from __future__ import annotations

from dataclasses import replace

import click

from checker.model import Report

FORMATS = ("table", "markdown", "html", "json", "csv")
DATA_FORMATS = ("json", "csv")  # complete by default: low-value kinds are hidden from readers


def report_options(f):
    """Options that change what the report shows, never what the audit finds."""
    options = [
        click.option("--only", default=None, metavar="VERDICTS",
                     help="Show only these verdicts (or kinds), comma-separated, e.g. "
                     "contradiction,embellishment."),
        click.option("--min-severity", type=click.IntRange(0, 10), default=0, show_default=True,
                     help="Hide findings below this severity (embellishments: 1 framing ... 5 "
                     "unsourced or speculation; contradictions rank higher)."),
        click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
                     show_default=True, help="Hide findings the rules are less sure of."),
        click.option("--show-all", is_flag=True, default=False,
                     help="Also show the low-value kinds hidden by default in the table, "
                     "markdown and HTML (JSON and CSV always carry them)."),
        click.option("--baseline", "baseline_file", default=None, metavar="ACCEPTED.json",
                     help="Silence the accepted findings listed in this file "
                     "(written by `checker baseline`)."),
        click.option("--reference", default=None, metavar="FILE_OR_ID",
                     help="The report you trust (wire copy, statement): check every other "
                     "report of its event against it."),
        click.option("--width", type=click.IntRange(40, 1000), default=None,
                     help="Terminal table width (default: the terminal's)."),
    ]  # fmt: skip
    for option in reversed(options):
        f = option(f)
    return f


def triage(report: Report, only, min_severity, min_confidence, show_all, baseline_file,
           reference) -> Report:  # fmt: skip
    """The report as the options want it shown (InputError for a bad baseline/reference)."""
    from checker.config import configured_settings
    from checker.errors import InputError
    from checker.reference import resolve
    from checker.triage import Filter, apply_filter, parse_only, read_baseline

    if reference:
        report = replace(report, reference=resolve(report, reference))
    try:
        verdicts = parse_only(only)
    except ValueError as error:
        raise InputError("--only", str(error), "name verdicts separated by commas") from None
    accepted = read_baseline(baseline_file) if baseline_file else frozenset()
    flt = Filter(verdicts, min_severity, min_confidence, show_all, accepted, baseline_file or "")
    return apply_filter(report, flt, configured_settings())


def progress_bar(articles: int, settings=None):
    """A ``progress`` callback for ``run`` that draws a tqdm bar on standard error, or None:
    only when standard error is a terminal and there are enough articles to wait for."""
    import sys

    from checker.settings import DEFAULT

    limit = (settings or DEFAULT).progress_min_articles
    if articles <= limit or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def tick(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit=" item", file=sys.stderr,
                                     leave=False)  # fmt: skip
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return tick


def report_format(path: str) -> str:
    return "html" if path.lower().endswith((".html", ".htm")) else "markdown"


def render(report: Report, fmt: str, width: int | None = None) -> str:
    if fmt == "markdown":
        from checker.render.markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from checker.render.html import render_html

        return render_html(report)
    if fmt == "json":
        from checker.render.json import render_json

        return render_json(report)
    if fmt == "csv":
        from checker.render.csv import render_csv

        return render_csv(report)
    from checker.render.table import render_table

    return render_table(report, width=width)
