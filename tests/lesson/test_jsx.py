"""The JSX tag state machine and the JavaScript lexing that finds where MDX code ends."""
from __future__ import annotations

import pytest

from lessonlint.lesson.jslex import is_comment, read_esm, read_expression
from lessonlint.lesson.jsx import Crash, Tag, read_tag


def tag(text: str):
    return read_tag(text, 0, len(text))


@pytest.mark.parametrize("text, name, closing, self_closing, attrs", [
    ("<a>", "a", False, False, []),
    ("</Callout>", "Callout", True, False, []),
    ("<>", "", False, False, []),
    ("</ >", "", True, False, []),
    ('<Callout type="x" open data-x=\'1\' />', "Callout", False, True, ["type", "open", "data-x"]),
    ("<X client:load {...rest} n={1} />", "X", False, True, ["client:load", "...", "n"]),
    ("<a.b.c>", "a.b.c", False, False, []),
    ("<svg:rect />", "svg:rect", False, True, []),
    ("<Привет />", "Привет", False, True, []),
    ('<a\n  b="multi\nline"\n>', "a", False, False, ["b"]),
    ("<M chart={`a ${'}'} b`} />", "M", False, True, ["chart"]),
])
def test_tags(text, name, closing, self_closing, attrs):
    found = tag(text)
    assert isinstance(found, Tag) and found.end == len(text)
    assert (found.name, found.closing, found.self_closing) == (name, closing, self_closing)
    assert [a.name for a in found.attrs] == attrs


@pytest.mark.parametrize("text, offset, found, where", [
    ("<1", 1, "1", "before name"),
    ("<=", 1, "=", "before name"),
    ("<!-- x -->", 1, "!", "before name"),
    ("<", 1, "", "before name"),
    ("<before, after>", 7, ",", "in name"),
    ("<https://x>", 7, "/", "before local name"),
    ("<a b=c>", 5, "c", "before attribute value"),
    ('<a b="x', 7, "", "in attribute value"),
    ("<a b={x", 7, "", "in expression"),
    ("<a/x>", 3, "x", "after self-closing slash"),
    ("<a.1>", 3, "1", "before member name"),
    ("<a@b>", 2, "@", "in name"),
])
def test_crashes_where_mdx_crashes(text, offset, found, where):
    assert tag(text) == Crash(offset, found, where)


def test_space_after_lt_is_text():
    assert tag("< b") is None and tag("<\nb") is None and tag("<\tb") is None
    assert isinstance(tag("<a/ >"), Tag)  # but whitespace inside a tag is fine


def test_the_scan_stops_at_its_bound():
    text = '<a b="x">'
    assert tag(text[:6]) == Crash(6, "", "in attribute value")
    assert read_tag(text, 0, 6) == Crash(6, "", "in attribute value")


@pytest.mark.parametrize("text, end", [
    ("{a}", 3), ("{a} rest", 3), ("{{a: 1}}", 8), ('{"}"}', 5), ("{'}'}", 5), ("{`}`}", 5),
    ("{`${ {a: '}'} }`}", 17), ("{/* } */}", 9), ("{a // }\n}", 9), ("{a /* }", -1), ("{'open}", -1),
    ("{`open}", -1), ("{{}", -1), ("{" * 1000 + "}" * 1000, 2000),
])
def test_expression_end(text, end):
    assert read_expression(text, 0, len(text)) == end


def test_expression_strings_do_not_span_lines():
    assert read_expression("{'a\n'}", 0, 6) == -1


@pytest.mark.parametrize("text, stop", [
    ("import a from 'b'\n\ntext", 17),
    ("import a from 'b'", 17),
    ("import {\n  A,\n} from 'b'\nmore\n\ntext", 29),
    ("export const a = {\n\n  b: 1,\n}\n\ntext", 29),
    ("export const s = `\n\n`\n\nx", 21),
    ("export const a = 1 // {\n\nx", 23),
])
def test_esm_end(text, stop):
    assert read_esm(text, 0, len(text)) == stop


def test_comment_expression():
    assert is_comment(" /* note */ ") and not is_comment("/* a */ + /* b */") and not is_comment("a")
