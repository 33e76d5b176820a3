"""Every registered code has a complete doc, and `lessonlint rule` prints it."""
from __future__ import annotations

import json

import pytest

from lessonlint.registry.codes import CATEGORIES, RULES, doc_url
from lessonlint.registry.docs import SECTIONS, doc_problems, docs_dir, load_doc


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_a_complete_doc(code):
    problems = doc_problems(code)
    assert not problems, (f"{code}: " + "; ".join(problems) + " — see rules/docs/ART003.md for the shape: "
                          "'# <name> (<CODE>)', then " + ", ".join(f"'## {s}'" for s in SECTIONS)
                          + " with '### Failing' and '### Passing' under Example")


def test_no_doc_without_a_rule_and_every_category_is_known():
    orphans = sorted(p.stem for p in docs_dir().glob("*.md") if p.stem not in RULES)
    assert orphans == []
    assert {code.rstrip("0123456789") for code in RULES} <= set(CATEGORIES)


def test_completeness_check_catches_a_missing_part(tmp_path, monkeypatch):
    import lessonlint.registry.docs as docs

    (tmp_path / "docs").mkdir()
    text = (docs_dir() / "ART003.md").read_text(encoding="utf-8")
    (tmp_path / "docs" / "ART003.md").write_text(text.replace("### Passing", "### Otherwise"), encoding="utf-8")
    monkeypatch.setattr(docs, "rules_root", lambda: tmp_path)
    assert doc_problems("ART003") == ["'### Passing' under '## Example' is missing or empty"]
    assert doc_problems("ART004") == [f"{tmp_path / 'docs' / 'ART004.md'} is missing"]


def test_rule_prints_the_doc_by_code_or_name(cli):
    code, out, _ = cli("rule", "ART003")
    assert code == 0
    assert out.startswith("# artifact-too-short (ART003)\n")
    for section in SECTIONS:
        assert f"## {section}" in out
    assert doc_url("ART003") in out and "default severity: error" in out
    assert cli("rule", "artifact-too-short")[1] == out


def test_rule_all_as_json(cli):
    code, out, _ = cli("rule", "--all", "--format", "json")
    data = json.loads(out)
    assert [d["code"] for d in data] == list(RULES)
    one = next(d for d in data if d["code"] == "MDX007")
    assert one["name"] == "mdx-html-comment" and one["explanation"] == load_doc("MDX007").body
    assert one["url"] == doc_url("MDX007")


@pytest.mark.parametrize("args, words", [
    (["rule", "ART03"], "did you mean ART003"),
    (["rule", "artifact-to-short"], "did you mean artifact-too-short"),
    (["rule"], "name one or more rules, or give --all"),
])
def test_rule_usage_errors(cli, args, words):
    code, out, err = cli(*args)
    assert code == 2 and words in err
