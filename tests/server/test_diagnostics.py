"""Diagnostics from unsaved buffers over a real stdio connection: open, change, plan ↔ lesson, UTF-16 ranges."""
from __future__ import annotations

import pytest
from lsprotocol import types as lsp

from lessonlint.cli.support import load_settings, run_checks
from lessonlint.registry.codes import doc_url

from .conftest import LESSON, PLAN, change_line, open_doc, replace_all, wait_until

LESSON_FINDINGS = [("ART004", 2), ("MDX001", 12), ("MDX001", 16), ("MDX001", 20), ("MDX002", 22)]


@pytest.mark.asyncio
async def test_open_lesson_publishes_its_findings_with_code_doc_and_severity(client, course):
    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    for diag in published:
        assert diag.severity == lsp.DiagnosticSeverity.Error and diag.source == "lessonlint"
        assert diag.code_description.href == doc_url(str(diag.code))
    art = next(d for d in published if d.code == "ART004")
    (related,) = art.related_information
    assert related.location.uri == (course / PLAN).as_uri() and related.location.range.start.line == 13


@pytest.mark.asyncio
async def test_a_fix_in_the_buffer_removes_that_finding_only_and_never_touches_disk(client, course):
    before = (course / LESSON).read_bytes()
    uri = open_doc(client, course / LESSON)
    await wait_until(client, uri, LESSON_FINDINGS)
    text = (course / LESSON).read_text(encoding="utf-8")
    change_line(client, uri, 2, 12, "<3", "three", text)
    await wait_until(client, uri, [f for f in LESSON_FINDINGS if f != ("MDX001", 12)])
    assert (course / LESSON).read_bytes() == before


@pytest.mark.asyncio
async def test_columns_are_utf16_code_units_on_cyrillic_and_astral_lines(client, course):
    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    lines = (course / LESSON).read_text(encoding="utf-8").split("\n")
    settings, _ = load_settings(course, [], cache=False)
    plain = {d.line: d for d in run_checks(settings, [str(course / LESSON)])[0].diagnostics if d.code == "MDX001"}
    at = {d.range.start.line + 1: d for d in published if d.code == "MDX001"}
    # the Cyrillic line: every character is one UTF-16 unit (and two UTF-8 bytes): the code-point column stands
    assert at[16].range.start.character == plain[16].column - 1 > len("Поток хранит")
    # the astral line: each rocket is one code point but two UTF-16 units
    emoji = lines[19]
    assert emoji.startswith("🚀🚀") and at[20].range.start.character == plain[20].column - 1 + 2
    assert at[20].range.start.character == len(emoji[: plain[20].column - 1].encode("utf-16-le")) // 2


@pytest.mark.asyncio
async def test_a_missing_contains_shows_in_the_lesson_and_in_the_plan_until_the_plan_buffer_is_fixed(client, course):
    plan_uri = open_doc(client, course / PLAN)
    lesson_uri = open_doc(client, course / LESSON)
    await wait_until(client, lesson_uri, LESSON_FINDINGS)
    (mirror,) = await wait_until(client, plan_uri, [("ART004", 14)])
    assert mirror.related_information[0].location.uri == lesson_uri
    assert mirror.related_information[0].location.range.start.line == 1
    assert mirror.message.startswith(f"{LESSON}:2: ")
    plan_text = (course / PLAN).read_text(encoding="utf-8")
    change_line(client, plan_uri, 2, 14, "event log", "ordered sequence", plan_text)
    await wait_until(client, plan_uri, [])
    await wait_until(client, lesson_uri, [f for f in LESSON_FINDINGS if f[0] != "ART004"])


@pytest.mark.asyncio
async def test_editing_the_lesson_rejudges_the_open_plan(client, course):
    plan_uri = open_doc(client, course / PLAN)
    lesson_uri = open_doc(client, course / LESSON)
    await wait_until(client, plan_uri, [("ART004", 14)])
    text = (course / LESSON).read_text(encoding="utf-8")
    change_line(client, lesson_uri, 2, 26, "every fact", "every fact of the event log", text)
    await wait_until(client, plan_uri, [])
    await wait_until(client, lesson_uri, [f for f in LESSON_FINDINGS if f[0] != "ART004"])


@pytest.mark.asyncio
async def test_rapid_edits_settle_on_the_last_buffer(client, course):
    uri = open_doc(client, course / LESSON)
    await wait_until(client, uri, LESSON_FINDINGS)
    text = (course / LESSON).read_text(encoding="utf-8")
    for version in range(2, 12):  # each edit within the debounce of the one before
        text = text.replace("<3", "<4") if version % 2 else text.replace("<4", "<3")
        replace_all(client, uri, version, text)
    replace_all(client, uri, 12, text.replace("<3", "3").replace("<4", "4"))
    await wait_until(client, uri, [f for f in LESSON_FINDINGS if f != ("MDX001", 12)])
