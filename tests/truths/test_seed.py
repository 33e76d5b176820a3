"""The seed case (debezium-course 09-02): every truth verified with lesson lines; removing a concept fails
exactly the truth that needs it, naming the missing claim."""
from __future__ import annotations

import regex
import pytest

from lessonlint.diagnostic import Status
from lessonlint.render.json_format import to_data

from .project import judge

SEED = "debezium-course/cases/09-02"
LESSONS = "src/content/course/05-module-5/"
STATEFUL = LESSONS + "04-pyflink-stateful-processing.mdx"


@pytest.fixture
def seed(corpus_case):
    return corpus_case(SEED)


def test_all_six_truths_verified_with_lesson_evidence(seed):
    plan, result = judge(seed)
    assert len(plan.truths) == 6
    for truth in plan.truths:
        assert truth.status is Status.PASSED, (truth.text, truth.reason)
        assert truth.evidence and all(e.path.startswith(LESSONS) and e.line > 1 for e in truth.evidence)
        assert all(c.status is Status.PASSED and c.evidence for c in truth.claims)
    data = to_data(result)["plans"][0]["truths"]
    assert all(entry["evidence"] and entry["claims"] for entry in data)
    windows = plan.truths[3]
    assert [c.text for c in windows.claims] == ["tumbling windows", "sliding windows", "session windows"]
    lines = seed.joinpath(STATEFUL).read_text(encoding="utf-8").splitlines()
    for claim, word in zip(windows.claims, ("TUMBLE", "HOP", "SESSION")):
        assert all(word in lines[e.line - 1] for e in claim.evidence if e.path == STATEFUL)


def _remove(seed, pattern: str) -> None:
    path = seed / STATEFUL
    kept = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if not regex.search(pattern, line)]
    path.write_text("".join(kept), encoding="utf-8")


@pytest.mark.parametrize("pattern, index, claim", [
    (r"\bHOP", 3, "sliding windows"),
    (r"FOR SYSTEM_TIME AS OF", 5, "temporal joins"),
    (r"\bSESSION", 3, "session windows"),
    (r"WATERMARK", 4, "watermarks"),
])
def test_removing_a_concept_fails_exactly_its_truth(seed, pattern, index, claim):
    """A glossary pattern is heuristic evidence (a course may teach the concept another way): its absence
    needs review, naming the claim; under --strict it fails the truth, and only that truth."""
    _remove(seed, pattern)
    plan, result = judge(seed)
    assert [t.status for t in plan.truths] == [Status.NEEDS_REVIEW if k == index else Status.PASSED
                                               for k in range(6)], [(t.text, t.reason) for t in plan.truths]
    assert f"`{claim}`" in plan.truths[index].reason and plan.truths[index].basis == "heuristic"
    assert not [d for d in result.diagnostics if d.code == "TRU001"]
    plan, result = judge(seed, strict=True)
    statuses = [t.status for t in plan.truths]
    assert statuses == [Status.FAILED if k == index else Status.PASSED for k in range(6)], \
        [(t.text, t.reason) for t in plan.truths]
    failed = plan.truths[index]
    assert f"`{claim}`" in failed.reason
    tru = [d for d in result.diagnostics if d.code == "TRU001"]
    assert [(d.line, claim in d.message) for d in tru] == [(failed.line, True)]
    assert STATEFUL in tru[0].hint
