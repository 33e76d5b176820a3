"""Build a small project (a real plan parsed by the plan parser, lessons on disk) and call one check kind
directly with an ItemContext, the way the judge does."""
from __future__ import annotations

from pathlib import Path

from lessonlint.checklist.api import ItemContext, ItemVerdict
from lessonlint.checklist.kinds import get
from lessonlint.checks.context import PlanContext, RunContext
from lessonlint.config.settings import Settings

PLAN = ".planning/phases/01-test/01-01-PLAN.md"


def plan_text(item: str, section: str, action: str, task_files) -> str:
    files = f"  <files>{', '.join(task_files)}</files>\n" if task_files else ""
    verify = f"- {item}" if section == "verify" else "- Something else"
    body = (f"---\nphase: 01-test\nplan: 01\n---\n\n<tasks>\n<task type=\"auto\">\n  <name>Task 1</name>\n{files}"
            f"  <action>\n{action}\n  </action>\n  <verify>\n{verify}\n  </verify>\n</task>\n</tasks>\n")
    if section != "verify":
        body += f"\n<{section}>\n- {item}\n</{section}>\n"
    return body


def judge(root: Path, kind: str, item: str, files: dict[str, str] | None = None, *, groups=None, params=None,
          action: str = "", lessons=None, section: str = "verify", settings=None) -> ItemVerdict:
    """Write the project under ``root`` and run ``kind`` on the item (the task's files are ``files``)."""
    files = dict(files or {})
    task_files = list(lessons if lessons is not None else files)
    for rel, text in {PLAN: plan_text(item, section, action, task_files), **files}.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    run = RunContext.create(Settings(root=root.resolve(), **(settings or {})))
    return run_kind(run, PLAN, kind, item, groups=groups, params=params, lessons=task_files)


def run_kind(run: RunContext, plan_path: str, kind: str, item_text: str, *, groups=None, params=None,
             lessons=None, task: int | None = -1) -> ItemVerdict:
    """Run ``kind`` on the plan's checklist item whose text is ``item_text`` (of task ``task`` when given)."""
    plan = run.plan(plan_path)
    item = next(i for i in plan.checklist if i.text == item_text and task in (-1, i.task))
    task = plan.tasks[item.task] if item.task is not None else None
    if lessons is None:
        lessons = [p for raw in (task.files if task else plan.frontmatter.get("files_modified") or [])
                   for p in run.resolve(raw).paths]
    files = tuple(lessons)
    lessons = tuple(p for p in files if p.endswith(run.settings.lesson_suffixes))
    ctx = ItemContext(item, task, PlanContext(run, plan), lessons, dict(params or {}), dict(groups or {}),
                      f"test/{kind}", files, item_text)
    return get(kind)(ctx)


def described(verdict: ItemVerdict) -> list[str]:
    """``CODE path:line:column`` of each diagnostic, sorted (what the YAML cases compare)."""
    return sorted(f"{d.code} {d.path}:{d.line}:{d.column}" for d in verdict.diagnostics)
