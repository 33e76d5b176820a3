"""The precision benchmark runs on a corpus-shaped folder and reads its labels (no timing, no corpus needed)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "precision" / "precision.py"


def test_it_reports_a_set_and_lists_what_to_label(tmp_path):
    case = tmp_path / "corpus" / "demo-set" / "cases" / "01-01"
    shutil.copytree(REPO / "fixtures" / "example-course", case)
    lessonlint = Path(sys.executable).parent / "lessonlint"
    command = str(lessonlint) if lessonlint.is_file() else f"{sys.executable} -m lessonlint"
    base = [sys.executable, str(SCRIPT), "--corpus", str(tmp_path / "corpus"), "--sets", "demo-set",
            "--lessonlint", command]
    done = subprocess.run([*base, "--json"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert row["set"] == "demo-set" and row["failed"] > 0 and row["failed_unlabelled"] == row["failed"]
    todo = subprocess.run([*base, "--todo", "failed"], capture_output=True, text=True, timeout=300).stdout
    assert todo.count("\tfailed\n") == row["failed"] and "reason:" in todo
