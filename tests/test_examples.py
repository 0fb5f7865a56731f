"""The example reports checked in under reports/ are what the checker makes of the seeds today.

Regenerate deliberately: CHECKER_REGENERATE=1 .venv/bin/python -m pytest tests/test_examples.py,
then look at the diff (and at docs/report.png if the HTML changed).
"""

from __future__ import annotations

import os

import pytest

from checker.api import audit
from checker.render.html import render_html
from checker.render.markdown import render_markdown
from tests.helpers import ROOT, SEEDS


@pytest.fixture(scope="module")
def shown():
    """As `checker audit seeds/ --report ...` shows it: low-value kinds hidden."""
    return audit(str(SEEDS), show_all=False)


@pytest.mark.parametrize(("name", "render"), [("seeds.md", render_markdown),
                                              ("seeds.html", render_html)])  # fmt: skip
def test_example_report_is_current(shown, name, render):
    path = ROOT / "reports" / name
    text = render(shown)
    if os.environ.get("CHECKER_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"reports/{name} is stale: run CHECKER_REGENERATE=1 pytest tests/test_examples.py"
    )
