"""Every fixable code's before/after cases (tests/fix/cases/<CODE>.yaml), run through `check --fix`.

A case without an expected text must stay as it is (the repair would not be certain, or needs --unsafe-fixes).
After the fix, a second `--fix` changes nothing and the code no longer offers an applicable fix in the file.
"""
from __future__ import annotations

import pytest

from lessonlint.registry.fixes import FIXES

from .helpers import check_args, diagnostics, load_cases, read_tree, run, write_tree

CASES = load_cases()


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[i for i, _ in CASES])
def test_fix_case(case, tmp_path, capsys):
    root = tmp_path / "course"
    write_tree(root, case["files"])
    before = read_tree(root)
    offered = [d for d in diagnostics(capsys, root, case) if d["code"] == case["code"]]
    assert offered, f"{case['code']} is not reported by this case"
    code, _, err = run(capsys, *check_args(root, case), "--fix")
    assert code in (0, 1), err
    after = read_tree(root)
    expect = {rel: text.encode("utf-8") for rel, text in case.get("expect", {}).items()}
    assert {rel: after[rel] for rel in expect} == expect
    assert {rel: data for rel, data in after.items() if rel not in expect} == \
        {rel: data for rel, data in before.items() if rel not in expect}
    run(capsys, *check_args(root, case), "--fix")
    assert read_tree(root) == after, "a second --fix changed the files again"
    if expect:
        wanted = {"safe", "unsafe"} if case.get("unsafe") else {"safe"}
        left = [d for d in diagnostics(capsys, root, case)
                if d["code"] == case["code"] and d["fix"] and d["fix"]["applicability"] in wanted]
        assert left == [], "the fixed file still offers the fix"


def test_every_fixable_code_has_cases_that_fix_and_cases_that_do_not():
    by_code: dict[str, list[dict]] = {}
    for _, case in CASES:
        by_code.setdefault(case["code"], []).append(case)
    assert set(by_code) == set(FIXES)
    for code, cases in by_code.items():
        assert any(c.get("expect") for c in cases), f"{code}: no case that fixes"
