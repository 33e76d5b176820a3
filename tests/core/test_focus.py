"""A run on lessons (pre-commit): which plans are parsed, which items are judged, what is left to the plan's run."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from lessonlint.checks.context import RunContext
from lessonlint.cli.support import load_settings
from lessonlint.diagnostic import Status
from lessonlint.discover import targets
from lessonlint.engine import run

LESSON = "---\ntitle: x\n---\n\nUse `SELECT` to read rows.\n"


def plan(artifact: str, other: str = "", truth: str = "Students read rows with `SELECT`") -> str:
    return f"""---
phase: 01-basics
plan: 01
must_haves:
  truths:
    - "{truth}"
  artifacts:
    - path: "{artifact}"
---

<tasks>
<task type="auto">
  <name>Task 1</name>
  <files>{artifact}</files>
  <verify>
  - [ ] Contains `SELECT`
  </verify>
</task>
<task type="auto">
  <name>Task 2</name>
  <files>{other or artifact}</files>
  <verify>
  - [ ] Contains `UPDATE`
  </verify>
</task>
</tasks>
"""


def project(root: Path, plans: dict[str, str]) -> Path:
    for name, text in plans.items():
        folder = root / ".planning" / "phases" / "01-basics"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}-PLAN.md").write_text(text, encoding="utf-8")
    for rel in ("src/content/m1/01-select.mdx", "src/content/m1/02-update.mdx", "src/content/m2/01-other.mdx"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(LESSON, encoding="utf-8")
    return root


def context(root: Path) -> RunContext:
    settings, _ = load_settings(root, [], isolated=True)
    return RunContext.create(settings)


def on_lesson(root: Path, lesson: str = "src/content/m1/01-select.mdx"):
    ctx = context(root)
    chosen = targets(ctx, [str(root / lesson)])
    return ctx, chosen, run(ctx, chosen)


def test_truths_are_left_to_the_plan_run_and_only_the_lessons_items_are_judged(tmp_path):
    root = project(tmp_path, {"01-01": plan("src/content/m1/01-select.mdx", "src/content/m1/02-update.mdx")})
    full = run(context(root), targets(context(root), []))
    assert [t.status for t in full.plans[0].truths] == [Status.PASSED]
    assert [c.text for c in full.plans[0].checklist] == ["Contains `SELECT`", "Contains `UPDATE`"]

    _, _, focused = on_lesson(root)
    assert focused.plans[0].truths == ()
    assert [(c.text, c.status) for c in focused.plans[0].checklist] == \
        [(c.text, c.status) for c in full.plans[0].checklist[:1]]


@pytest.mark.parametrize("artifact", [
    "src/content/m1/01-select.mdx",  # the lesson itself
    "src/content/m1/",  # its folder, as a whole path
    "src/content/m1",
    "./src/content",
    "src/content/m1/../m1",  # `..` on the way
    "src/content/**/*.mdx",  # a glob matching it
    "src/content/m1/0?-select.mdx",  # a glob with only `?`
])
def test_a_plan_naming_the_lesson_is_a_job(tmp_path, artifact):
    root = project(tmp_path, {"01-01": plan(artifact)})
    _, chosen, _ = on_lesson(root)
    assert [job.plan for job in chosen.jobs] == [".planning/phases/01-basics/01-01-PLAN.md"]


def test_a_symlink_to_the_lesson_names_it(tmp_path):
    root = project(tmp_path, {"01-01": plan("src/content/m1/alias.mdx")})
    os.symlink(root / "src/content/m1/01-select.mdx", root / "src/content/m1/alias.mdx")
    _, chosen, _ = on_lesson(root)
    assert [job.plan for job in chosen.jobs] == [".planning/phases/01-basics/01-01-PLAN.md"]


def test_a_plan_that_only_passes_through_the_folder_is_not_parsed(tmp_path):
    # `src/content/m1/` appears, but only in the path of another lesson: no reason to parse the plan
    root = project(tmp_path, {"01-01": plan("src/content/m1/02-update.mdx"),
                              "01-02": plan("src/content/m2/01-other.mdx")})
    ctx, chosen, result = on_lesson(root)
    assert chosen.jobs == ()
    assert ctx.plans == {}
    assert result.files == ("src/content/m1/01-select.mdx",)  # the lesson's own problems are still checked


def test_a_glob_artifact_lints_only_the_changed_lesson(tmp_path):
    # the plan's glob names both lessons; pre-commit passed one: the sibling's MDX errors are not its business
    root = project(tmp_path, {"01-01": plan("src/content/m1/*.mdx")})
    (root / "src/content/m1/02-update.mdx").write_text(LESSON + "\nFewer than <3 rows.\n", encoding="utf-8")
    _, _, focused = on_lesson(root)
    assert focused.plans[0].lessons == ("src/content/m1/01-select.mdx",)
    assert not [d for d in focused.diagnostics if d.path.endswith("02-update.mdx")]
    full = run(context(root), targets(context(root), []))
    assert "src/content/m1/02-update.mdx" in full.plans[0].lessons


def test_a_folder_artifact_names_its_lessons(tmp_path):
    root = project(tmp_path, {"01-01": plan("src/content/m1/")})
    (root / "src/content/m1/02-update.mdx").write_text(LESSON + "\nFewer than <3 rows.\n", encoding="utf-8")
    full = run(context(root), targets(context(root), []))
    assert full.plans[0].lessons == ("src/content/m1/01-select.mdx", "src/content/m1/02-update.mdx")
    # the task's <files> is the folder too: its lessons are what "Contains `UPDATE`" is about (neither has it)
    assert [(d.path, d.code) for d in full.diagnostics] == [("src/content/m1/01-select.mdx", "CHK003"),
                                                            ("src/content/m1/02-update.mdx", "MDX001")]


def test_the_root_as_an_artifact_does_not_lint_plans_as_lessons(tmp_path):
    root = project(tmp_path, {"01-01": plan(".")})
    full = run(context(root), targets(context(root), []))
    assert not [p for p in full.plans[0].lessons if p.startswith(".planning/")]
    assert "src/content/m2/01-other.mdx" in full.plans[0].lessons
