"""A whole command remembered: replayed only while everything it read is provably unchanged."""
from __future__ import annotations

import contextlib
import io
import os
import time

import pytest

from lessonlint.cache import inputs, replay

from .helpers import check, copy_example

LESSON = "src/content/course/01-module-1/02-filtering.mdx"


@pytest.fixture
def course(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "RACY_NS", 0)  # no 2 s window: the test waits a few clock ticks instead
    root = copy_example(tmp_path)
    (root / ".git").mkdir()
    time.sleep(0.05)
    return root


def _replayed(root, *paths) -> tuple[int, str] | None:
    args = ["check", "--format", "concise", *[str(root / p) for p in paths]]
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        with contextlib.redirect_stdout(out):
            code = replay.replay(args)
    finally:
        os.chdir(cwd)
    return None if code is None else (code, out.getvalue())


def _run(root, *paths):
    cwd = os.getcwd()
    os.chdir(root)
    try:
        from lessonlint.__main__ import main

        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["check", "--format", "concise", *[str(root / p) for p in paths]])
        return code, out.getvalue()
    finally:
        os.chdir(cwd)


def _plain(root, *paths):
    code, out, _ = check(root, *paths, fmt="concise", config=True, cache=False)
    return code, out


@pytest.mark.parametrize("paths", [(), (LESSON,)])
def test_an_unchanged_project_is_replayed_and_any_edit_is_a_miss(course, paths):
    assert _replayed(course, *paths) is None
    first = _run(course, *paths)
    assert first == _plain(course, *paths)
    time.sleep(0.05)
    assert _replayed(course, *paths) == first
    lesson = course / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("WHERE", "HAVING"), encoding="utf-8")
    time.sleep(0.05)
    assert _replayed(course, *paths) is None
    assert _run(course, *paths) == _plain(course, *paths)


def test_a_new_config_is_a_miss(course):
    _run(course)
    time.sleep(0.05)
    assert _replayed(course) is not None
    (course / "lessonlint.toml").write_text('ignore = ["ART"]\n', encoding="utf-8")
    time.sleep(0.05)
    assert _replayed(course) is None
    assert _run(course) == _plain(course)


def test_only_plain_checks_qualify():
    assert replay.eligible(["check", "--format", "json", "a.mdx", "--quiet"]) == (["a.mdx"], False)
    assert replay.eligible(["check", "--isolated"]) == ([], True)
    for args in (["check", "--format", "sarif=out.sarif"], ["check", "--root", "x"], ["check", "--no-cache"],
                 ["report"], ["check", "--select", "ART"], ["check", "-o", "x"]):
        assert replay.eligible(args) is None, args


def test_a_config_above_the_root_is_a_miss_too(course):
    """The config search walks up past the root; a file appearing there changes no folder of the project."""
    _run(course)
    time.sleep(0.05)
    assert _replayed(course) is not None
    (course.parent / "lessonlint.toml").write_text('ignore = ["ART"]\n', encoding="utf-8")
    time.sleep(0.05)
    assert _replayed(course) is None
    assert _run(course) == _plain(course)


def test_what_forked_workers_read_counts_too(course, monkeypatch):
    """A large run checks its plans in workers; an edit to a lesson only a worker read is still a miss."""
    from lessonlint import parallel

    monkeypatch.setattr(parallel, "MIN_JOBS", 1)
    monkeypatch.setenv("LESSONLINT_WORKERS", "2")
    first = _run(course)
    assert first == _plain(course)
    time.sleep(0.05)
    assert _replayed(course) == first
    lesson = course / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("WHERE", "HAVING"), encoding="utf-8")
    time.sleep(0.05)
    assert _replayed(course) is None
    assert _run(course) == _plain(course)
