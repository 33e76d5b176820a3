"""The outline of a task's <action> is compared with its lesson even when no checklist item asks (issue 14)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.diagnostic import Severity
from lessonlint.discover import targets
from lessonlint.engine import run

from .project import build

ACTION = """Content structure:
1. **Streams and events** (~10 words)
2. **Session windows** (~10 words)
3. **Lab: counting orders** (~10 words)
"""
LESSON = """# Windows

## Streams and events

A stream brings events one after another, and each one is handled on arrival.

## Lab: counting orders

Open the notebook and count the orders of every customer in five minute windows.
"""
CORPUS_CASE = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "debezium-course" / "cases" / "09-02"


def _run(root: Path, item: str = "File exists at l.mdx", paths=(), **settings):
    build(root, {"item": item, "action": ACTION, "files": {"l.mdx": LESSON}})
    ctx = RunContext.create(Settings(root=root.resolve(), **settings))
    return run(ctx, targets(ctx, [str(root / p) for p in paths]))


def _outline(result):
    return [(d.code, d.path, d.line, d.severity) for d in result.diagnostics if d.code.startswith("CHK02")]


def test_a_missing_planned_section_is_a_warning_when_no_item_asks(tmp_path):
    result = _run(tmp_path)
    assert _outline(result) == [("CHK020", "l.mdx", 7, Severity.WARNING)]
    found = next(d for d in result.diagnostics if d.code == "CHK020")
    assert "Session windows" in found.message and found.plan_line is not None
    assert all(item.status.value == "passed" for plan in result.plans for item in plan.checklist)


def test_the_severity_setting_raises_it_and_the_setting_turns_it_off(tmp_path):
    assert _outline(_run(tmp_path, severity={"CHK020": Severity.ERROR}))[0][3] is Severity.ERROR
    assert _outline(_run(tmp_path, outline_default=False)) == []


def test_an_item_that_asks_decides_alone(tmp_path):
    """A title match is heuristic evidence: the asked item needs review (no warning beside it), and fails with
    its error under strict."""
    result = _run(tmp_path, item="All planned sections are present")
    assert _outline(result) == []
    assert result.plans[0].checklist[0].status.value == "needs_review"
    result = _run(tmp_path, item="All planned sections are present", strict=True)
    assert _outline(result) == [("CHK020", "l.mdx", 7, Severity.ERROR)]
    assert result.plans[0].checklist[0].status.value == "failed"


def test_a_run_on_the_lesson_reports_it_too(tmp_path):
    assert _outline(_run(tmp_path, paths=("l.mdx",))) == [("CHK020", "l.mdx", 7, Severity.WARNING)]


def test_an_introduction_section_is_the_heading_that_carries_its_title(tmp_path):
    """"Introduction: from A to B" is the `## From A to B` section, not the few words under the title."""
    action = "Content structure:\n1. **Introduction: from scripts to services** (~20 words)\n2. **Retries** (~5 words)\n"
    lesson = ("# Services\n\nA short lead.\n\n## From scripts to services\n\n" + "word " * 15 +
              "\n\n## Retries\n\nRetry with a backoff and a cap.\n")
    build(tmp_path, {"item": "File exists at l.mdx", "action": action, "files": {"l.mdx": lesson}})
    ctx = RunContext.create(Settings(root=tmp_path.resolve()))
    assert _outline(run(ctx, targets(ctx, []))) == []


@pytest.mark.skipif(not CORPUS_CASE.is_dir(), reason="../shared corpus not present")
def test_deleting_a_planned_section_from_a_corpus_lesson_is_reported(tmp_path):
    root = tmp_path / "case"
    shutil.copytree(CORPUS_CASE, root)  # the corpus is read-only: edit a copy
    lesson = next(root.glob("src/content/course/*/04-*.mdx"))
    lines = lesson.read_text(encoding="utf-8").split("\n")
    heads = [n for n, line in enumerate(lines) if line.startswith("## ")]
    before = _codes(root)
    assert not [d for d in before if d[0] == "CHK020"]
    start = heads[4]  # the fifth planned section, up to the next one
    end = heads[5]
    lesson.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    after = _codes(root)
    missing = [d for d in after if d[0] == "CHK020"]
    assert len(missing) == 1 and missing[0][1] == lesson.relative_to(root).as_posix()
    assert missing[0][2] == start + 1  # at the heading that now follows, where the section belongs


def _codes(root: Path):
    ctx = RunContext.create(Settings(root=root.resolve()))
    return [(d.code, d.path, d.line) for d in run(ctx, targets(ctx, [])).diagnostics]
