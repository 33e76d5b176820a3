"""The replica layout: one root, every copy's plans pointing at that copy's renamed files."""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from benchmarks import replica  # noqa: E402

FIXTURE = REPO / "benchmarks" / "fixture"


def test_renamed_keeps_the_extension():
    assert replica.renamed("01-intro.mdx", "c07") == "01-intro-c07.mdx"
    assert replica.renamed("Dockerfile", "c07") == "Dockerfile-c07"


def test_build_rewrites_plan_paths_to_their_copy(tmp_path):
    stats = replica.build(FIXTURE, tmp_path, 2)
    assert (stats.plans, stats.lessons) == (2, 4)
    plan = (tmp_path / ".planning/c02/phases/01-basics/01-01-PLAN.md").read_text()
    assert 'path: "c02/src/content/course/01-basics/01-hello-c02.mdx"' in plan
    assert 'from: "02-loops-c02.mdx"' in plan
    assert "c01" not in plan
    assert (tmp_path / "c02/src/content/course/01-basics/01-hello-c02.mdx").read_bytes() == \
        (FIXTURE / "src/content/course/01-basics/01-hello.mdx").read_bytes()


def test_rewriter_leaves_other_paths_and_longer_names_alone():
    rewrite = replica._rewriter("c03", {"config.ts"}, ["src"])
    text = "src/content/config.ts, docs/src/x, my-config.ts, foo.config.ts, see config.ts. and .planning/STATE.md"
    assert rewrite(text) == ("c03/src/content/config-c03.ts, docs/src/x, my-config.ts, foo.config.ts, "
                             "see config-c03.ts. and .planning/c03/STATE.md")


def test_fidelity_flags_counts_that_are_not_multiples():
    head = {"summary": {"plans": 1, "errors": 2}, "diagnostics": [{"code": "ART004"}]}
    good = {"summary": {"plans": 3, "errors": 6}, "diagnostics": [{"code": "ART004"}] * 3}
    bad = {"summary": {"plans": 3, "errors": 5}, "diagnostics": [{"code": "ART004"}] * 3 + [{"code": "LNK001"}]}
    assert replica.fidelity(head, good, 3)["exact"] is True
    result = replica.fidelity(head, bad, 3)
    assert result["exact"] is False
    assert result["counts"]["code.LNK001"] == {"original": 0, "replica": 1, "expected": 0}
