"""Applying edits: whole fixes or nothing, overlaps resolved the same way whatever the order the findings come in,
spans counted in characters (CRLF and non-Latin text), and a fix that re-creates what it fixed stops the passes."""
from __future__ import annotations

import itertools

from lessonlint.cache.codec import pack, unpack
from lessonlint.diagnostic import Applicability, Diagnostic, Edit, Fix
from lessonlint.fix.apply import apply_fixes

SAFE = Applicability.SAFE


def finding(code: str, *edits: Edit, message: str = "fix") -> Diagnostic:
    return Diagnostic(code, "m", "a.mdx", edits[0].line if edits else 1, 1, fix=Fix(message, SAFE, edits))


def test_overlapping_fixes_resolve_the_same_way_in_every_order():
    text = "Fewer than <3 rows and {x}.\n"
    found = [
        finding("MDX001", Edit(1, 12, 1, 13, "&lt;")),
        finding("MDX009", Edit(1, 12, 1, 14, "three")),  # overlaps the first: waits for the next pass
        finding("MDX002", Edit(1, 24, 1, 24, "\\"), Edit(1, 26, 1, 26, "\\")),
    ]
    results = {apply_fixes(text, list(order)).text for order in itertools.permutations(found)}
    assert results == {"Fewer than &lt;3 rows and \\{x\\}.\n"}
    applied = apply_fixes(text, found[::-1])
    assert [d.code for d in applied.fixed] == ["MDX001", "MDX002"]


def test_a_fix_is_applied_whole_or_not_at_all():
    text = "abcdef\n"
    first = finding("SUP002", Edit(1, 1, 1, 2, "A"), Edit(1, 5, 1, 6, "E"))
    second = finding("SUP001", Edit(1, 5, 1, 7, "EF"))  # conflicts with the second edit of the first
    assert apply_fixes(text, [second, first]).text == "AbcdEf\n"


def test_one_fix_shared_by_two_findings_is_applied_once_and_counts_for_both():
    text = "x {/* lessonlint-disable-file XYZ1 ABC2 */}\n"
    edit = Edit(1, 2, 1, 44, "")
    applied = apply_fixes(text, [finding("SUP002", edit), finding("SUP002", edit)])
    assert applied.text == "x\n" and len(applied.fixed) == 2


def test_two_insertions_at_one_point_are_not_both_applied():
    applied = apply_fixes("ab\n", [finding("A001", Edit(1, 2, 1, 2, "1")), finding("B001", Edit(1, 2, 1, 2, "2"))])
    assert applied.text == "a1b\n"


def test_columns_count_characters_and_crlf_lines_are_kept():
    text = "Кафка\r\nменьше <3 строк\r\n"
    applied = apply_fixes(text, [finding("MDX001", Edit(2, 8, 2, 9, "&lt;"))])
    assert applied.text == "Кафка\r\nменьше &lt;3 строк\r\n"


def test_an_edit_out_of_range_is_skipped_and_the_end_of_the_file_is_addressable():
    text = "one\ntwo\n"
    assert apply_fixes(text, [finding("A001", Edit(5, 1, 5, 2, "x"))]).text == text
    assert apply_fixes(text, [finding("A001", Edit(2, 1, 3, 1, ""))]).text == "one\n"


def test_a_fix_survives_the_cache_codec():
    d = finding("MDX002", Edit(1, 24, 1, 24, "\\"), Edit(1, 26, 1, 26, "\\"))
    bom = Diagnostic("ENC001", "bom", "a.mdx", 1, 1, fix=Fix("remove", SAFE, remove_bom=True))
    assert unpack(pack((d, bom))) == (d, bom)
    assert unpack(pack(d)).fix.applicability is SAFE
