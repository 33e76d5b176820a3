"""Golden terminal output of the example course (`LESSONLINT_UPDATE_GOLDEN=1 pytest` rewrites the files)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lessonlint.__main__ import main

HERE = Path(__file__).parent
EXAMPLE = HERE.parents[1] / "fixtures" / "example-course"


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_example_course_output(fmt, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    code = main(["check", "--root", str(EXAMPLE), "--format", fmt, "--color", "never"])
    out = capsys.readouterr().out
    assert code == 1
    golden = HERE / f"example-{fmt}.txt"
    if os.environ.get("LESSONLINT_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
