"""The editor's desk through the command line: gate, fingerprints, baseline, filters, explain,
config and reference mode (CliRunner, exact messages and exit codes)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.helpers import SEEDS

K1 = (
    "Drones over Kaluga\n\nAir defences shot down 40 drones over Kaluga overnight, "
    "the governor said.\n"
)
K2 = (
    "Kaluga attack\n\nAir defences shot down 12 drones over Kaluga overnight, the governor said. "
    "Eyewitnesses said the sky was on fire.\n"
)
K3 = "Kaluga night\n\nAir defences shot down 40 drones over Kaluga overnight, the governor said.\n"
EVENTS = '[[event]]\nid = "x"\narticles = ["k1", "k2"]\n'
EVENTS3 = '[[event]]\nid = "x"\narticles = ["k1", "k2", "k3"]\n'


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def desk(tmp_path, monkeypatch):
    for name, text in (("k1", K1), ("k2", K2), ("k3", K3)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "events.toml").write_text(EVENTS, encoding="utf-8")
    (tmp_path / "events3.toml").write_text(EVENTS3, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # relative paths; and no configuration file above tmp_path
    return tmp_path


ARTS = ("k1.txt", "k2.txt", "--events", "events.toml")


def findings(result) -> list[dict]:
    return json.loads(result.stdout)["findings"]


# --- the gate ------------------------------------------------------------------------------


def test_fail_on_contradiction_says_why_in_one_line(desk):
    result = invoke("audit", *ARTS, "--fail-on", "contradiction")
    assert result.exit_code == 1
    assert result.stderr == "Failed (--fail-on contradiction): 1 contradiction: F1\n"


def test_fail_on_embellishment_names_every_finding_that_fails(desk):
    result = invoke("audit", *ARTS, "--fail-on", "embellishment", "-f", "json")
    assert result.exit_code == 1
    assert result.stderr == (
        "Failed (--fail-on embellishment): 1 contradiction: F1; 1 embellishment: F2\n"
    )


def test_fail_on_disputed_passes_without_disputes_or_contradictions(desk):
    result = invoke("audit", "k1.txt", "k3.txt", "--fail-on", "disputed", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


# --- fingerprints and the baseline -----------------------------------------------------------


def test_fingerprints_survive_reruns_other_articles_and_unrelated_edits(desk):
    def prints(*args):
        return {
            (f["verdict"], f["fingerprint"]) for f in findings(invoke("audit", "-f", "json", *args))
        }

    first = prints(*ARTS)
    assert first == prints(*ARTS)
    (desk / "k2.txt").write_text(
        "Kaluga attack\n\nIt was a cold night. " + K2.split("\n\n", 1)[1], encoding="utf-8"
    )  # a sentence added before: every sentence number moves
    (desk / "other.txt").write_text("Election in Peru\n\nVoters went to the polls.\n")
    moved = prints("other.txt", *ARTS)
    contradiction = {p for p in first if p[0] == "contradiction"}
    assert contradiction and contradiction <= moved


def test_baseline_round_trip_silences_exactly_the_accepted_findings(desk):
    written = invoke("baseline", *ARTS, "-o", "accepted.json")
    assert written.exit_code == 0
    assert written.stderr == "2 finding(s) accepted in accepted.json\n"
    accepted = json.loads((desk / "accepted.json").read_text())
    assert accepted["schema"] == "checker.baseline/1" and len(accepted["findings"]) == 2

    silenced = invoke("audit", *ARTS, "--baseline", "accepted.json", "--fail-on", "embellishment",
                      "-f", "json")  # fmt: skip
    assert silenced.exit_code == 0
    assert findings(silenced) == []
    assert (
        "2 accepted finding(s) silenced by the baseline accepted.json"
        in json.loads(silenced.stdout)["notes"]
    )

    # a new contradiction (k3 now says 50) is not in the baseline: it fails
    (desk / "k3.txt").write_text(K3.replace("40", "50"), encoding="utf-8")
    new = invoke("audit", "k3.txt", *ARTS[:2], "--events", "events3.toml", "--baseline",
                 "accepted.json", "--fail-on", "contradiction", "-f", "json")  # fmt: skip
    assert new.exit_code == 1
    assert {f["verdict"] for f in findings(new)} >= {"contradiction"}
    assert all(f["fingerprint"] not in {a["fingerprint"] for a in accepted["findings"]}
               for f in findings(new))  # fmt: skip


def test_a_broken_baseline_is_one_error_line(desk):
    (desk / "bad.json").write_text("{}")
    result = invoke("audit", *ARTS, "--baseline", "bad.json")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: bad.json: not a baseline (schema is not checker.baseline/1) "
        "(write one with: checker baseline PATH... -o accepted.json)\n"
    )


# --- filters -------------------------------------------------------------------------------


def test_only_and_min_severity(desk):
    only = findings(invoke("audit", *ARTS, "-f", "json", "--only", "contradictions"))
    assert [f["verdict"] for f in only] == ["contradiction"]
    severe = findings(invoke("audit", *ARTS, "-f", "json", "--min-severity", "6"))
    assert severe and all(f["severity"] >= 6 for f in severe)
    bad = invoke("audit", *ARTS, "--only", "rumour")
    assert bad.exit_code == 2 and "unknown verdict 'rumour'" in bad.stderr


def test_low_value_kinds_are_hidden_from_readers_and_counted():
    everything = findings(invoke("audit", str(SEEDS), "-f", "json"))  # data: complete
    low = [f for f in everything if f["kind"] in ("added quote", "added detail")
           or f["verdict"] == "unique"]  # fmt: skip
    assert low, everything
    for fmt in ("markdown", "table"):
        shown = invoke("audit", str(SEEDS), "-f", fmt).stdout
        assert f"{len(low)} low-value finding(s) hidden" in shown
        assert all(f"{f['id']} " not in shown for f in low)
        assert all(f"{f['id']} " in invoke("audit", str(SEEDS), "-f", fmt, "--show-all").stdout
                   for f in low)  # fmt: skip
    only = findings(invoke("audit", str(SEEDS), "-f", "json", "--only", "embellishment"))
    assert only == [f for f in everything if f["verdict"] == "embellishment"]


# --- explain -------------------------------------------------------------------------------


def test_explain_by_id_and_by_fingerprint(desk):
    by_id = invoke("explain", "F1", *ARTS)
    assert by_id.exit_code == 0
    assert by_id.stdout.startswith("F1  contradiction / numeric  (fingerprint ")
    assert (
        "rule: verdict 'contradiction', kind 'numeric' on slot 'kaluga|drone|downed'"
        in by_id.stdout
    )
    assert "k1:3 (sentence 2)  quantity  slot 'kaluga|drone|downed'  value 40" in by_id.stdout
    assert "scores: severity" in by_id.stdout
    fp = by_id.stdout.split("fingerprint ")[1][:12]
    assert invoke("explain", fp, *ARTS).stdout == by_id.stdout
    missing = invoke("explain", "F99", *ARTS)
    assert missing.exit_code == 2
    assert missing.stderr.startswith("Error: F99: no such finding in this audit")


# --- configuration -------------------------------------------------------------------------


def test_config_file_sets_defaults_and_the_command_line_wins(desk):
    (desk / "checker.toml").write_text('format = "json"\nfail-on = "contradiction"\n')
    result = invoke("audit", *ARTS)
    assert result.exit_code == 1 and json.loads(result.stdout)["schema"] == "checker.audit/1"
    assert invoke("audit", *ARTS, "-f", "csv", "--fail-on", "never").stdout.startswith("finding,")
    shown = invoke("config")
    assert f"configuration file: {desk / 'checker.toml'}" in shown.stdout
    assert f"format = 'json'  ({desk / 'checker.toml'})" in shown.stdout
    assert "threshold = None  (default)" in shown.stdout


def test_pyproject_tool_checker_found_from_a_subfolder(desk, monkeypatch):
    (desk / "pyproject.toml").write_text(
        '[tool.checker]\nonly = ["contradiction"]\nformat = "json"\n'
    )
    (desk / "sub").mkdir()
    monkeypatch.chdir(desk / "sub")
    result = invoke("audit", "../k1.txt", "../k2.txt", "--events", "../events.toml")
    assert [f["verdict"] for f in findings(result)] == ["contradiction"]


def test_unknown_config_key_is_one_error_line(desk):
    (desk / "checker.toml").write_text('colour = "red"\n')
    result = invoke("audit", *ARTS)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {desk / 'checker.toml'}: unknown setting(s): colour")


def test_config_lexicon_additions_reach_the_readers(desk):
    (desk / "k4.txt").write_text(
        "Night\n\nAir defences shot down 40 drones over Kaluga in a ghastly night.\n"
    )
    args = ("audit", "k4.txt", "-f", "json", "--only", "embellishment")
    assert findings(invoke(*args)) == []
    (desk / "checker.toml").write_text('[lexicon]\n"markers.intensifier" = ["ghastly"]\n')
    (found,) = findings(invoke(*args))
    assert found["kind"] == "intensifier" and found["claims"][0]["quote"].startswith("ghastly")


def test_config_lexicon_addition_to_no_list_is_one_error_line(desk):
    (desk / "checker.toml").write_text('[lexicon]\n"markers.nonsense" = ["x"]\n')
    result = invoke("audit", *ARTS)
    assert result.exit_code == 2
    assert "no lexicon list 'markers.nonsense'" in result.stderr


# --- reference mode ------------------------------------------------------------------------


def test_reference_mode_marks_the_reference_and_traces_each_report(desk):
    args = ("audit", "k1.txt", "k2.txt", "k3.txt", "--events", "events3.toml",
            "--reference", "k1.txt")  # fmt: skip
    audit = json.loads(invoke(*args, "-f", "json").stdout)
    assert audit["reference"] == "k1"
    assert [a["id"] for a in audit["articles"] if a["reference"]] == ["k1"]
    by_id = {f["id"]: f for f in audit["findings"]}
    k2, k3 = audit["against_reference"]["k2"], audit["against_reference"]["k3"]
    assert [by_id[i]["verdict"] for i in k2["contradicts"]] == ["contradiction"]
    # k3 says 40 as the reference does: it confirms it, also inside the contradiction
    assert [by_id[i]["verdict"] for i in k3["confirms"]] == ["contradiction", "agreement"]
    assert [by_id[i]["kind"] for i in k2["adds"]] == ["unsourced witness"]
    assert k3["contradicts"] == [] and k3["adds"] == []
    md = invoke(*args, "-f", "markdown").stdout
    assert "## Against the reference `k1`" in md
    assert "### `k2`: confirms 0, contradicts 1, adds 1, drops 0" in md
    unknown = invoke(*args[:-1], "nope.txt")
    assert (
        unknown.exit_code == 2 and "nope.txt: is not one of the audited articles" in unknown.stderr
    )


# --- progress ------------------------------------------------------------------------------


def test_progress_bar_only_on_a_terminal_with_many_articles(monkeypatch):
    import io
    import sys

    from checker.desk import progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_bar(500) is None  # not a terminal: silent
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert progress_bar(10) is None  # too few articles to wait for
    tick = progress_bar(500)
    tick("reading", 250, 500)
    tick("reading", 500, 500)
    assert terminal.getvalue().startswith("\rreading:") and "/500" in terminal.getvalue()


def test_many_articles_in_a_pipe_print_no_progress(tmp_path):
    rows = [
        json.dumps({"id": k, "text": f"Storm in town {k}\n\nA storm hit town {k} on Monday."})
        for k in range(60)
    ]
    (tmp_path / "many.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = invoke("audit", str(tmp_path / "many.jsonl"), "-f", "json")
    assert result.exit_code == 0 and result.stderr == ""


def test_same_marker_in_two_sentences_has_two_fingerprints(desk):
    (desk / "k2.txt").write_text(K2 + "\nEyewitnesses said the airport closed.\n", encoding="utf-8")
    found = findings(invoke("audit", *ARTS, "-f", "json"))
    witnesses = [f for f in found if f["kind"] == "unsourced witness"]
    assert len(witnesses) == 2
    assert len({f["fingerprint"] for f in witnesses}) == 2


def test_a_bad_config_value_names_the_file_and_the_key(desk):
    (desk / "checker.toml").write_text('format = "xml"\n')
    result = invoke("audit", *ARTS)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {desk / 'checker.toml'}: format = 'xml': 'xml' is not one of 'table', "
        "'markdown', 'html', 'json', 'csv'. (fix the value or remove it)\n"
    )


def test_config_settings_table_changes_thresholds_and_checks_them(desk):
    # grouping threshold 0.99 keeps k1 and k2 apart unless the events file joins them
    (desk / "checker.toml").write_text("[settings]\ngroup_threshold = 0.99\n")
    apart = json.loads(invoke("audit", "k1.txt", "k2.txt", "-f", "json").stdout)
    assert len(apart["events"]) == 2
    assert "settings.group_threshold = 0.99" in invoke("config").stdout
    (desk / "checker.toml").write_text("[settings]\ngroup_threshold = 0.0001\n")
    together = json.loads(invoke("audit", "k1.txt", "k2.txt", "-f", "json").stdout)
    assert len(together["events"]) == 1
    (desk / "checker.toml").write_text('[settings]\ngroup_threshold = "high"\n')
    bad = invoke("audit", "k1.txt", "k2.txt")
    assert bad.exit_code == 2
    assert "setting group_threshold = 'high' is not a float" in bad.stderr
    (desk / "checker.toml").write_text("[settings]\ncolour = 1\n")
    assert "unknown setting 'colour'" in invoke("audit", "k1.txt").stderr


def test_config_decides_what_is_hidden_by_default(desk):
    (desk / "checker.toml").write_text('[settings]\nhidden_by_default = ["unsourced witness"]\n')
    shown = invoke("audit", *ARTS, "-f", "markdown").stdout
    assert "1 low-value finding(s) hidden (1 unsourced witness)" in shown
