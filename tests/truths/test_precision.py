"""Truths that files cannot decide, or decide only in part (issue 10): learner outcomes, runtime and browser
claims, asides that say what is gone, what a page shows, "each file" truths, planning records."""
from __future__ import annotations

import pytest

from lessonlint.diagnostic import Status
from lessonlint.truths.claims import outcome

from .project import judge, make_project

CODE = "```sql\nSELECT id, ROW_NUMBER() OVER (PARTITION BY c ORDER BY id) FROM t\n```\n"


@pytest.mark.parametrize("text, kind", [
    ("Student can explain why offsets matter", "human"),
    ("Learner understands the difference between A and B", "human"),
    ("Reader can open docs/graph.md and understand what a graph is", "human"),
    ("User can navigate to the settings page", "browser"),
    ("Student can configure watermarks for late data", "practical"),
    ("A reader can open docs/index.md and see all 10 recipes listed", "practical"),
    ("User can see the outbox diagram", None),
    ("Users list is sorted by name", None),
])
def test_what_a_truth_about_a_person_asks(text, kind):
    assert outcome(text) == kind


def test_learner_outcomes_and_runtime_claims_need_review(tmp_path):
    make_project(tmp_path, ["Student can explain `ROW_NUMBER()`", "The query runs end-to-end against the database",
                            "Student can number rows with `ROW_NUMBER()`"], {"lessons/a.mdx": CODE})
    plan, result = judge(tmp_path)
    assert [t.status for t in plan.truths] == [Status.NEEDS_REVIEW, Status.NEEDS_REVIEW, Status.PASSED]
    assert "learner outcome" in plan.truths[0].reason and plan.truths[0].evidence  # what the files show is kept
    assert not [d for d in result.diagnostics if d.code.startswith("TRU")]


def test_a_practical_outcome_passes_on_the_thing_not_on_a_word(tmp_path):
    make_project(tmp_path, ["Student can mask PII in events"], {"lessons/a.mdx": "PII must not leak.\n"})
    plan, _ = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW and "words of it" in plan.truths[0].reason


def test_an_aside_names_what_must_be_gone(tmp_path):
    make_project(tmp_path, ["The guide uses `meshc` as the binary (not `mesh-old`)",
                            "'trait keyword' text is corrected to 'interface keyword'"],
                 {"lessons/a.md": "Run `meshc build`. Use the `interface` keyword.\n"})
    plan, _ = judge(tmp_path)
    assert [t.status for t in plan.truths] == [Status.PASSED, Status.PASSED], [t.reason for t in plan.truths]
    make_project(tmp_path, ["The guide uses `meshc` as the binary (not `mesh-old`)"],
                 {"lessons/a.md": "Run `meshc build`, not `mesh-old build`.\n"})
    plan, result = judge(tmp_path)
    # an aside qualifies the sentence: where it applies is not written, so a hit needs review, not a failure
    assert plan.truths[0].status is Status.NEEDS_REVIEW and not result.diagnostics


def test_what_a_page_shows_may_be_computed(tmp_path):
    make_project(tmp_path, ["The badge shows `v7.0`"], {"src/Hero.vue": "<span>v{{ version }}</span>\n"})
    plan, result = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW and not [d for d in result.diagnostics if d.code == "TRU001"]


def test_each_file_truth_needs_every_file(tmp_path):
    files = {"m/a.mdx": "import { DiagramX } from '../diagrams/m5';\n", "m/b.mdx": "# B\n"}
    make_project(tmp_path, ["All 2 MDX files import `DiagramX`"], files)
    plan, _ = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW and "m/b.mdx" in plan.truths[0].reason


def test_planning_records_are_not_the_plans_output(tmp_path):
    make_project(tmp_path, ["The gap is recorded in STATE.md"], {"lessons/a.md": "# A\n"})
    plan, result = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW and not result.diagnostics


def test_a_truth_about_files_the_plan_does_not_have(tmp_path):
    make_project(tmp_path, ["All 3 MDX files import `DiagramX`"], {"src/d/DiagramX.tsx": "export const DiagramX = 1;\n"})
    plan, _ = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW and "MDX" in plan.truths[0].reason


@pytest.mark.parametrize("text", [
    "Maintainer can run `bun run refresh:queue` and receive the queue",
    "Existing `queue.json` outputs preserve their current behavior",
    "Any remaining candidate has `readiness: defer`",
])
def test_more_truths_no_file_decides(tmp_path, text):
    make_project(tmp_path, [text], {"queue.json": "{\"readiness\": \"defer\"}\n", "lessons/a.md": "bun run refresh:queue\n"})
    plan, _ = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW, plan.truths[0].reason
