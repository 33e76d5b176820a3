"""The real pre-commit hook: installed from a snapshot of this checkout into pre-commit's own environment.

pre-commit reads a repository's HEAD, so the working tree is committed into a fresh repository first
(``snapshot_checkout``; fixed identity and dates keep the commit id, and so pre-commit's cached
environment in .cache/pre-commit, stable while the code does not change). Skipped only when git or
pre-commit is missing; installing lessonlint into the hook environment needs PyPI (or a local index).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import CACHE, GIT_IDENTITY, LESSON, PLAN, git, make_course, snapshot_checkout

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(not __import__("importlib").util.find_spec("pre_commit"), reason="pre-commit is not installed"),
]


def _env() -> dict:
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(CACHE / "pre-commit"), "PRE_COMMIT_COLOR": "never",
           "NO_COLOR": "1"}
    for leaked in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT"):
        env.pop(leaked, None)
    return env


def _run(cwd, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, env=_env(), capture_output=True, text=True, timeout=900)


def _pre_commit(cwd, *args: str) -> subprocess.CompletedProcess:
    return _run(cwd, sys.executable, "-m", "pre_commit", *args)


def test_hook_fails_on_a_lesson_that_breaks_its_plan_and_passes_once_fixed(tmp_path):
    src = snapshot_checkout(CACHE / "pre-commit-src")
    rev = git(src, "rev-parse", "HEAD").strip()
    project = make_course(tmp_path / "course")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "a course that meets its plan")
    lesson = project / "lessons" / "01-select.mdx"

    # 1. try-repo, as a user would before adopting the hook: the staged lesson lacks the planned term
    lesson.write_text(LESSON.replace("Use SELECT to read rows.", "Read rows."), encoding="utf-8")
    git(project, "add", "lessons/01-select.mdx")
    tried = _pre_commit(project, "try-repo", str(src), "lessonlint", "--ref", rev)
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert "lessonlint" in tried.stdout and "Failed" in tried.stdout
    assert "lessons/01-select.mdx:1:1: ART004" in tried.stdout  # the diagnostic itself is printed

    # 2. the installed hook blocks the commit ...
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: lessonlint\n", encoding="utf-8")
    installed = _pre_commit(project, "install")
    assert installed.returncode == 0, installed.stderr
    git(project, "add", ".pre-commit-config.yaml")
    blocked = _run(project, "git", "commit", "-m", "drop the keyword")
    assert blocked.returncode != 0
    assert "ART004" in blocked.stdout + blocked.stderr

    # 3. ... and lets it through once the lesson is fixed
    lesson.write_text(LESSON.replace("read rows", "read the rows"), encoding="utf-8")
    git(project, "add", "lessons/01-select.mdx")
    passed = _run(project, "git", "commit", "-m", "fixed")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "lessonlint" in passed.stderr and "Passed" in passed.stderr  # git shows hook output on stderr

    # 4. GSD bookkeeping next to the plans never reaches the hook
    (project / ".planning" / "STATE.md").write_text("# State\n\nTODO: next phase\n", encoding="utf-8")
    git(project, "add", ".planning/STATE.md")
    skipped = _run(project, "git", "commit", "-m", "state")
    assert skipped.returncode == 0 and "(no files to check)Skipped" in skipped.stderr, skipped.stderr

    # 5. a changed plan checks the lessons it names (the lesson itself is not staged)
    plan = project / ".planning" / "phases" / "01-basics" / "01-01-PLAN.md"
    plan.write_text(PLAN.replace('contains: "SELECT"', 'contains: "ORDER BY"'), encoding="utf-8")
    git(project, "add", str(plan.relative_to(project)))
    blocked = _run(project, "git", "commit", "-m", "raise the bar")
    assert blocked.returncode != 0
    assert "lessons/01-select.mdx:1:1: ART004" in blocked.stdout + blocked.stderr
    _pre_commit(project, "gc")  # drop environments of earlier snapshots from the cache


def test_hook_with_fix_repairs_a_lesson_and_fails_the_commit_once(tmp_path):
    """`args: [--fix]`: a bare `<` is written `&lt;`, the commit fails once (the file changed), then passes."""
    src = snapshot_checkout(CACHE / "pre-commit-src")
    rev = git(src, "rev-parse", "HEAD").strip()
    project = make_course(tmp_path / "course")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: lessonlint\n        args: [--fix]\n",
        encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "a course that meets its plan")
    assert _pre_commit(project, "install").returncode == 0
    lesson = project / "lessons" / "01-select.mdx"
    lesson.write_text(LESSON + "\nUse SELECT when fewer than <3 rows match.\n", encoding="utf-8")
    git(project, "add", "lessons/01-select.mdx")
    first = _run(project, "git", "commit", "-m", "a heart")
    assert first.returncode != 0, first.stdout + first.stderr
    assert "fewer than &lt;3 rows" in lesson.read_text(encoding="utf-8")
    git(project, "add", "lessons/01-select.mdx")
    second = _run(project, "git", "commit", "-m", "a heart, fixed")
    assert second.returncode == 0, second.stdout + second.stderr
