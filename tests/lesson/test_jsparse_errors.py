"""Where acorn stops on broken JavaScript, as lesson/jsparse.py finds it with tree-sitter (issue 15).

Each expected offset is acorn's own (``parseExpressionAt`` as MDX runs it; "content after" is where the
expression ends), checked with acorn 8 when the cases were written. The MDX-level consequences (line and
column of MDX008/MDX002/MDX011) are snippet cases checked against the real compiler in test_mdx_oracle.py.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lessonlint.lesson import jsparse

pytestmark = pytest.mark.skipif(not jsparse.available(), reason="tree-sitter is not installed")

ACORN_STOPS = [
    ('[\n  "a"\n  "b",\n]', 10),  # a missing comma: the next element, not the one before it
    ("[\n  { x: 1, y: 2 ,\n]", 19),  # an object never closed: the `]` that cannot follow its `,`
    ('[\n  "a,\n  "b",\n]', 4),  # a string cut by a line break: its opening quote
    ('[["a",\n  "b",\n]', 15),  # an extra `[`: the end of the input
    ("a b", 1),  # content after a complete expression: where the expression ends
    ("a /* c */ b", 1),
    ("{ a: 1 } }", 8),
    ("f(1, 2", 6),
    ("\\x + 1", 1),  # a backslash that starts no \u escape: the character after it
    ("#tag", 0),  # a private name outside a class
    ("...rest", 0),  # no expression starts with a spread
    ("a ? b", 5),
    ("x.map(y => { return y * 2 ) ", 26),
    ("[1, 2 /* x */ 3]", 14),
    ("if (a) b", 0),
]


@pytest.mark.parametrize(("code", "offset"), ACORN_STOPS)
def test_the_error_is_where_acorn_stops(code, offset):
    assert jsparse.expression_error(code) == offset
    assert jsparse.is_expression(code) is False


def test_valid_code_has_no_error():
    for code in ("obj.var + 1", "[1, 2, { a: `x ${y}` }]", "(a, b) => a + b", "<Card title={1} />", "a // note\n"):
        assert jsparse.expression_error(code) is None and jsparse.is_expression(code)


def test_an_error_far_into_a_long_value_is_found_past_the_first_read():
    rows = "".join(f'  "row {k}",\n' for k in range(3000))
    code = "[\n" + rows + '  "last"\n  "extra",\n]'
    assert jsparse.expression_error(code) == code.index('"extra"')


@pytest.mark.parametrize(("inside", "offset"), [("...props", None), ("/* c */ ...props", None), ("title", 0),
                                                ("...a, b", 6), ("a: 1", 0)])
def test_a_braced_attribute_takes_one_spread(inside, offset):
    assert jsparse.spread_error(inside) == offset


def test_the_benchmark_switch_turns_tree_sitter_off():
    env = {**os.environ, "LESSONLINT_JS_PARSER": "automaton"}
    done = subprocess.run([sys.executable, "-c", "from lessonlint.lesson import jsparse; print(jsparse.available())"],
                          env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
