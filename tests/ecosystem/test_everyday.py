"""Everyday options: --quiet, --statistics, --exit-zero, --color/NO_COLOR, the progress bar, `init`, --force-exclude."""
from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

from lessonlint.cli.progress import DelayedProgress
from lessonlint.config.load import load_config

from .conftest import EXAMPLE, REPO, make_course


def test_quiet_drops_plan_tables_but_keeps_diagnostics_and_summary(cli):
    full = cli("check", "--root", EXAMPLE, "--color", "never")[1]
    quiet = cli("check", "--root", EXAMPLE, "--color", "never", "--quiet")[1]
    assert "must-haves" in quiet.splitlines()[-1] and "ART004" in quiet
    table_row = "key link   "  # a row of a plan table
    assert table_row in full and table_row not in quiet and len(quiet) < len(full)


def test_statistics_counts_per_code(cli):
    out = cli("check", "--root", EXAMPLE, "--color", "never", "--quiet", "--statistics")[1]
    rows = [re.match(r"^ *(\d+)  ([A-Z]+\d+)  ", line) for line in out.splitlines()]
    counted = {row.group(2): int(row.group(1)) for row in rows if row}
    concise = cli("check", "--root", EXAMPLE, "--format", "concise")[1]
    for code, count in counted.items():
        assert concise.count(f": {code} ") == count
    assert counted.get("ART004") == 1


def test_exit_zero_keeps_the_report(cli):
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "concise", "--exit-zero")
    assert code == 0 and "ART004" in out


def test_color_always_never_and_no_color(cli, monkeypatch):
    assert "\x1b[" in cli("check", "--root", EXAMPLE, "--color", "always")[1]
    assert "\x1b[" not in cli("check", "--root", EXAMPLE, "--color", "never")[1]
    assert "\x1b[" not in cli("check", "--root", EXAMPLE)[1]  # auto: stdout is not a terminal here
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in cli("check", "--root", EXAMPLE, "--color", "auto")[1]


def test_progress_bar_only_on_a_terminal_and_only_after_the_delay(monkeypatch):
    fake = io.StringIO()
    fake.isatty = lambda: False
    monkeypatch.setattr(sys, "stderr", fake)
    assert DelayedProgress.for_terminal(quiet=False, color=False).enabled is False
    fake.isatty = lambda: True
    assert DelayedProgress.for_terminal(quiet=True, color=False).enabled is False
    slow = DelayedProgress(enabled=True, color=False, delay=3600)
    slow(1, 10)
    assert slow._bar is None  # a fast run never shows (nor imports) the bar
    shown = DelayedProgress(enabled=True, color=False, delay=0)
    shown(1, 10)
    assert shown._bar is not None
    shown.close()
    assert shown._bar is None


def test_init_writes_a_starter_config_and_refuses_to_overwrite(cli, tmp_path):
    root = make_course(tmp_path / "c")
    code, out, _ = cli("init", "--root", root)
    target = root / "lessonlint.toml"
    assert code == 0 and f"wrote {target}" in out and "id: lessonlint" in out and "repos:" in out
    assert load_config(target).values == {}
    before = target.read_text(encoding="utf-8")
    code, out, err = cli("init", "--root", root)
    assert code == 2 and "not overwritten" in err
    code, out, err = cli("init", "--root", root, "--pyproject")
    assert code == 2 and target.read_text(encoding="utf-8") == before


def test_init_pyproject_appends_the_table(cli, tmp_path):
    root = make_course(tmp_path / "c")
    (root / "pyproject.toml").write_text('[project]\nname = "course"\n', encoding="utf-8")
    assert cli("init", "--root", root, "--pyproject")[0] == 0
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "course"\n\n') and "[tool.lessonlint]" in text
    assert load_config(root / "pyproject.toml").values == {}


def test_force_exclude_applies_the_config_to_given_paths(cli, tmp_path):
    root = make_course(tmp_path / "c", lesson="---\ntitle: x\n---\nFewer than <3.\n")
    (root / "lessonlint.toml").write_text('exclude = ["lessons/**"]\n', encoding="utf-8")
    lesson = root / "lessons" / "01-select.mdx"
    assert cli("check", lesson, "--format", "concise")[0] == 1  # without the flag a given path is checked
    code, out, _ = cli("check", lesson, "--format", "concise", "--force-exclude")
    assert code == 0 and out == ""


LESSON = EXAMPLE / "src" / "content" / "course" / "01-module-1" / "01-select-basics.mdx"


def _loaded_after_check(args: list[str], modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh process has imported after ``lessonlint check <args>``."""
    code = (f"import json, sys; from lessonlint.__main__ import main; rc = main(['check', *{args!r}]); "
            f"print(json.dumps([m for m in {modules!r} if m in sys.modules])); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode in (0, 1), done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_clean_check_of_one_lesson_stays_lean():
    """The pre-commit hot path imports neither the optional formats nor jsonschema nor rich's progress."""
    heavy = ("jsonschema", "rich.progress", "lessonlint.render.sarif", "lessonlint.render.junit",
             "lessonlint.registry.docs", "xml.etree.ElementTree", "lessonlint.config.tomlpos")
    assert _loaded_after_check(["--format", "concise", str(LESSON)], heavy) == []


def test_a_run_on_one_lesson_does_not_load_the_truth_judges():
    """Truths are plan-wide: a run on lessons judges none, so it neither imports their judges nor loads the
    glossary packs (computed, not replayed: ``--no-cache``)."""
    truths = ("lessonlint.truths.judge", "lessonlint.truths.packs")
    assert _loaded_after_check(["--no-cache", "--format", "concise", str(LESSON)], truths) == []
