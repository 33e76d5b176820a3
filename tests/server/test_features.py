"""Hover, the suppress quick fix, robustness (a broken plan, a file outside any project) over stdio."""
from __future__ import annotations

import asyncio

import pytest
from lsprotocol import types as lsp

from .conftest import BROKEN_PLAN, LESSON, open_doc, replace_all, wait_until
from .test_diagnostics import LESSON_FINDINGS


def _apply(text: str, edits: list[lsp.TextEdit]) -> str:
    lines = text.split("\n")
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        assert edit.range.start == edit.range.end  # insertions only
        line, character = edit.range.start.line, edit.range.start.character
        lines[line] = lines[line][:character] + edit.new_text + lines[line][character:]
    return "\n".join(lines)


@pytest.mark.asyncio
async def test_hover_on_a_finding_shows_the_message_hint_and_rule_doc(client, course):
    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    mdx = next(d for d in published if d.code == "MDX001" and d.range.start.line == 11)
    hover = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri=uri), mdx.range.start))
    text = hover.contents.value
    assert "MDX001" in text and "'<3' in text starts a JSX tag" in text and "&lt;" in text  # message and hint
    assert "# mdx-unescaped-less-than (MDX001)" in text and "## How to fix" in text  # `lessonlint rule MDX001`
    nothing = await client.text_document_hover_async(lsp.HoverParams(
        lsp.TextDocumentIdentifier(uri=uri), lsp.Position(line=8, character=0)))
    assert nothing is None


@pytest.mark.asyncio
@pytest.mark.parametrize(("code", "line", "title"), [
    ("MDX001", 12, "Suppress MDX001 on this line"),
    ("ART004", 2, "Suppress ART004 in this file"),  # a frontmatter line: the comment goes after the frontmatter
])
async def test_the_suppress_quick_fix_silences_exactly_that_finding(client, course, code, line, title):
    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    target = next(d for d in published if d.code == code and d.range.start.line == line - 1)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri=uri), target.range, lsp.CodeActionContext(diagnostics=[target])))
    (action,) = [a for a in actions if a.title == title]
    assert action.kind == lsp.CodeActionKind.QuickFix
    edits = action.edit.changes[uri]
    assert all(e.new_text.startswith("{/* lessonlint-") for e in edits)  # MDX-valid, not an HTML comment
    text = _apply((course / LESSON).read_text(encoding="utf-8"), edits)
    replace_all(client, uri, 2, text)
    inserted = line if line > 5 else 6  # the comment's line: above the finding, or right after the frontmatter
    expected = [(c, n + 1 if n >= inserted else n) for c, n in LESSON_FINDINGS if (c, n) != (code, line)]
    await wait_until(client, uri, expected)  # gone, the rest moved down one line, and no SUP finding


@pytest.mark.asyncio
async def test_a_broken_plan_gets_its_findings_and_stops_nothing_else(client, course):
    broken = open_doc(client, course / BROKEN_PLAN)
    lesson = open_doc(client, course / LESSON)
    published = await wait_until(client, broken, [("PLN001", 7), ("PLN007", 1)])
    assert {d.code for d in published} == {"PLN001", "PLN007"}
    await wait_until(client, lesson, LESSON_FINDINGS)
    replace_all(client, broken, 2, "---\nphase: [\n")  # worse still: the server goes on
    await wait_until(client, broken, [("PLN003", 1), ("PLN007", 1)])
    text = (course / LESSON).read_text(encoding="utf-8").replace("<3", "3")
    replace_all(client, lesson, 2, text)
    await wait_until(client, lesson, [f for f in LESSON_FINDINGS if f != ("MDX001", 12)])


@pytest.mark.asyncio
async def test_files_outside_a_project_and_other_markdown_are_left_alone(client, course, tmp_path):
    outside = tmp_path / "elsewhere" / "notes.mdx"
    outside.parent.mkdir()
    outside.write_text("# Notes\n\nfewer than <3 rows\n", encoding="utf-8")
    state = course / ".planning" / "STATE.md"
    state.write_text("# State\n\n<!-- a note -->\n", encoding="utf-8")
    uris = [open_doc(client, outside), open_doc(client, state)]
    lesson = open_doc(client, course / LESSON)
    await wait_until(client, lesson, LESSON_FINDINGS)  # opened after them: they were handled first
    await asyncio.sleep(0.3)
    assert all(uri not in client.diagnostics for uri in uris)
    assert not [m for m in client.log_messages if m.type == lsp.MessageType.Error]


@pytest.mark.asyncio
async def test_closing_a_document_clears_its_diagnostics(client, course):
    uri = open_doc(client, course / LESSON)
    await wait_until(client, uri, LESSON_FINDINGS)
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri=uri)))
    await wait_until(client, uri, [])


@pytest.mark.asyncio
async def test_open_the_plan_item_shows_the_plan_at_the_line_that_requires_it(client, course):
    from .conftest import PLAN

    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    art = next(d for d in published if d.code == "ART004")
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri=uri), art.range, lsp.CodeActionContext(diagnostics=[art])))
    (action,) = [a for a in actions if a.title.startswith("Open the plan item")]
    plan_text = (course / PLAN).read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(plan_text) if "contains:" in text)  # the must-have's own line
    assert action.title == f"Open the plan item ({PLAN}:{line + 1})"
    assert isinstance(action, lsp.Command)  # no edit: a bare command, which every client runs
    await client.workspace_execute_command_async(lsp.ExecuteCommandParams(
        command=action.command, arguments=action.arguments))
    (params,) = client.shown_documents  # pytest-lsp's client records window/showDocument
    assert params.uri == (course / PLAN).as_uri() and params.selection.start.line == line and params.take_focus
    mdx = next(d for d in published if d.code == "MDX001")  # a finding no plan item requires: no such action
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri=uri), mdx.range, lsp.CodeActionContext(diagnostics=[mdx])))
    assert not [a for a in actions if a.title.startswith("Open the plan item")]


@pytest.mark.asyncio
async def test_the_fix_quick_fix_applies_what_check_fix_would(client, course):
    uri = open_doc(client, course / LESSON)
    published = await wait_until(client, uri, LESSON_FINDINGS)
    mdx = next(d for d in published if d.code == "MDX001" and d.range.start.line == 11)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri=uri), mdx.range, lsp.CodeActionContext(diagnostics=[mdx])))
    (action,) = [a for a in actions if isinstance(a, lsp.CodeAction) and a.title.startswith("Fix MDX001")]
    assert action.kind == lsp.CodeActionKind.QuickFix and action.is_preferred
    (edit,) = action.edit.changes[uri]
    assert edit.new_text == "&lt;" and edit.range.start.line == 11
    text = (course / LESSON).read_text(encoding="utf-8")
    lines = text.split("\n")
    line = lines[11]
    start, end = edit.range.start.character, edit.range.end.character  # ASCII before it: units are characters
    lines[11] = line[:start] + edit.new_text + line[end:]
    replace_all(client, uri, 2, "\n".join(lines))
    await wait_until(client, uri, [f for f in LESSON_FINDINGS if f != ("MDX001", 12)])
    art = next(d for d in published if d.code == "ART004")  # content: no fix to offer
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        lsp.TextDocumentIdentifier(uri=uri), art.range, lsp.CodeActionContext(diagnostics=[art])))
    assert not [a for a in actions if a.title.startswith("Fix ")]
