"""Lesson frontmatter: values with file positions, and every case python-frontmatter hides."""
from __future__ import annotations

import subprocess
import sys

from lessonlint.lesson.frontmatter import read_frontmatter
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile


def front(text: str):
    return read_frontmatter(SourceFile.from_text("l.mdx", text))


def codes(result) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in result.diagnostics]


def test_values_and_key_positions():
    result = front("---\ntitle: 'Урок'\norder: 08\ntopics:\n  - cdc\non: yes\n---\n\n# H\n")
    fm = result.frontmatter
    assert fm.values == {"title": "Урок", "order": 8, "topics": ["cdc"], "on": "yes"}
    assert (fm.line, fm.end_line, result.last_line) == (1, 7, 7)
    key = fm.keys["order"]
    assert (key.line, key.column, key.value_line, key.value_column) == (3, 1, 3, 8)
    assert (fm.keys["topics"].value_line, fm.keys["topics"].value_column) == (5, 3)
    assert result.diagnostics == ()


def test_empty_frontmatter_is_an_empty_mapping():
    result = front("---\n---\nbody\n")
    assert result.frontmatter.values == {} and result.last_line == 2 and result.diagnostics == ()


def test_invalid_yaml_points_at_the_file_line():
    result = front('---\ntitle: A\ndescription: "open\norder: 1\n---\n')
    assert [c[0] for c in codes(result)] == ["LES001"]
    assert codes(result)[0][1] >= 3
    assert result.frontmatter.values == {} and result.last_line == 5


def test_colon_in_value_is_reported_at_its_column():
    assert codes(front("---\ntitle: Debezium: intro\n---\n")) == [("LES001", 2, 16)]


def test_unclosed_frontmatter():
    text = "---\ntitle: A\n\n# H\n"
    result = front(text)
    assert codes(result) == [("LES002", 1, 1)] and result.frontmatter is None and result.last_line == 0
    lesson = parse_lesson(SourceFile.from_text("l.mdx", text))
    assert lesson.lines[0].kind == "hr"  # what MDX makes of it: not metadata


def test_duplicate_key():
    result = front("---\norder: 1\ntitle: A\norder: 2\n---\n")
    assert codes(result) == [("LES003", 4, 1)]
    assert result.frontmatter.values["order"] == 2


def test_list_or_scalar_is_not_a_mapping():
    assert codes(front("---\n- a\n- b\n---\n")) == [("LES004", 2, 1)]
    assert codes(front("---\njust text\n---\n")) == [("LES004", 2, 1)]


def test_toml_frontmatter_is_reported_and_masked():
    text = '+++\ntitle = "A <1"\n+++\n\n# H\n'
    assert codes(front(text)) == [("LES005", 1, 1)]
    lesson = parse_lesson(SourceFile.from_text("l.mdx", text))
    assert lesson.frontmatter is None
    assert [li.kind for li in lesson.lines[:3]] == ["frontmatter"] * 3 and lesson.lines[1].role == "toml"
    assert not [d for d in lesson.diagnostics if d.code.startswith("MDX")]
    assert lesson.masked.startswith("\n\n\n")


def test_json_start_is_an_mdx_expression_not_frontmatter():
    result = front('{\n"title": "A"\n}\n')
    assert result.frontmatter is None and result.diagnostics == ()


def test_no_frontmatter_and_leading_blank_line():
    assert front("# H\n").frontmatter is None
    assert front("\n---\ntitle: A\n---\n").frontmatter is None  # Astro needs '---' on line 1


def test_crlf_and_trailing_spaces_on_delimiters():
    result = front("--- \r\ntitle: A\r\n---\t\r\nbody\r\n")
    assert result.frontmatter.values == {"title": "A"} and result.last_line == 3


def test_parse_lesson_diagnostics_include_frontmatter_problems():
    lesson = parse_lesson(SourceFile.from_text("l.mdx", "---\na: 1\na: 2\n---\n\nx <1\n"))
    assert [(d.code, d.line) for d in lesson.diagnostics] == [("LES003", 3), ("MDX001", 6)]


def test_python_frontmatter_is_imported_only_for_foreign_formats():
    code = ("import sys; from lessonlint.text.source import SourceFile; "
            "from lessonlint.lesson.parser import parse_lesson; "
            "parse_lesson(SourceFile.from_text('a.mdx', '---\\ntitle: A\\n---\\n# H\\n')); "
            "assert 'frontmatter' not in sys.modules and 'mistune' not in sys.modules, sorted(sys.modules); "
            "parse_lesson(SourceFile.from_text('b.mdx', '+++\\ntitle = 1\\n+++\\n')); "
            "assert 'frontmatter' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
