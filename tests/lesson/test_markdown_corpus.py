"""Proof of the mistune position layer on real lessons: every block of every .mdx/.md lesson of the
corpus is checked against the text that was parsed (``Lesson.masked``, same lines as the file).

The layer relies on mistune internals, so pyproject pins mistune; widen the pin only after this
passes on the new version (it prints how many blocks it checked).
"""
from __future__ import annotations

import hashlib
import re

import mistune
import pytest

from lessonlint.lesson.markdown import Block, blocks
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile, decode

_PREFIX = re.compile(r"^(?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*")
_HR = re.compile(r"[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_MARKER = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def content(line: str) -> str:
    """A line without its block-quote and list-marker prefixes."""
    return line[_PREFIX.match(line).end():]


def problem(block: Block, lines: list[str]) -> str | None:
    """Why the block's lines do not fit the text, or None."""
    if not 1 <= block.line <= block.end_line <= len(lines):
        return "out of range"
    first, last = lines[block.line - 1], lines[block.end_line - 1]
    kind = block.type
    if kind == "block_code" and block.attrs.get("style") == "fenced":
        marker = block.attrs["marker"]
        if not content(first).startswith(marker):
            return "no opening fence on the start line"
        body = block.text.split("\n") if block.text else []
        closed = block.end_line > block.line and content(last).rstrip().startswith(marker[0] * len(marker)) \
            and not content(last).strip(marker[0] + " \t")
        if len(body) != block.end_line - block.line - (1 if closed else 0):
            return "body line count"
        for k, text in enumerate(body):
            if text.strip() and not lines[block.line + k].rstrip().endswith(text.rstrip()):
                return f"body line {block.line + k + 1}"
    elif kind == "block_code":
        if not (first.strip() and last.strip()):
            return "indented code starts or ends on a blank line"
    elif kind == "heading":
        if content(first).lstrip().startswith("#"):
            if block.end_line != block.line or (block.text or "").strip() not in first:
                return "ATX heading line"
        elif not re.fullmatch(r"[ \t]*(?:=+|-+)[ \t]*", content(last)):
            return "setext underline not on the end line"
    elif kind in ("paragraph", "block_text"):
        text = [t.strip() for t in (block.text or "").strip("\n").split("\n")]
        if len(text) != block.end_line - block.line + 1:
            return "text line count"
        if text[0] not in first or text[-1] not in last:
            return "first or last text line"
    elif kind in ("list", "list_item"):
        if not _MARKER.match(first):
            return "no list marker on the start line"
    elif kind == "block_quote":
        if ">" not in first[:_PREFIX.match(first).end()]:
            return "no '>' on the start line"
    elif kind == "thematic_break":
        if not _HR.fullmatch(content(first)):
            return "not a thematic break"
    elif kind in ("table", "table_head", "table_row"):
        if "|" not in first:
            return "no '|' on a table line"
    elif kind == "block_html":
        if not first.strip():
            return "HTML block starts on a blank line"
    return None


def test_mistune_is_inside_the_proved_range():
    version = tuple(int(part) for part in mistune.__version__.split(".")[:3])
    assert (3, 0, 2) <= version < (3, 5), "run this file on the new version, then widen the pin in pyproject"


def test_the_checker_catches_shifted_positions():
    lines = ["# Title", "", "Para one", "two", "", "- item", "", "```py", "x", "```", "", "> q"]
    good = [Block("heading", 1, 1, 1, text="Title"), Block("paragraph", 3, 4, 1, text="Para one\ntwo"),
            Block("list", 6, 6, 1), Block("block_code", 8, 10, 1, text="x", attrs={"marker": "```", "style": "fenced"}),
            Block("block_quote", 12, 12, 1)]
    assert [problem(b, lines) for b in good] == [None] * 5
    shifted = [Block(b.type, b.line + 1, b.end_line + 1, 1, text=b.text, attrs=b.attrs) for b in good]
    assert all(problem(b, lines + ["", ""]) for b in shifted)


def walk(items):
    for block in items:
        yield block
        yield from walk(block.children)


@pytest.fixture(scope="module")
def corpus_lessons(corpus_dir) -> list:
    return list(_lessons(corpus_dir))


def _lessons(corpus_dir):
    seen = set()
    for path in sorted(corpus_dir.rglob("*")):
        if path.suffix not in (".md", ".mdx") or ".planning" in path.parts or not path.is_file():
            continue
        data = path.read_bytes()
        key = (hashlib.sha256(data).hexdigest(), path.suffix)
        if key not in seen:
            seen.add(key)
            text, notes = decode(data)
            yield path, parse_lesson(SourceFile.from_text(path.name, text, notes), mdx=path.suffix == ".mdx")


def test_every_block_position_fits_the_text(corpus_dir, corpus_lessons):
    checked, wrong, files = 0, [], 0
    for path, lesson in corpus_lessons:
        files += 1
        lines = lesson.masked.split("\n")
        for block in walk(blocks(lesson)):
            checked += 1
            why = problem(block, lines)
            if why:
                wrong.append((str(path.relative_to(corpus_dir)), block.type, block.line, block.end_line, why))
    print(f"mistune {mistune.__version__}: {checked} blocks in {files} distinct lessons checked, {len(wrong)} wrong")
    assert files > 250 and checked > 50_000
    assert wrong == []


def test_code_blocks_agree_with_the_line_classifier(corpus_lessons):
    """Two independent readers of the same fences, mistune (masked text) and the MDX classifier,
    differ only where an indented fence closes a block under MDX (MDX006): mistune keeps
    CommonMark's 0-3 space limit there, the classifier follows MDX (and the real compiler)."""
    differ, early_close = set(), set()
    for path, lesson in corpus_lessons:
        if lesson.mdx:
            theirs = {(b.line, b.end_line) for b in walk(blocks(lesson)) if b.type == "block_code"}
            if theirs != {(c.line, c.end_line) for c in lesson.code_blocks}:
                differ.add(path)
            if any(d.code == "MDX006" for d in lesson.diagnostics):
                early_close.add(path)
    assert early_close and differ == early_close
