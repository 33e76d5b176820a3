"""Helpers for the ecosystem tests: a tiny course, the CLI in-process, a committed snapshot of this checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from lessonlint.__main__ import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "fixtures" / "example-course"
CACHE = REPO / ".cache"  # git-ignored; survives between runs (npm tarball, pre-commit environments)

PLAN = """\
---
phase: 01-basics
plan: 01
must_haves:
  artifacts:
    - path: "lessons/01-select.mdx"
      contains: "SELECT"
      min_lines: 3
---

<tasks>
<task type="auto">
  <name>Task 1: SELECT lesson</name>
  <files>lessons/01-select.mdx</files>
</task>
</tasks>
"""

LESSON = """\
---
title: "Reading rows"
---

Use SELECT to read rows.
"""


def make_course(root: Path, lesson: str = LESSON, plan: str = PLAN) -> Path:
    """A one-plan, one-lesson course under ``root``."""
    (root / ".planning" / "phases" / "01-basics").mkdir(parents=True, exist_ok=True)
    (root / ".planning" / "phases" / "01-basics" / "01-01-PLAN.md").write_text(plan, encoding="utf-8")
    (root / "lessons").mkdir(exist_ok=True)
    (root / "lessons" / "01-select.mdx").write_text(lesson, encoding="utf-8")
    return root


@pytest.fixture
def course(tmp_path) -> Path:
    return make_course(tmp_path / "course")


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``lessonlint ARGS`` in-process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)

    def run(*args: str, cwd: Path | None = None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def snapshot_checkout(dest: Path, commit: bool = True) -> Path:
    """This checkout's working tree (committed or not) as a fresh git repository with one commit.

    pre-commit and wheel builds read a repository's HEAD; untracked work would be missed.
    Identity and dates are fixed, so the same content gives the same commit id (and cache hits).
    """
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for name in ("lessonlint", "rules", "schema"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name, ignore=skip)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, dest / name)
    if commit:
        git(dest, "init", "-q")
        git(dest, "add", "-A")
        git(dest, "commit", "-q", "-m", "snapshot")
    return dest


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_IDENTITY}
    for leaked in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(leaked, None)
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "lessonlint tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "lessonlint tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}
