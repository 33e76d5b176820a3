"""Key lines in TOML: tomllib gives none, the config errors need them."""
from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.config.tomlpos import key_lines

TRICKY = '''\
# top comment with key = "value"
title = "a = b # not a comment"
"quoted.key" = 1
'literal' = 'C:\\dir # x = 1'
multi = """
fake = 1
[fake.table]
"""
raw = \'\'\'
more = 2
\'\'\'
array = [
  "x", # comment ] =
  ["nested", "]"],
]
inline = { a = 1, "b.c" = { d = [1, 2] } }
dotted.part.leaf = true

[tool.lessonlint]
select = ["ART"]

[tool.lessonlint.severity]
ART003 = "warning"

[[tool.other]]
name = "first"
'''


def test_tricky_document():
    lines = key_lines(TRICKY)
    tomllib.loads(TRICKY)  # the scanner is only ever run on valid TOML
    assert lines[("title",)] == 2
    assert lines[("quoted.key",)] == 3
    assert lines[("literal",)] == 4
    assert lines[("multi",)] == 5
    assert ("fake",) not in lines and ("more",) not in lines
    assert lines[("raw",)] == 9
    assert lines[("array",)] == 12
    assert lines[("inline", "a")] == 16 and lines[("inline", "b.c", "d")] == 16
    assert lines[("dotted", "part", "leaf")] == 17 and lines[("dotted",)] == 17
    assert lines[("tool", "lessonlint")] == 19 and lines[("tool", "lessonlint", "select")] == 20
    assert lines[("tool", "lessonlint", "severity", "ART003")] == 23
    assert lines[("tool", "other", "name")] == 26


def test_escapes_in_quoted_keys_and_crlf():
    text = '"a\\u00e9\\"b" = 1\r\nnext = 2\r\n'
    lines = key_lines(text)
    assert lines == {('aé"b',): 1, ("next",): 2}


_name = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-_0123456789", min_size=1, max_size=8)
_junk = st.text(alphabet='ab =#[]{}"\',.\\\n', max_size=12)


@st.composite
def documents(draw):
    """A TOML text with tables, keys and awkward values, and the line each key was written on."""
    out, expected, line = [], {}, 1
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.lists(_name, min_size=1, max_size=2, unique=True))
        if tuple(table[:1]) in expected or any(tuple(table[:n]) in expected for n in range(1, len(table) + 1)):
            continue
        out.append("[" + ".".join(table) + "]")
        expected[tuple(table)] = line
        line += 1
        for key in draw(st.lists(_name, max_size=4, unique=True)):
            path = tuple(table) + (key,)
            if any(known[:len(path)] == path for known in expected):  # `[1.0]` then `[1]` `0 = …`: taken
                continue
            junk = draw(_junk)
            style = draw(st.sampled_from(["basic", "multi", "literal-multi", "array", "inline", "number"]))
            value = {
                "basic": '"' + junk.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"',
                "multi": '"""\n' + junk.replace("\\", "\\\\").replace('"', '\\"') + '"""',
                "literal-multi": "'''\n" + junk.replace("'", "") + "'''",
                "array": "[\n  1, # " + junk.replace("\n", " ") + "\n  2,\n]",
                "inline": '{ x = "' + junk.replace("\\", "").replace('"', "").replace("\n", "") + '" }',
                "number": "42 # " + junk.replace("\n", " "),
            }[style]
            out.append(f"{key} = {value}")
            expected[tuple(table) + (key,)] = line
            line += value.count("\n") + 1
    text = "\n".join(out) + "\n"
    return text, expected


@settings(max_examples=200, deadline=None)
@given(documents())
def test_every_key_is_found_on_its_line(doc):
    text, expected = doc
    tomllib.loads(text)
    lines = key_lines(text)
    for path, line in expected.items():
        assert lines[path] == line, (path, text)
