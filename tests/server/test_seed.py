"""The seed's lesson 03 (debezium-course case 09-02, read from ../shared and copied): its three build errors
where the compiler puts them, and a fix made in the buffer, not on disk."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import REPO, change_line, open_doc, wait_until

CASE = REPO / ".." / "shared" / "corpus" / "debezium-course" / "cases" / "09-02"
LESSON = "src/content/course/05-module-5/03-pyflink-cdc-connector.mdx"
BUILD = {("MDX001", 62), ("MDX001", 201), ("MDX008", 469)}


@pytest.fixture
def course(tmp_path) -> Path:  # replaces the fixture course the client starts in
    if not (CASE / LESSON).is_file():
        pytest.skip("../shared corpus not present")
    target = tmp_path / "case"
    shutil.copytree(CASE, target)  # the corpus is read-only
    return Path(os.path.realpath(target))


@pytest.mark.asyncio
async def test_seed_lesson_03_build_errors_and_a_buffer_fix(client, course):
    from lessonlint.cli.support import load_settings, run_checks

    settings, _ = load_settings(course, [], cache=False)
    expected = [(d.code, d.line) for d in run_checks(settings, [str(course / LESSON)])[0].diagnostics
                if d.path == LESSON]
    assert BUILD <= set(expected)
    uri = open_doc(client, course / LESSON)
    await wait_until(client, uri, expected)
    before = (course / LESSON).read_bytes()
    text = (course / LESSON).read_text(encoding="utf-8")
    change_line(client, uri, 2, 62, "<1", "&lt;1", text)
    await wait_until(client, uri, [f for f in expected if f != ("MDX001", 62)])
    assert (course / LESSON).read_bytes() == before
