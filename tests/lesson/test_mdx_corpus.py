"""Known MDX facts of the real corpus, checked without node (test_mdx_oracle.py proves them with it)."""
from __future__ import annotations

import pytest

from lessonlint.lesson.hazards import BUILD_BREAKING
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile, decode

SEED = "debezium-course/cases/09-02/src/content/course/05-module-5"
HEAD_MONITORING = "debezium-course/head/src/content/course/07-module-7/06-cloud-monitoring.mdx"


def parse(path):
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    text, notes = decode(path.read_bytes())
    return parse_lesson(SourceFile.from_text(path.name, text, notes))


def test_indented_fence_closes_the_yaml_block_at_head(corpus_dir):
    lesson = parse(corpus_dir / HEAD_MONITORING)
    assert [(d.line, d.column) for d in lesson.diagnostics if d.code == "MDX006"] == [(671, 5)]
    assert not [d for d in lesson.diagnostics if d.code in BUILD_BREAKING]  # it builds, but renders wrong


def test_seed_plan_lessons(corpus_dir):
    broken = parse(corpus_dir / SEED / "03-pyflink-cdc-connector.mdx")
    first = [d for d in broken.diagnostics if d.code in BUILD_BREAKING][0]
    assert (first.code, first.line, first.column) == ("MDX001", 62, 102)  # where the MDX compiler stops
    assert not [d for d in parse(corpus_dir / SEED / "04-pyflink-stateful-processing.mdx").diagnostics
                if d.code in BUILD_BREAKING]


def test_every_lesson_parses_with_exact_line_counts(corpus_dir):
    count = 0
    for path in sorted(corpus_dir.rglob("*")):
        if path.suffix in (".md", ".mdx") and ".planning" not in path.parts and path.is_file():
            text, notes = decode(path.read_bytes())
            lesson = parse_lesson(SourceFile.from_text(path.name, text, notes), mdx=path.suffix == ".mdx")
            assert len(lesson.lines) == lesson.masked.count("\n") == lesson.source.line_count
            count += 1
    assert count > 800
