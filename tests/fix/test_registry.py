"""The table of fixable codes (registry/fixes.py) is what the rule docs and `lessonlint rule` say."""
from __future__ import annotations

import json

import pytest

from lessonlint.registry.codes import RULES
from lessonlint.registry.docs import load_doc
from lessonlint.registry.fixes import FIXES

from .helpers import run


@pytest.mark.parametrize("code", sorted(FIXES))
def test_the_doc_of_a_fixable_code_says_how_fix_repairs_it(code):
    assert code in RULES
    how = load_doc(code).sections["How to fix"]
    assert "lessonlint check --fix" in how
    assert ("--unsafe-fixes" in how) == (FIXES[code].applicability.value == "unsafe")


def test_rule_prints_the_fix_line(capsys):
    code, out, _ = run(capsys, "rule", "MDX001")
    assert code == 0 and "Fix (safe): `--fix` writes the `<` that starts no tag as `&lt;`." in out
    assert "Fix (" not in run(capsys, "rule", "ART003")[1]
    data = json.loads(run(capsys, "rule", "ART001", "--format", "json")[1])
    assert data["fix"]["applicability"] == "unsafe"
