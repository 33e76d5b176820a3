"""Glossary packs: validated at load (file:line errors, exit 2), and every term's own cases hold."""
from __future__ import annotations

from pathlib import Path

import pytest

from lessonlint.__main__ import main
from lessonlint.truths.glossary import GlossaryError
from lessonlint.truths.packs import load_glossary, load_pack, pack_files

from .project import judge, make_project

BUILTIN = load_glossary()


def _bad_pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_TERM = "  - id: t\n    phrases: ['x']\n    evidence: ['y']\n"


@pytest.mark.parametrize("text, line, words", [
    ("pack: p\nterms:\n" + GOOD_TERM + "    colour: red\n", 6, "unknown key 'colour'"),
    ("pack: p\nterms:\n  - id: t\n    phrases: ['(unclosed']\n    evidence: ['y']\n", 4, "bad regex"),
    ("pack: p\nterms:\n  - id: t\n    phrases: ['x']\n    evidence:\n      - {pattern: 'y', in: everywhere}\n", 6,
     "`in` is one of"),
    ("pack: p\nterms:\n  - id: t\n    phrases: ['x']\n", 3, "missing the required key 'evidence'"),
    ("pack: P Q\nterms: []\n", 1, "pack id"),
    ("pack: p\nwhen: ['[']\nterms: []\n", 2, "bad regex"),
    ("pack: p\nterms:\n" + GOOD_TERM + "    cases:\n      - {truth: a, lesson: b, status: fine}\n", 7,
     "case status"),
    ("pack: p\nterms: [\n", 3, "not valid YAML"),
])
def test_bad_packs_name_file_and_line(tmp_path, text, line, words):
    path = _bad_pack(tmp_path, text)
    with pytest.raises(GlossaryError) as caught:
        load_pack(path)
    assert caught.value.line == line
    assert words in caught.value.message
    assert caught.value.format_message().startswith(f"{caught.value.path}:{line}: ")


def test_duplicate_term_ids_across_packs(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("pack: same\nterms:\n" + GOOD_TERM, encoding="utf-8")
    with pytest.raises(GlossaryError, match="already defined"):
        load_glossary((str(tmp_path),))


def test_configured_packs_come_first_and_missing_ones_are_errors(tmp_path):
    (tmp_path / "mine.yaml").write_text("pack: mine\nterms:\n" + GOOD_TERM, encoding="utf-8")
    files = pack_files((str(tmp_path / "mine.yaml"),))
    assert files[0].name == "mine.yaml" and len(files) > 1
    with pytest.raises(GlossaryError, match="not found"):
        pack_files(("nowhere.yaml",), tmp_path)


def test_cli_exits_2_on_a_bad_configured_pack(tmp_path, capsys, monkeypatch):
    make_project(tmp_path, ["Student can use X"], {"lessons/a.mdx": "# A\n"})
    bad = _bad_pack(tmp_path, "pack: p\nterms:\n  - id: t\n    phrases: ['(']\n    evidence: ['y']\n")
    from lessonlint.truths import judge as judge_module

    monkeypatch.setattr(judge_module, "glossary_for", lambda run: load_glossary((str(bad),)))
    code = main(["check", "--root", str(tmp_path), "--format", "concise"])
    err = capsys.readouterr().err
    assert code == 2
    assert "bad.yaml:4:" in err and "bad regex" in err and "Traceback" not in err


def test_builtin_packs_are_valid_and_every_term_is_tested():
    assert len(BUILTIN.terms) >= 100
    ids = [t.id for t in BUILTIN.terms]
    assert len(ids) == len(set(ids))
    for term in BUILTIN.terms:
        assert any(case["status"] == "passed" for case in term.cases), f"{term.id} has no passing case"
        assert term.expect, f"{term.id} says nothing about what evidence looks like"


PACK_DESCRIPTIONS = []
for _path in pack_files():
    import yaml

    _data = yaml.safe_load(_path.read_text(encoding="utf-8"))
    PACK_DESCRIPTIONS.append((_data["pack"], _data.get("description", "")))

CASES = [(term, case) for term in BUILTIN.terms for case in term.cases]


@pytest.mark.parametrize("term, case", CASES, ids=[f"{t.id}:{c['_line']}" for t, c in CASES])
def test_pack_cases(term, case, tmp_path):
    name = "lessons/a.mdx" if "lang" not in case else f"lessons/a.{case['lang']}"
    # the plan talks about the pack's domain (its description), so a pack's `when` lets it apply
    description = next(d for d in PACK_DESCRIPTIONS if term.id.startswith(d[0] + "/"))[1]
    make_project(tmp_path, [case["truth"]], {name: case["lesson"]}, context=description)
    plan, _ = judge(tmp_path)
    truth = plan.truths[0]
    judged = [c for c in truth.claims if c.kind == "glossary"]
    assert judged, f"no glossary claim in {case['truth']!r}: {[(c.kind, c.text) for c in truth.claims]}"
    # the case is about this term: its claim decides, whatever the other claims of the sentence say
    mine = [c for c in judged if term.id in c.sources or any(term.id in s for s in c.sources)] or judged
    statuses = {c.status.value for c in mine}
    assert case["status"] in statuses, f"{term.id}: {[(c.text, c.status.value, c.reason) for c in judged]}"
