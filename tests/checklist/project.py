"""Build a one-plan project around a checklist item and run the real engine on it."""
from __future__ import annotations

from pathlib import Path

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run

PLAN = ".planning/phases/01-test/01-01-PLAN.md"


def plan_text(item: str, section: str = "verify", after=(), action: str = "", task_files=()) -> str:
    bullets = "\n".join(f"- {text}" for text in (item, *after))
    files = f"  <files>{', '.join(task_files)}</files>\n" if task_files else ""
    verify = bullets if section == "verify" else "- File exists somewhere"
    body = (f"---\nphase: 01-test\nplan: 01\n---\n\n<tasks>\n<task type=\"auto\">\n  <name>Task 1</name>\n{files}"
            f"  <action>\n{action}\n  </action>\n  <verify>\n{verify}\n  </verify>\n</task>\n</tasks>\n")
    if section != "verify":
        body += f"\n<{section}>\n{bullets}\n</{section}>\n"
    return body


def build(root: Path, case: dict) -> None:
    files = dict(case.get("files") or {})
    task_files = case.get("task_files") or list(files)
    texts = {PLAN: plan_text(case["item"], case.get("section", "verify"), case.get("after") or (),
                             case.get("action", ""), task_files), **files}
    for rel, text in texts.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def run_case(root: Path, case: dict, settings: dict | None = None):
    """(the item's ChecklistResult, the run's RunResult)."""
    build(root, case)
    ctx = RunContext.create(Settings(root=root.resolve(), **(settings or {})))
    result = run(ctx, targets(ctx, []))
    plan = result.plans[0]
    section = case.get("section", "verify")
    item = next(c for c in plan.checklist if c.section == section)
    return item, result
