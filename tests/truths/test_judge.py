"""Truth verdicts end to end: evidence lines, TRU diagnostics at the truth's plan line, reuse of plan items."""
from __future__ import annotations

import json

from lessonlint.diagnostic import Status
from lessonlint.render.json_format import to_data

from .project import judge, make_project

FLINK = "Flink SQL lessons"
LESSON = """---
title: Windows
---

# Окна

```sql
SELECT COUNT(*) FROM t GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)
```

```sql
SELECT COUNT(*) FROM t GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)
```
"""


def test_verified_truth_carries_evidence_lines(tmp_path):
    make_project(tmp_path, ["Student can implement tumbling and sliding windows", "Student can use TUMBLE"],
                 {"lessons/w.mdx": LESSON}, context=FLINK)
    plan, _ = judge(tmp_path)
    first = plan.truths[0]
    assert first.status is Status.PASSED
    assert [c.text for c in first.claims] == ["tumbling windows", "sliding windows"]
    assert [(e.path, e.line) for e in first.evidence] == [("lessons/w.mdx", 8), ("lessons/w.mdx", 12)]
    second = plan.truths[1]
    assert second.status is Status.PASSED
    assert [(e.path, e.line) for e in second.evidence][:1] == [("lessons/w.mdx", 8)]


def test_missing_concept_fails_with_a_diagnostic_on_the_truth_line(tmp_path):
    make_project(tmp_path, ["Student can implement tumbling, sliding, and session windows"],
                 {"lessons/w.mdx": LESSON}, context=FLINK)
    plan, result = judge(tmp_path)  # a glossary pattern is heuristic evidence: its absence needs review
    assert plan.truths[0].status is Status.NEEDS_REVIEW and "SESSION(" in plan.truths[0].reason
    assert not [d for d in result.diagnostics if d.code == "TRU001"]
    plan, result = judge(tmp_path, strict=True)
    truth = plan.truths[0]
    assert truth.status is Status.FAILED
    assert [c.status for c in truth.claims] == [Status.PASSED, Status.PASSED, Status.FAILED]
    assert "session windows" in truth.reason and "SESSION(" in truth.reason
    (diag,) = [d for d in result.diagnostics if d.code == "TRU001"]
    assert (diag.path, diag.line) == (plan.path, truth.line)
    assert "lessons/w.mdx" in diag.hint and "SESSION(" in diag.hint


def test_prose_mention_is_not_code_evidence(tmp_path):
    lesson = "# Session windows\n\nA `SESSION(ts, INTERVAL '5' MINUTE)` window closes after a gap.\n"
    make_project(tmp_path, ["Student can implement session windows"], {"lessons/w.mdx": lesson}, context=FLINK)
    plan, _ = judge(tmp_path)
    (claim,) = plan.truths[0].claims
    assert claim.status is Status.FAILED
    assert "only in prose" in claim.reason and "lessons/w.mdx:3" in claim.reason


def test_token_found_passes_and_missing_token_fails(tmp_path):
    make_project(tmp_path, ["Student can create a TableEnvironment", "Student can call execute_insert()",
                            "Student can call `execute_insert()`"],
                 {"lessons/a.mdx": "```python\nenv = TableEnvironment.create(s)\n```\n"})
    plan, _ = judge(tmp_path)
    # a code token in prose is lifted from the sentence (heuristic); in backticks it is literal (certain)
    assert [t.status for t in plan.truths] == [Status.PASSED, Status.NEEDS_REVIEW, Status.FAILED]
    assert [t.basis for t in plan.truths] == ["heuristic", "heuristic", "certain"]
    assert "execute_insert" in plan.truths[1].reason and "execute_insert" in plan.truths[2].reason


def test_nothing_checkable_needs_review(tmp_path):
    make_project(tmp_path, ["Student feels confident about the topic", "The topic is covered well"],
                 {"lessons/a.mdx": "# A\n"})
    plan, result = judge(tmp_path)
    truth = plan.truths[0]
    assert truth.status is Status.NEEDS_REVIEW
    assert "learner outcome" in truth.reason or "judgement" in truth.reason
    assert plan.truths[1].status is Status.NEEDS_REVIEW
    assert not [d for d in result.diagnostics if d.code.startswith("TRU")]


def test_plan_item_verdict_is_reused_for_a_phrase_claim(tmp_path):
    lesson = "# A\n\nState can grow without bound; configure a state TTL.\n"
    make_project(tmp_path, ["Student understands state size management"], {"lessons/a.mdx": lesson},
                 verify="- Contains state size management warning")
    plan, _ = judge(tmp_path)
    (claim,) = plan.truths[0].claims
    assert claim.kind == "phrase"
    verify = [c for c in plan.checklist if c.section == "verify"][0]
    if verify.status is Status.PASSED:
        assert claim.status is Status.PASSED and f"verify line {verify.line}" in claim.reason
    else:
        assert claim.status is not Status.PASSED


def test_found_only_outside_the_plan_needs_review_and_warns(tmp_path):
    make_project(tmp_path, ["Student can call build_graph()"], {"lessons/a.mdx": "# A\n"})
    (tmp_path / "lessons" / "other.mdx").write_text("```python\nbuild_graph()\n```\n", encoding="utf-8")
    plan, result = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW
    (diag,) = [d for d in result.diagnostics if d.code == "TRU002"]
    assert "lessons/other.mdx" in diag.message


def test_absence_truths(tmp_path):
    lesson = "# A\n\n<Mermaid chart={`graph TD`} />\n"
    make_project(tmp_path, ["No Mermaid diagrams remain in the lesson", "Lessons do not contain TODO markers"],
                 {"lessons/a.mdx": lesson}, context="Astro MDX components")
    plan, result = judge(tmp_path)
    # "Mermaid diagrams" is a glossary concept, not a literal: still there → review (fails under --strict)
    assert [t.status for t in plan.truths] == [Status.NEEDS_REVIEW, Status.PASSED]
    assert "lessons/a.mdx:3" in plan.truths[0].reason
    plan, result = judge(tmp_path, strict=True)
    assert [t.status for t in plan.truths] == [Status.FAILED, Status.PASSED]


def test_plan_without_readable_files_needs_review(tmp_path):
    make_project(tmp_path, ["Student can use TableEnvironment"], {})
    plan, _ = judge(tmp_path)
    assert plan.truths[0].status is Status.NEEDS_REVIEW


def test_json_truths_carry_claims(tmp_path):
    make_project(tmp_path, ["Student can create a TableEnvironment"],
                 {"lessons/a.mdx": "```python\nTableEnvironment.create(s)\n```\n"})
    _, result = judge(tmp_path)
    data = json.loads(json.dumps(to_data(result)))
    truth = data["plans"][0]["truths"][0]
    assert truth["evidence"][0]["path"] == "lessons/a.mdx" and truth["evidence"][0]["line"] == 2
    (claim,) = truth["claims"]
    assert claim["text"] == "TableEnvironment" and claim["kind"] == "token" and claim["status"] == "passed"
    assert claim["evidence"][0]["line"] == 2
