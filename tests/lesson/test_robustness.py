"""The lesson parser never raises, keeps the line count, and stays linear on hostile input."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile

MB = 1_000_000


def parse(text: str, mdx: bool = True):
    return parse_lesson(SourceFile.from_text("x.mdx", text), mdx=mdx)


def timed(text: str) -> tuple[float, object]:
    start = time.perf_counter()
    lesson = parse(text)
    return time.perf_counter() - start, lesson


HOSTILE = {
    "one-megabyte-line": "word " * (MB // 5),
    "one-megabyte-line-of-lt": "a <b " * (MB // 5),
    "one-megabyte-line-of-braces": "{" * MB,
    "long-line-of-tags": "<a>" * 100_000,
    "nested-tags-one-per-line": "<a>\n" * 10_000 + "</a>\n" * 10_000,
    "nested-tags-unclosed": "<a>\n" * 10_000,
    "nested-tags-on-one-line": "<a>" * 10_000 + "</a>" * 10_000 + "\n",
    "unclosed-template-per-line": "<a b={`\n" * 5_000,
    "unclosed-expression-per-line": "<a b={\n" * 5_000,
    "unclosed-string-per-line": '<a b="\n' * 5_000,
    "far-closing-per-line": '<a b="1"\n' * 5_000 + ">text\n",
    "inline-unclosed-per-line": "x {a\n" * 5_000,
    "backticks": "`" * 50_000 + "\n" + "`` x " * 20_000 + "\n",
    "fences": "```\n" * 20_000,
    "links": "[a](" * 100_000 + "\n",
    "esm-unbalanced": "export const a = {\n\n" * 5_000,
    "html-comments": "<!--\n" * 10_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_fast_and_safe(name):
    text = HOSTILE[name]
    seconds, lesson = timed(text)
    assert len(lesson.lines) == lesson.source.line_count
    assert seconds < 5, f"{name} took {seconds:.1f}s"


def test_time_grows_linearly():
    """Four times the input takes about four times as long (a quadratic scan would take sixteen)."""
    unit = '<a b="1"\n<a b={`\nx {a [b](c\n<a>' * 2_000
    small = min(timed(unit)[0] for _ in range(2))
    large = min(timed(unit * 4)[0] for _ in range(2))
    assert large < 4 * small * 2.5 + 0.05


def test_jsx_path_depth_is_bounded():
    lesson = parse("<a>\n" * 1_000 + "x\n")
    assert len(lesson.lines[-1].jsx_path) == 64


ALPHABET = st.sampled_from(list("ab #>-*`~{}<>/=\"'$:.!|[]()\\\n\r\t ") + ["import ", "export ", "---\n", "```",
                                                                            "<!--", "-->", "${", "/*", "*/", "\u00a0"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join), st.booleans())
def test_any_text_parses(text, mdx):
    lesson = parse(text, mdx)
    assert len(lesson.lines) == lesson.source.line_count
    assert lesson.masked.count("\n") == lesson.source.line_count
    for diagnostic in lesson.diagnostics:
        assert 1 <= diagnostic.line <= max(lesson.source.line_count, 1)
        assert diagnostic.column >= 1
    for region in lesson.regions:
        assert 1 <= region.line <= region.end_line <= lesson.source.line_count
    for block in lesson.code_blocks:
        assert 1 <= block.line <= block.end_line <= lesson.source.line_count
    if not mdx:
        assert not [d for d in lesson.diagnostics if d.code.startswith("MDX")]
