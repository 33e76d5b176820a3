"""Property test of the whole engine: a temp project from generated and mutated plans and lessons is
checked in-process and rendered in every format; no internal error, every position inside its file."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given

from .invariants import assert_diagnostic, assert_inside
from .project import check, projects, render_all, write
from .strategies import fuzz_settings, no_hang


def _line_count(ctx, path: str) -> int:
    source = ctx.read(path)
    return getattr(source, "line_count", 0)


@fuzz_settings(150)
@given(projects())
def test_property_engine(files):
    with tempfile.TemporaryDirectory() as tmp, no_hang():
        root = write(Path(tmp), files)
        result, ctx = check(root)
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
            for e in evidence:
                assert_inside(e.line, e.column, _line_count(ctx, e.path), e)
                assert e.end_line is None or e.line <= e.end_line <= max(_line_count(ctx, e.path), 1), e
        outputs = render_all(result, ctx)
        assert all(isinstance(text, str) for text in outputs.values())
