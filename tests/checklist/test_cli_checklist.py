"""`lessonlint checklist`: every item with status, rule and evidence, the coverage line, --unmapped."""
from __future__ import annotations

import re

from lessonlint.__main__ import main

from .project import build


def test_report_and_coverage_line(tmp_path, capsys):
    build(tmp_path, {"item": "File exists at lessons/a.mdx", "after": ["Contains TUMBLE", "Wibble wobble"],
                     "files": {"lessons/a.mdx": "```sql\nSELECT TUMBLE(ts) FROM t\n```\n"}})
    code = main(["checklist", "--root", str(tmp_path), "--isolated"])
    out = capsys.readouterr().out
    assert code == 0
    assert "✓ passed" in out and "core/file-exists-at" in out and "lessons/a.mdx:2" in out
    assert re.search(r"^items: 3 · judged 2 \(67%\) · needs-review 1$", out, re.M)
    assert "file-checkable 3, judged 2 (67%)" in out


def test_failed_item_exits_1(tmp_path, capsys):
    build(tmp_path, {"item": "Contains `HOP(`", "files": {"lessons/a.mdx": "# A\n"}})
    assert main(["checklist", "--root", str(tmp_path), "--isolated"]) == 1
    assert "✗ failed" in capsys.readouterr().out


def test_a_heuristic_miss_fails_only_with_strict(tmp_path, capsys):
    """"Contains HOP" names a word, not a literal: its absence needs review, and fails under --strict."""
    build(tmp_path, {"item": "Contains HOP", "files": {"lessons/a.mdx": "# A\n"}})
    assert main(["checklist", "--root", str(tmp_path), "--isolated"]) == 0
    out = capsys.readouterr().out
    assert "needs_review" in out and "--strict fails it" in out
    assert main(["checklist", "--root", str(tmp_path), "--isolated", "--strict"]) == 1
    assert "✗ failed" in capsys.readouterr().out


def test_unmapped_groups_phrasings(tmp_path, capsys):
    build(tmp_path, {"item": "Wibble 3 wobbles", "after": ["Wibble 5 wobbles", "File exists at a.mdx"]})
    code = main(["checklist", "--root", str(tmp_path), "--isolated", "--unmapped"])
    out = capsys.readouterr().out
    assert code == 0
    assert "2×  Wibble N wobbles" in out and "File exists" not in out
