"""``focus_view`` cuts the result of a focused job (pre-commit on lessons) from the full job's result: on real
courses it gives what ``check_plan`` computes for that focus, item for item and finding for finding."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from lessonlint.checks.context import RunContext
from lessonlint.cli.support import load_settings
from lessonlint.discover import Job, files_named_by, find_plans
from lessonlint.engine import check_plan, focus_view
from lessonlint.plan.model import Plan

REPO = Path(__file__).resolve().parents[2]

CASES = ["debezium-course/head", "lovettbarron+evolver/cases/17-03", "snowdamiz+mesh-lang/cases/72-04",
         "pRizz+bitcoin-bond-proposal/cases/05-01", "zeroth-core/cases/30-02"]


def _compare(root, limit: int | None = None, seed: int = 7) -> int:
    settings, _ = load_settings(root, [], isolated=True)
    ctx = RunContext.create(settings)
    plans = find_plans(ctx)
    if limit is not None:
        plans = random.Random(seed).sample(plans, min(limit, len(plans)))
    compared = 0
    for rel in plans:
        plan = ctx.plan(rel)
        if not isinstance(plan, Plan):
            continue
        lessons = sorted(files_named_by(plan, ctx))  # pre-commit may pass any file a plan names
        extras: dict = {}
        full = check_plan(Job(rel), ctx, extras)
        focuses = [frozenset({p}) for p in lessons] + ([frozenset(lessons[:3])] if len(lessons) > 1 else [])
        for focus in focuses:
            assert focus_view(full, extras, focus, ctx) == check_plan(Job(rel, focus), ctx), (rel, sorted(focus))
            compared += 1
    return compared


def test_the_example_course():
    assert _compare(REPO / "fixtures" / "example-course") > 0


@pytest.mark.parametrize("case", CASES)
def test_real_courses(corpus_dir, case):
    root = corpus_dir / case
    if not (root / ".planning").is_dir():
        pytest.skip(f"{case}: not in this corpus")
    assert _compare(root, limit=25) > 0


def test_a_folder_artifact_names_every_file_under_it(tmp_path):
    """pre-commit on a lesson in a folder that an artifact names gets that artifact's findings on the lesson,
    as the full run reports them (before: the focused run left folder artifacts out)."""
    plan = tmp_path / ".planning" / "phases" / "01-a" / "01-01-PLAN.md"
    plan.parent.mkdir(parents=True)
    plan.write_text("---\nphase: 01-a\nplan: 01\nmust_haves:\n  artifacts:\n    - path: src/lessons/\n"
                    "      not_contains: \"TODO\"\n---\n", encoding="utf-8")
    (tmp_path / "src" / "lessons").mkdir(parents=True)
    (tmp_path / "src" / "lessons" / "a.mdx").write_text("# A\n\nDone.\n", encoding="utf-8")
    (tmp_path / "src" / "lessons" / "b.mdx").write_text("# B\n\nTODO: write it.\n", encoding="utf-8")
    settings, _ = load_settings(tmp_path, [], isolated=True)
    ctx = RunContext.create(settings)
    rel = ".planning/phases/01-a/01-01-PLAN.md"
    extras: dict = {}
    full = check_plan(Job(rel), ctx, extras)
    on_b = [d for d in full.diagnostics if d.path == "src/lessons/b.mdx"]
    assert on_b and on_b[0].code.startswith("ART")
    focused = check_plan(Job(rel, frozenset({"src/lessons/b.mdx"})), ctx)
    assert list(focused.diagnostics) == on_b and focused.lessons == ("src/lessons/b.mdx",)
    assert focus_view(full, extras, frozenset({"src/lessons/b.mdx"}), ctx) == focused
