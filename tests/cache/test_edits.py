"""Random edit sequences on a course (lessons and plans edited, added, deleted, renamed; the config changed):
after every step, a run that may reuse remembered verdicts prints exactly what a run without the cache prints."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import EXAMPLE, check

PLAN = ".planning/phases/01-sql-foundations/01-01-PLAN.md"
MODULE = "src/content/course/01-module-1"


def _lessons(root: Path) -> list[Path]:
    """The lessons an edit may pick: a symlink whose target an earlier step deleted is not one (it is still in
    the tree for the runs to meet)."""
    return sorted(p for p in (root / "src/content/course").rglob("*.mdx") if p.exists())


def _pick(items: list, index: int):
    return items[index % len(items)] if items else None


def _edit(root: Path, op: str, n: int) -> None:
    lesson = _pick(_lessons(root), n)
    if op == "append" and lesson:
        lesson.write_text(lesson.read_text(encoding="utf-8") + f"\nMore text {n}: SELECT and WHERE.\n", encoding="utf-8")
    elif op == "cut" and lesson:
        lines = lesson.read_text(encoding="utf-8").splitlines(keepends=True)
        lesson.write_text("".join(lines[: max(3, len(lines) - 25)]), encoding="utf-8")
    elif op == "drop-term" and lesson:
        lesson.write_text(lesson.read_text(encoding="utf-8").replace("WHERE", "HAVING"), encoding="utf-8")
    elif op == "same-size" and lesson:  # same size, mtime put back: only the inode's change time tells
        before = lesson.stat()
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text(text.replace("SELECT", "SELEKT", 1), encoding="utf-8")
        os.utime(lesson, ns=(before.st_atime_ns, before.st_mtime_ns))
    elif op == "add":
        (root / MODULE / f"0{n % 7 + 3}-extra.mdx").write_text(
            f"---\ntitle: Extra {n}\n---\n\n# Extra\n\nSELECT {n};\n", encoding="utf-8")
    elif op == "delete" and lesson:
        lesson.unlink()
    elif op == "rename" and lesson:
        lesson.rename(lesson.with_name(f"r{n}-{lesson.name}"))
    elif op == "symlink" and lesson:
        other = _pick(_lessons(root), n + 1)
        if other and other != lesson:
            lesson.unlink()
            lesson.symlink_to(other)
    elif op == "plan-lines":
        plan = root / PLAN
        if plan.exists():
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.replace("min_lines: 60", "min_lines: 45") if "min_lines: 60" in text
                            else text.replace("min_lines: 45", "min_lines: 60"), encoding="utf-8")
    elif op == "plan-item":
        plan = root / PLAN
        if plan.exists():
            text = plan.read_text(encoding="utf-8")
            plan.write_text(text.replace("<verify>", f"<verify>\n  - [ ] Contains `ORDER BY` ({n})", 1),
                            encoding="utf-8")
    elif op == "config":
        config = root / "lessonlint.toml"
        if config.exists():
            config.unlink()
        else:
            config.write_text("strict = true\n" if n % 2 else 'ignore = ["CHK"]\n', encoding="utf-8")


OPS = st.sampled_from(["append", "cut", "drop-term", "same-size", "add", "delete", "rename", "symlink",
                       "plan-lines", "plan-item", "config"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(OPS, st.integers(0, 50)), min_size=1, max_size=5))
def test_cached_runs_equal_uncached_runs_after_every_edit(steps):
    folder = Path(tempfile.mkdtemp(prefix="lessonlint-edits-"))
    try:
        root = folder / "course"
        shutil.copytree(EXAMPLE, root)
        (root / ".git").mkdir()
        check(root, config=True)  # fill the cache
        for op, n in steps:
            _edit(root, op, n)
            plain = check(root, cache=False, config=True)
            assert check(root, config=True) == plain, (op, n)
            lesson = _pick(_lessons(root), n)
            if lesson is not None and lesson.exists():
                rel = lesson.relative_to(root).as_posix()
                assert check(root, rel, config=True) == check(root, rel, cache=False, config=True), (op, n, rel)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(OPS, st.integers(0, 50)), min_size=1, max_size=4))
def test_the_same_without_the_racy_window(steps):
    """Stat signatures alone (no 2 s window): edits a clock tick apart are still seen (size, mtime, ctime)."""
    import time

    from lessonlint.cache import inputs as memo

    saved, memo.RACY_NS = memo.RACY_NS, 0
    folder = Path(tempfile.mkdtemp(prefix="lessonlint-edits-"))
    try:
        root = folder / "course"
        shutil.copytree(EXAMPLE, root)
        (root / ".git").mkdir()
        check(root, config=True)
        for op, n in steps:
            time.sleep(0.03)  # past the file system's clock tick (coarse kernel time: a few ms)
            _edit(root, op, n)
            time.sleep(0.03)
            assert check(root, config=True) == check(root, cache=False, config=True), (op, n)
    finally:
        memo.RACY_NS = saved
        shutil.rmtree(folder, ignore_errors=True)
