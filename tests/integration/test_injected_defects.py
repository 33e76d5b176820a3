"""Defects injected into copies of real lessons (and of the example course) are reported at the right place."""
from __future__ import annotations

import shutil

import pytest

from lessonlint.__main__ import main

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "example-course"
from .helpers import check

SEED = "debezium-course/cases/09-02"
PLAN = ".planning/phases/09-module-5-data-engineering/09-02-PLAN.md"
L03 = "src/content/course/05-module-5/03-pyflink-cdc-connector.mdx"
L04 = "src/content/course/05-module-5/04-pyflink-stateful-processing.mdx"


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _codes(result, code):
    return [(d.path, d.line) for d in result.diagnostics if d.code == code]


def _exit(root) -> int:
    return main(["check", "--root", str(root), "--format", "concise"])


def test_removed_contains_term_is_reported_at_the_near_miss(corpus_case, capsys):
    root = corpus_case(SEED)
    lesson = root / L03
    text = lesson.read_text(encoding="utf-8").replace("TableEnvironment", "Table Environment")
    lesson.write_text(text, encoding="utf-8")
    result, _ = check(root)
    assert _codes(result, "ART004") == [(L03, _line_of(text, "Table Environment"))]
    assert _exit(root) == 1


def test_lesson_cut_below_min_lines(corpus_case):
    root = corpus_case(SEED)
    lesson = root / L04
    lines = lesson.read_text(encoding="utf-8").splitlines(keepends=True)
    lesson.write_text("".join(lines[:100]), encoding="utf-8")
    result, _ = check(root)
    assert _codes(result, "ART003") == [(L04, 100)]
    assert _exit(root) == 1


def test_key_link_target_removed(corpus_case):
    root = corpus_case(SEED)
    lesson = root / L04
    kept = [line for line in lesson.read_text(encoding="utf-8").splitlines(keepends=True) if "WATERMARK" not in line]
    lesson.write_text("".join(kept), encoding="utf-8")
    result, _ = check(root)
    assert [path for path, _ in _codes(result, "LNK001")] == [L04]
    plan = result.plans[0]
    assert [k.status.value for k in plan.key_links] == ["passed", "failed"]


def test_lesson_deleted(corpus_case):
    root = corpus_case(SEED)
    plan_text = (root / PLAN).read_text(encoding="utf-8")
    (root / L03).unlink()
    result, _ = check(root)
    assert _codes(result, "ART001") == [(PLAN, _line_of(plan_text, f'path: "{L03}"'))]
    assert _codes(result, "LNK002") == [(PLAN, _line_of(plan_text, 'from: "03-pyflink-cdc-connector.mdx"'))]
    assert _exit(root) == 1


def test_untouched_seed_copy_has_no_must_have_errors(corpus_case):
    result, _ = check(corpus_case(SEED))
    assert not [d for d in result.diagnostics if d.code[:3] in ("ART", "LNK")]


@pytest.fixture
def example(tmp_path):
    target = tmp_path / "course"
    shutil.copytree(EXAMPLE, target)
    return target


def test_example_course_defects_are_found(example):
    result, _ = check(example)
    found = sorted((d.code, d.path, d.line) for d in result.diagnostics)
    lesson = "src/content/course/02-module-2/01-window-functions.mdx"
    assert ("ART003", lesson, 38) in found
    assert ("ART004", lesson, 30) in found  # `partition by` near miss
    assert ("LNK001", lesson, 34) in found  # RANK() OVER is the closest line
    assert ("MDX001", lesson, 14) in found
    assert ("ART001", ".planning/phases/02-window-functions/02-01-PLAN.md", 21) in found
    assert not [d for d in result.diagnostics if d.path.startswith("src/content/course/01-module-1")]


def test_fixing_the_example_makes_it_clean(example):
    lesson = example / "src/content/course/02-module-2/01-window-functions.mdx"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("fewer than <3 rows", "fewer than three rows").replace("partition by", "PARTITION BY")
    text = text.replace("RANK() OVER", "ROW_NUMBER() OVER") + "\n" * 90
    lesson.write_text(text, encoding="utf-8")
    plan = example / ".planning/phases/02-window-functions/02-01-PLAN.md"
    plan.write_text(plan.read_text().replace("02-module-2/02-ranking", "03-module-3/02-ranking")
                    .replace("Both lesson files exist in src/content/course/02-module-2/", "Both lesson files exist"))
    ranking = example / "src/content/course/03-module-3/02-ranking.mdx"
    ranking.write_text(ranking.read_text() + "\nMore explanation.\n" * 12)  # its min_lines shows once it is found
    result, _ = check(example)
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    assert _exit(example) == 0
