"""checker: cross-report consistency checking for news.

Give it several reports; it groups those about the same event, pairs their claims and
reports agreements, contradictions and embellishments. The library API (the CLI is a thin
layer over it)::

    >>> import checker
    >>> report = checker.audit(
    ...     [
    ...         {"id": 1, "text": "Air defences shot down 40 drones over Kaluga overnight."},
    ...         {"id": 2, "text": "Air defences shot down 12 drones over Kaluga overnight."},
    ...     ],
    ...     events=[[1, 2]],  # optional: the editor's grouping
    ... )
    >>> [(f.verdict, f.kind, f.explanation) for f in report.findings]
    [('contradiction', 'numeric', 'reports disagree: 12 in 1 report (2) vs 40 in 1 report (1)')]
    >>> report.to_dataframe()[["id", "verdict", "articles"]].to_dict("records")
    [{'id': 'F1', 'verdict': 'contradiction', 'articles': ('1', '2')}]
    >>> import json; json.loads(report.to_json())["schema"]
    'checker.audit/1'

``checker.audit`` also takes paths (``checker.audit("seeds/")``) and pandas DataFrames.
The stages are public too: ``load_paths(paths) -> Loaded``, ``run(articles, settings) ->
Report``.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Imported on first use, so that `checker --help` does not pay for pandas, scipy or nupunkt.
_EXPORTS = {
    "audit": "checker.api",
    "articles_from": "checker.api",
    "load_paths": "checker.load",
    "run": "checker.pipeline",
    "Settings": "checker.settings",
    "Article": "checker.model",
    "Finding": "checker.model",
    "Report": "checker.model",
    "Verdict": "checker.model",
    "InputError": "checker.errors",
    "fingerprint": "checker.triage",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        import importlib

        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'checker' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
