"""On the real debezium course (``../shared/corpus``, skipped when absent): every line holding a ``/course/…`` link
whose lesson does not exist has an error naming it, and no line holding a valid one has; the findings on the
course's latest tree are exactly the hand-checked list in ``debezium_head_expected.txt``."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import diagnostics

EXPECTED = Path(__file__).with_name("debezium_head_expected.txt")
_LINK = re.compile(r"\]\((/course/[^)\s#]*)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _course_links(root: Path):
    """(lesson, line, target, exists) of every Markdown link to /course/ outside fenced code, read directly."""
    course = root / "src" / "content" / "course"
    for path in sorted(course.rglob("*.mdx")):
        fenced = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _FENCE.match(line):
                fenced = not fenced
            if fenced:
                continue
            for m in _LINK.finditer(line):
                slug = m.group(1)[len("/course/"):].strip("/")
                exists = any((course / f"{slug}{s}").is_file() or (course / slug / f"index{s}").is_file()
                             for s in (".md", ".mdx"))
                yield path.relative_to(root).as_posix(), number, m.group(1), exists


@pytest.fixture(scope="module")
def head(corpus_dir):
    root = corpus_dir / "debezium-course" / "head"
    if not root.is_dir():
        pytest.skip("debezium-course/head is absent")
    return root


def test_head_findings_are_the_hand_checked_list(head):
    found = sorted(f"{d.path}:{d.line}:{d.column} {d.code} {d.message.split('`')[1]}" for d in diagnostics(head))
    expected = sorted(line for line in EXPECTED.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert found == expected


def test_every_broken_course_link_line_has_an_error_and_no_valid_one(head):
    errors = {(d.path, d.line): d for d in diagnostics(head) if d.code == "REF001"}
    links = list(_course_links(head))
    assert len(links) >= 20
    for path, line, target, exists in links:
        if exists:
            assert (path, line) not in errors or target not in errors[(path, line)].message, (path, line, target)
        else:
            assert (path, line) in errors and target.rstrip("/") in errors[(path, line)].message, (path, line, target)


def test_no_error_on_a_valid_course_link_in_any_case(corpus_dir):
    cases = sorted((corpus_dir / "debezium-course" / "cases").glob("*/src/content/course"))
    if not cases:
        pytest.skip("debezium-course cases are absent")
    for course in cases:
        root = course.parents[2]
        errors = {(d.path, d.line, d.column) for d in diagnostics(root) if d.code == "REF001"}
        for path, line, target, exists in _course_links(root):
            column = next(m.start(1) + 1 for m in _LINK.finditer((root / path).read_text(encoding="utf-8")
                                                                 .splitlines()[line - 1]) if m.group(1) == target)
            assert not (exists and (path, line, column) in errors), (root.name, path, line, target)
