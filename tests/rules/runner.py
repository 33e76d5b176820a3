"""Run one YAML rule case: build a tiny project, check it, return what the tool said."""
from __future__ import annotations

import textwrap
from pathlib import Path

from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings
from lessonlint.discover import targets
from lessonlint.engine import run

PLAN = ".planning/phases/01-test/01-01-PLAN.md"
HEADER = "---\nphase: 01-test\nplan: 01\nmust_haves:\n"  # must_haves content starts on plan line 5
DEFAULT_BODY = "\n<tasks>\n</tasks>\n"


def build(case: dict, root: Path) -> None:
    plan = HEADER + textwrap.indent(case.get("plan", ""), "  ") + "---\n" + case.get("body", DEFAULT_BODY)
    files = {PLAN: plan, **(case.get("files") or {})}
    for rel, text in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, dict) and "symlink" in text:
            target.symlink_to(text["symlink"])
        else:
            target.write_text(text, encoding="utf-8")


def check(case: dict, root: Path, paths: list[str] | None = None):
    build(case, root)
    settings = Settings(root=root.resolve(), **(case.get("settings") or {}))
    ctx = RunContext.create(settings)
    return run(ctx, targets(ctx, paths or []))


def described(result) -> list[str]:
    return sorted(f"{d.code} {d.path}:{d.line}:{d.column}" for d in result.diagnostics)
