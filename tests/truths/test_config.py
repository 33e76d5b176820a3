"""A course extends the glossary by configuration alone: `glossaries` in lessonlint.toml."""
from __future__ import annotations

import json

from lessonlint.__main__ import main

from .project import make_project

PACK = r"""pack: house
description: Terms of one course's own framework.
terms:
  - id: graph-builder
    expect: "`GraphBuilder(`"
    phrases: ['\bgraph\s+builders?\b']
    evidence: ['\bGraphBuilder\s*\(']
    cases:
      - truth: "Reader can use the graph builder"
        lesson: "```python\ng = GraphBuilder()\n```\n"
        status: passed
"""


def _truth(capsys, root):
    code = main(["check", "--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    return code, data["plans"][0]["truths"][0]


def test_a_configured_pack_judges_a_phrase_the_builtin_packs_do_not_know(tmp_path, capsys):
    make_project(tmp_path, ["Reader can use the graph builder"], {"docs/a.md": "```python\ng = GraphBuilder()\n```\n"})
    _, before = _truth(capsys, tmp_path)
    assert before["status"] == "needs_review"
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "house.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "lessonlint.toml").write_text('glossaries = ["terms"]\n', encoding="utf-8")
    _, after = _truth(capsys, tmp_path)
    assert after["status"] == "passed"
    (claim,) = after["claims"]
    assert claim["kind"] == "glossary" and "house/graph-builder" in claim["sources"]
    assert claim["evidence"][0] == {"path": "docs/a.md", "line": 2, "end_line": None, "column": 5}


def test_a_bad_configured_pack_exits_2_naming_its_line(tmp_path, capsys):
    make_project(tmp_path, ["Reader can use the graph builder"], {"docs/a.md": "# A\n"})
    (tmp_path / "house.yaml").write_text(PACK.replace("expect:", "expectation:"), encoding="utf-8")
    (tmp_path / "lessonlint.toml").write_text('glossaries = ["house.yaml"]\n', encoding="utf-8")
    code = main(["check", "--root", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "house.yaml:5: unknown key 'expectation'" in err
