"""Prose in braces is recognised as not JavaScript; every valid expression is left alone.
test_mdx_oracle.py checks both lists against the real MDX compiler."""
from __future__ import annotations

import pytest

from lessonlint.lesson.jscheck import is_not_an_expression

NOT_EXPRESSIONS = [
    "a b", "1-10 seconds", "key: value", '"id": 1', "...", "имя пользователя", "a.b c", "10px", "true false",
    "a\nb", "(a) b", "{ .Values.image }", "a +", "= x", "var", "if", "a!", "a ++ b", "x: 1, y: 2",
]
EXPRESSIONS = [
    "a", "a, b", "a ? b : c", "props.x", "fn(a, b)", "new Date()", "typeof x", "x in y", "{a: 1}", "x => x + 1",
    "`a ${b}`", "/a b/.test(x)", "", "  ", "/* c */", "user_id", "a++", "[1, 2]", 'obj["k"]', "a?.b", "a ?? b",
    'x === 1 ? "a" : "b"', "get", "0.5", ".5", "a = b", "async () => 1", "function f() { return 1 }",
    "() => { if (a) return 1 }", "-1", "!a", "[...a]", "a.if", "frontmatter.title",
    'props.items.map((i) => i.name).join(", ")', "<b>x</b>", "1 < 2", "a instanceof B", "void 0", "{}",
    "x ? {a: 1} : [2]", "a?.[0]", "f(a,)", '"str" + 1', "Math.max(1, 2)",
]


@pytest.mark.parametrize("inner", NOT_EXPRESSIONS)
def test_prose_in_braces(inner):
    assert is_not_an_expression(inner) is True


@pytest.mark.parametrize("inner", EXPRESSIONS)
def test_expressions_and_unjudged_code_are_left_alone(inner):
    assert is_not_an_expression(inner) is False
