"""Fix edits as LSP text edits: UTF-16 columns, the end of the file as (last line + 1, 1)."""
from __future__ import annotations

from lessonlint.diagnostic import Applicability, Diagnostic, Edit, Fix
from lessonlint.server.convert import fix_edits
from lessonlint.text.source import SourceFile


def _edits(text: str, *edits: Edit, remove_bom: bool = False):
    diag = Diagnostic("SUP001", "m", "a.mdx", 1, 1, fix=Fix("f", Applicability.SAFE, edits, remove_bom))
    found = fix_edits(diag, SourceFile.from_text("a.mdx", text), "utf-16")
    return None if found is None else [((e.range.start.line, e.range.start.character),
                                        (e.range.end.line, e.range.end.character), e.new_text) for e in found]


def test_columns_count_utf16_units():
    assert _edits("👋 x <3\n", Edit(1, 5, 1, 6, "&lt;")) == [((0, 5), (0, 6), "&lt;")]


def test_the_end_of_the_file():
    assert _edits("a\nb\n", Edit(2, 1, 3, 1)) == [((1, 0), (2, 0), "")]
    assert _edits("a\nb", Edit(2, 1, 3, 1)) == [((1, 0), (1, 1), "")]


def test_no_edit_for_a_byte_order_mark():
    assert _edits("a\n", remove_bom=True) is None
