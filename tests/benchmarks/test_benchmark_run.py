"""The benchmark script runs end to end on its tiny fixture (no installs, no timing assertions)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = REPO / "benchmarks" / "run.py"
FIXTURE = REPO / "benchmarks" / "fixture"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    lessonlint = Path(sys.executable).parent / "lessonlint"
    command = [sys.executable, "-m", "lessonlint"] if not lessonlint.is_file() else [str(lessonlint)]
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--runs", "1", "--skip-external", "--timer", "loop", "--copies", "3",
         "--corpus", str(FIXTURE), "--lessonlint", " ".join(command), "--json",
         "--cache-dir", str(tmp_path_factory.mktemp("bench-cache"))],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_report_has_the_documented_sections(report):
    assert {"machine", "tools", "corpus", "results", "ratios", "targets_met"} <= set(report)
    assert report["tools"]["markdownlint-cli2"]["available"] is False
    assert "skip-external" in report["tools"]["rumdl"]["note"]


def test_every_case_ran_with_the_expected_numbers(report):
    ids = {r["id"] for r in report["results"]}
    assert ids == {"s.python", "s.lessonlint", "a.lessonlint-cold", "a.lessonlint", "a.lessonlint-edit", "a.floor",
                   "b.lessonlint", "b.floor", "c.lessonlint", "c.lessonlint-cold", "c.floor"}
    for result in report["results"]:
        assert result["error"] is None, result
        assert result["runs"] == 1
        assert result["min_s"] <= result["median_s"] <= result["max_s"]
        assert result["peak_rss_mib"] > 0


def test_ratios_name_their_targets(report):
    by_name = {r["name"]: r for r in report["ratios"]}
    assert by_name["(a) cold / floor"]["target_max"] == 10.0
    assert by_name["(b) / (a) cold"]["target_max"] == 22.0
    assert by_name["(b) lessonlint peak RSS"]["target_max"] == 250.0
    assert by_name["(a) warm, nothing changed / rumdl"]["target_max"] == 1.0
    assert by_name["(c) warm / markdownlint-cli2"]["target_max"] == 0.25
    assert by_name["(a) cold / markdownlint-cli2"]["value"] is None  # skipped, not invented
    assert by_name["(a) cold / floor"]["value"] > 0


def test_replica_is_three_faithful_copies(report):
    corpus, copies = report["corpus"], report["corpus"]["replica"]
    assert (copies["plans"], copies["lessons"]) == (3 * corpus["plans"], 3 * corpus["lessons"])
    assert copies["fidelity"]["exact"] is True, copies["fidelity"]
