"""What every result must satisfy, whatever the input: known codes and positions inside the file."""
from __future__ import annotations

from lessonlint.registry.codes import RULES


def assert_inside(line: int | None, column: int | None, line_count: int, what: object = "") -> None:
    """1 <= line <= line_count (line 1 of an empty file allowed), column >= 1; None = whole file."""
    if line is None:
        assert column is None, f"a column without a line: {what!r}"
        return
    assert isinstance(line, int) and 1 <= line <= max(line_count, 1), f"line {line} of {line_count}: {what!r}"
    assert column is None or (isinstance(column, int) and column >= 1), f"column {column}: {what!r}"


def assert_diagnostic(d, line_count: int) -> None:
    """A known code, a position inside the file, an end at or after the start."""
    assert d.code in RULES, d
    assert d.message and "\n" not in d.path, d
    assert_inside(d.line, d.column, line_count, d)
    if d.end_line is not None:
        assert d.line is not None and d.line <= d.end_line <= max(line_count, 1), d
        if d.end_line == d.line and d.end_column is not None and d.column is not None:
            assert d.end_column >= d.column, d
    if d.end_column is not None:
        assert d.end_column >= 1, d


def assert_plan(plan, source) -> None:
    count = source.line_count
    for d in plan.diagnostics:
        assert_diagnostic(d, count)
    for entry in (*plan.truths, *plan.artifacts, *plan.key_links):
        assert_inside(entry.line, None, count, entry)
    for item in plan.checklist:
        assert_inside(item.line, item.column, count, item)
    for task in plan.tasks:
        assert 1 <= task.line <= task.end_line <= max(count, 1), task
    for block in plan.sections.values():
        assert_inside(block.line, block.column, count, block)


def assert_lesson(lesson) -> None:
    count = lesson.source.line_count
    assert len(lesson.lines) == count
    assert [info.number for info in lesson.lines] == list(range(1, count + 1))
    assert lesson.masked.count("\n") == count
    for d in lesson.diagnostics:
        assert_diagnostic(d, count)
    for region in lesson.regions:
        assert 1 <= region.line <= region.end_line <= count and region.column >= 1, region
    for block in lesson.code_blocks:
        assert 1 <= block.line <= block.end_line <= count and block.column >= 1, block
    for heading in lesson.headings:
        assert_inside(heading.line, heading.column, count, heading)
    if lesson.frontmatter is not None:
        front = lesson.frontmatter
        assert 1 <= front.line <= front.end_line <= count
        for key in front.keys.values():
            assert front.line < key.line <= key.value_line <= front.end_line, key
            assert key.column >= 1 and key.value_column >= 1, key


def assert_blocks(blocks, line_count: int) -> None:
    stack = list(blocks)
    while stack:
        block = stack.pop()
        assert 1 <= block.line <= block.end_line <= max(line_count, 1), block
        assert block.column >= 1, block
        stack.extend(block.children)
