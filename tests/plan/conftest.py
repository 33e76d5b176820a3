"""Helpers for the plan parser tests: parse inline text, a case snippet, or a corpus plan."""
from __future__ import annotations

from pathlib import Path

import pytest

from lessonlint.plan.parser import parse_plan
from lessonlint.text.source import SourceFile, decode

CASES = Path(__file__).parent / "cases"
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def parse_text(text: str, path: str = "plan.md"):
    return parse_plan(SourceFile.from_text(path, text))


def parse_file(path: Path, shown: str | None = None):
    text, notes = decode(path.read_bytes())
    source = SourceFile.from_text(shown or path.name, text, notes)
    return source, parse_plan(source)


@pytest.fixture
def case():
    """Parse a snippet of tests/plan/cases by name; returns (source, plan)."""
    return lambda name: parse_file(CASES / f"{name}.md")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return CORPUS.resolve()


def codes(plan) -> list[str]:
    return [d.code for d in plan.diagnostics]
