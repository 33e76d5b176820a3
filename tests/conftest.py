"""Shared fixtures: the real corpus (skipped cleanly when absent) and a project builder."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
CORPUS = SHARED / "corpus"
EXAMPLE = REPO / "fixtures" / "example-course"

# Tests run without the cache (each judges afresh, patched internals included) and, when a test turns it on,
# keep it out of the user's cache folder. tests/cache/ turns it on where it is the subject.
os.environ["LESSONLINT_NO_CACHE"] = "1"
os.environ["LESSONLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="lessonlint-test-cache-")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture
def corpus_case(corpus_dir, tmp_path):
    """Copy a corpus case to a temp folder (the corpus is read-only) and return the copy."""

    def copy(relative: str) -> Path:
        source = corpus_dir / relative
        if not source.is_dir():
            pytest.skip(f"corpus case {relative} is absent")
        target = tmp_path / source.name
        shutil.copytree(source, target, symlinks=True)
        return target

    return copy
