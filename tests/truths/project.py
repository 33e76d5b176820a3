"""Build a one-plan project in a temp folder and judge its truths (the way `lessonlint check` does)."""
from __future__ import annotations

import json
from pathlib import Path

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run

PLAN = """---
phase: 01-test
plan: 01
type: execute
wave: 1
depends_on: []
files_modified: {files}
autonomous: true
must_haves:
  truths:
{truths}
  artifacts:
{artifacts}
---

<objective>{context}</objective>

<tasks>
<task type="auto">
  <name>Task 1</name>
  <files>{first}</files>
  <action>Write the lesson.</action>
  <verify>{verify}</verify>
  <done>{done}</done>
</task>
</tasks>
"""


def make_project(root: Path, truths: list[str], files: dict[str, str], verify: str = "- File exists",
                 context: str = "", done: str = "Done") -> Path:
    """A project with one plan naming ``files`` as artifacts; returns the plan path."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    plan = root / ".planning" / "phases" / "01-test" / "01-01-PLAN.md"
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(PLAN.format(
        files=json.dumps(list(files)),
        truths="\n".join(f"    - {json.dumps(t, ensure_ascii=False)}" for t in truths),
        artifacts="\n".join(f"    - path: {json.dumps(rel)}\n      provides: \"lesson\"" for rel in files)
        or "    []",
        first=next(iter(files), ""),
        verify=verify,
        context=context,
        done=done,
    ), encoding="utf-8")
    return plan


def judge(root: Path, **settings):
    """(plan result, run result) for the project at ``root``."""
    ctx = RunContext.create(Settings(root=root.resolve(), **settings))
    result = run(ctx, targets(ctx, []))
    assert not result.errors, result.errors
    return result.plans[0], result
