"""The HTML report in a real headless browser (Debian's chromium): highlights, and article
text that tries to run script runs nothing. Skipped, with the reason, only where chromium is
not installed (.ci/run installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.helpers import SEEDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install -y chromium; .ci/run does it)",
)
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def browse(tmp_path: Path, page: Path, *args: str) -> str:
    """The DOM after the page's script ran (a hang guard, not a timing: 120 s)."""
    profile = tmp_path / "profile"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + "#finding-F1"],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


def report(tmp_path: Path, *paths: str) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["audit", *paths, "--report", str(out), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    return out


def test_clicked_finding_highlights_all_its_quotes(tmp_path):
    dom = browse(tmp_path, report(tmp_path, str(SEEDS)), "--dump-dom")
    assert '<button class="finding v-disputed" data-finding="F1" aria-pressed="true">' in dom
    lit = re.findall(r'<mark class="v-(\w+) hl" data-findings="([^"]*)"[^>]*>([^<]*)</mark>', dom)
    assert [(v, text) for v, _, text in lit] == [
        ("disputed", "part of the same wave"),
        ("disputed", "a separate incident"),
    ]
    assert all("F1" in ids.split() for _, ids, _ in lit)
    # every report side by side, claims marked by verdict
    assert dom.count("<article ") == 3
    assert re.search(r'<mark class="v-agreement" data-findings="[^"]*\bF28\b', dom)
    assert 'class="v-embellishment"' in dom


HOSTILE = (
    "Drones over Kaluga <script>document.title='pwned'</script>\n\n"
    "Air defences shot down 40 drones over Kaluga overnight, the governor said. "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> Eyewitnesses said "
    "<script>document.body.appendChild(document.createElement('iframe'))</script> it burned.\n"
)


def test_article_text_cannot_run_script(tmp_path):
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE.replace("40", "41"), encoding="utf-8")
    (tmp_path / "e.toml").write_text('[[event]]\nid = "x"\narticles = ["a", "b"]\n')
    page = report(tmp_path, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                  "--events", str(tmp_path / "e.toml"))  # fmt: skip
    dom = browse(tmp_path, page, "--dump-dom")
    assert "<title>Consistency audit</title>" in dom  # the payload did not retitle the page
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<img" not in dom and "<iframe" not in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom  # shown, as text
    assert dom.count("<script>") == 1  # only the report's own
    assert 'class="v-contradiction hl"' in dom  # and the report's own script did run
