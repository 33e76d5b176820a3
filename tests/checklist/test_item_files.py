"""Which files an item is about: its task's files; a plan's code files may help, sibling lessons never do."""
from __future__ import annotations

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.diagnostic import Status
from lessonlint.discover import targets
from lessonlint.engine import run

PLAN = """---
phase: 01-x
plan: 01
---

<tasks>
<task type="auto">
  <name>Page</name>
  <files>{first}</files>
  <verify>
- {item}
  </verify>
</task>
<task type="auto">
  <name>Other</name>
  <files>{second}</files>
  <verify>
- File exists at {second}
  </verify>
</task>
</tasks>
"""


def verdict(tmp_path, first, second, files, item):
    (tmp_path / ".planning/phases/01-x").mkdir(parents=True)
    (tmp_path / ".planning/phases/01-x/01-01-PLAN.md").write_text(
        PLAN.format(first=first, second=second, item=item), encoding="utf-8")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    ctx = RunContext.create(Settings(root=tmp_path))
    result = run(ctx, targets(ctx, []))
    return next(i for i in result.plans[0].checklist if i.text == item)


def test_a_sibling_lesson_does_not_stand_in(tmp_path):
    item = verdict(tmp_path, "l/a.mdx", "l/b.mdx", {"l/a.mdx": "# A\n", "l/b.mdx": "TUMBLE(ts)\n"},
                   "Contains `TUMBLE`")
    assert item.status is Status.FAILED


def test_a_component_of_the_plan_may_hold_the_text(tmp_path):
    item = verdict(tmp_path, "src/pages/index.astro", "src/components/Roadmap.tsx",
                   {"src/pages/index.astro": "<Roadmap />\n", "src/components/Roadmap.tsx": "<h2>Карта курса</h2>\n"},
                   'Roadmap section has Russian heading "Карта курса"')
    assert item.status is Status.PASSED and "Roadmap.tsx" in item.reason


def test_a_task_whose_file_is_missing_does_not_read_other_files(tmp_path):
    item = verdict(tmp_path, "l/gone.mdx", "l/b.mdx", {"l/b.mdx": "TUMBLE(ts)\n"}, "Contains TUMBLE")
    assert item.status is Status.FAILED and "does not exist" in item.reason
