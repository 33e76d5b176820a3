"""Property tests: for any text and for mutated real plans and lessons, the parsers return a value
with diagnostics, never raise, never hang, and every position lies inside the file."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lessonlint.lesson.frontmatter import read_frontmatter
from lessonlint.lesson.markdown import blocks, paragraphs
from lessonlint.lesson.mdx import classify
from lessonlint.lesson.parser import parse_lesson
from lessonlint.plan.parser import parse_plan
from lessonlint.text.source import SourceFile
from lessonlint.text.yamlpos import load_yaml

from .invariants import assert_blocks, assert_diagnostic, assert_inside, assert_lesson, assert_plan
from .strategies import any_bytes_text, fuzz_settings, lesson_texts, no_hang, plan_texts


@fuzz_settings(400)
@given(st.one_of(plan_texts(), any_bytes_text()))
def test_property_plan_parser(text):
    source = SourceFile.from_text("p/01-01-PLAN.md", text)
    with no_hang():
        plan = parse_plan(source)
    assert_plan(plan, source)


@fuzz_settings(300)
@given(st.one_of(lesson_texts(), plan_texts(), any_bytes_text()))
def test_property_lesson_frontmatter(text):
    source = SourceFile.from_text("l.mdx", text)
    with no_hang():
        front = read_frontmatter(source)
    assert 0 <= front.last_line <= source.line_count
    assert front.kind in ("yaml", "toml", "none")
    for d in front.diagnostics:
        assert_diagnostic(d, source.line_count)
    if front.frontmatter is not None:
        assert isinstance(front.frontmatter.values, dict)
        for key in front.frontmatter.keys.values():
            assert 1 < key.line <= key.value_line <= front.last_line, key


@fuzz_settings(300)
@given(st.one_of(plan_texts(), st.text()), st.integers(1, 50))
def test_property_yaml_positions(text, first_line):
    with no_hang():
        result = load_yaml(text, first_line)
    last = first_line + text.count("\n") + text.count("\r") + 1
    for problem in result.problems:
        assert first_line <= problem.line <= last and problem.column >= 1, problem


@fuzz_settings(400)
@given(st.one_of(lesson_texts(), any_bytes_text()), st.booleans())
def test_property_mdx_classifier(text, mdx):
    source = SourceFile.from_text("l.mdx" if mdx else "l.md", text)
    with no_hang():
        classified = classify(source, mdx)
    count = source.line_count
    assert len(classified.lines) == count and classified.masked.count("\n") == count
    for d in classified.diagnostics:
        assert_diagnostic(d, count)
    for info in classified.lines:
        assert info.kind is not None


@fuzz_settings(300)
@given(st.one_of(lesson_texts(), any_bytes_text()), st.booleans())
def test_property_lesson_and_markdown_blocks(text, mdx):
    source = SourceFile.from_text("l.mdx" if mdx else "l.md", text)
    with no_hang():
        lesson = parse_lesson(source, mdx=mdx)
        parsed = blocks(lesson)
        prose = paragraphs(lesson)
    assert_lesson(lesson)
    assert_blocks(parsed, source.line_count)
    for paragraph in prose:
        assert_inside(paragraph.line, None, source.line_count, paragraph)
        assert paragraph.line <= paragraph.end_line <= max(source.line_count, 1)
