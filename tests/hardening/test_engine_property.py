"""Property test of the whole engine: a temp project from generated and mutated plans and lessons is
checked in-process and rendered in every format; no internal error, every position inside its file."""
from __future__ import annotations

import json
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .invariants import assert_diagnostic, assert_inside
from .project import check, projects, render_all, write
from .strategies import LESSON_PIECES, PLAN_PIECES, corpus_cases, fuzz_settings, mutate, no_hang


def _line_count(ctx, path: str) -> int:
    source = ctx.read(path)
    return getattr(source, "line_count", 0)


@fuzz_settings(150)
@given(projects())
def test_property_engine(files):
    with tempfile.TemporaryDirectory() as tmp, no_hang():
        root = write(Path(tmp), files)
        result, ctx = check(root)
        _assert_result(result, ctx)


def _assert_result(result, ctx) -> None:
    """No internal error; every diagnostic, item and evidence inside its file; every format renders."""
    assert result.errors == (), result.errors
    for d in result.diagnostics:
        assert_diagnostic(d, _line_count(ctx, d.path))
        if d.plan_line is not None:
            assert_inside(d.plan_line, None, _line_count(ctx, d.plan or d.path), d)
    for plan in result.plans:
        plan_lines = _line_count(ctx, plan.path)
        items = (*plan.truths, *plan.artifacts, *plan.key_links, *plan.checklist)
        for item in items:
            assert_inside(item.line, None, plan_lines, item)
        evidence = [e for item in items for e in getattr(item, "evidence", ())]
        evidence += [e for link in plan.key_links for e in link.matches]
        evidence += [e for item in items for check in getattr(item, "checks", ()) for e in check.evidence]
        evidence += [e for truth in plan.truths for claim in truth.claims for e in claim.evidence]
        for e in evidence:
            assert_inside(e.line, e.column, _line_count(ctx, e.path), e)
            assert e.end_line is None or e.line <= e.end_line <= max(_line_count(ctx, e.path), 1), e
    outputs = render_all(result, ctx)
    assert all(isinstance(text, str) for text in outputs.values())
    json.loads(outputs["json"]), json.loads(outputs["sarif"])
    ET.fromstring(outputs["junit"])  # well-formed XML whatever the plan holds
    assert len(outputs["concise"].splitlines()) == len(result.diagnostics)  # one line per diagnostic


@fuzz_settings(40)
@given(st.data())
def test_property_engine_on_mutated_corpus_cases(data):
    """A real corpus case (plan, lessons, schema) with its plan and one of its files mutated."""
    cases = corpus_cases()
    if not cases:
        pytest.skip("../shared/corpus is absent")
    case = data.draw(st.sampled_from(cases), label="case")
    with tempfile.TemporaryDirectory() as tmp, no_hang():
        root = Path(tmp) / "case"
        shutil.copytree(case, root, symlinks=True)
        texts = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".mdx", ".ts"))
        plans = [p for p in texts if p.name.endswith("PLAN.md")]
        others = [p for p in texts if p not in plans]
        for path in [data.draw(st.sampled_from(plans))] + ([data.draw(st.sampled_from(others))] if others else []):
            pieces = PLAN_PIECES if path in plans else LESSON_PIECES
            text = path.read_bytes().decode("utf-8", errors="replace")
            path.write_text(mutate(data.draw, text, pieces), encoding="utf-8", newline="")
        result, ctx = check(root)
        _assert_result(result, ctx)
