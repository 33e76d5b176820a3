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


def test_json_holds_checks_item_objects_and_the_coverage(tmp_path, capsys):
    import json

    build(tmp_path, {"item": "File exists at lessons/a.mdx", "after": ["Contains `HOP(`", "Wibble wobble"],
                     "files": {"lessons/a.mdx": "# A\n"}})
    code = main(["checklist", "--root", str(tmp_path), "--isolated", "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 1
    main(["check", "--root", str(tmp_path), "--isolated", "--format", "json"])
    checked = json.loads(capsys.readouterr().out)
    items = [item for plan in doc["plans"] for item in plan["checklist"]]
    assert [{k: v for k, v in item.items() if k != "needs"} for item in items] == \
        [item for plan in checked["plans"] for item in plan["checklist"]]
    assert [item["status"] for item in items] == ["passed", "failed", "needs_review"]
    assert doc["coverage"] == {"items": 3, "passed": 1, "failed": 1, "needs_review": 1, "judged": 2,
                               "file_checkable": 3, "by_need": {"unmapped": 1}}
    assert "unmapped" not in doc
    main(["checklist", "--root", str(tmp_path), "--isolated", "-f", "json", "--unmapped"])
    assert json.loads(capsys.readouterr().out)["unmapped"] == [{"phrasing": "Wibble wobble", "count": 1}]


def test_markdown_is_a_table_per_plan_with_the_coverage(tmp_path, capsys):
    build(tmp_path, {"item": "Contains `a|b`", "files": {"lessons/a.mdx": "# A\n"}})
    assert main(["checklist", "--root", str(tmp_path), "--isolated", "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert "| line | status | section | rule | item | reason |" in out
    row = next(line for line in out.splitlines() if "✗ failed" in line)
    assert row.count(" | ") == 5 and "a\\|b" in row  # a pipe in the item text is escaped, the row keeps 6 cells
    assert "- items: 1 · judged 1 (100%) · needs-review 0" in out
