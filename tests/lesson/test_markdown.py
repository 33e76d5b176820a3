"""Markdown blocks with file positions (mistune + the position layer), and prose paragraphs."""
from __future__ import annotations

import pytest

from lessonlint.lesson.markdown import Block, blocks, paragraphs, plain_text, tokens
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile


def lesson(text: str, mdx: bool = True):
    return parse_lesson(SourceFile.from_text("l.mdx" if mdx else "l.md", text), mdx=mdx)


def flat(items, depth: int = 0):
    for block in items:
        yield block.type, block.line, block.end_line
        yield from flat(block.children, depth + 1)


POSITIONS = {
    "crlf": ("# T\r\n\r\npara\r\nline2\r\n\r\n```py\r\nx\r\n```\r\n",
             [("heading", 1, 1), ("paragraph", 3, 4), ("block_code", 6, 8)]),
    "lone-cr": ("a\rb\r\r# H\r", [("paragraph", 1, 2), ("heading", 4, 4)]),
    "no-final-newline": ("a\n\nb", [("paragraph", 1, 1), ("paragraph", 3, 3)]),
    "unclosed-fence": ("text\n\n```sql\nselect 1;\n", [("paragraph", 1, 1), ("block_code", 3, 4)]),
    "setext": ("Title\n=====\n\nSub\n---\n", [("heading", 1, 2), ("heading", 4, 5)]),
    "reference-definition": ("a [x][1]\n\n[1]: http://e.com\n\nb\n", [("paragraph", 1, 1), ("paragraph", 5, 5)]),
    "empty-first-item-line": ("-\n  foo\n- bar\n", [("list", 1, 3), ("list_item", 1, 2), ("block_text", 2, 2),
                                                  ("list_item", 3, 3), ("block_text", 3, 3)]),
    "loose-nested": ("1. one\n\n   - a\n\n   - b\n\n2. two\n",
                     [("list", 1, 7), ("list_item", 1, 5), ("paragraph", 1, 1), ("list", 3, 5), ("list_item", 3, 3),
                      ("paragraph", 3, 3), ("list_item", 5, 5), ("paragraph", 5, 5), ("list_item", 7, 7),
                      ("paragraph", 7, 7)]),
    "fence-in-item": ("- step:\n\n  ```bash\n  ls\n  ```\n- next\n",
                      [("list", 1, 6), ("list_item", 1, 5), ("paragraph", 1, 1), ("block_code", 3, 5),
                       ("list_item", 6, 6), ("paragraph", 6, 6)]),
    "quote-in-item": ("- a\n  > q1\n  > q2\n- b\n",
                      [("list", 1, 4), ("list_item", 1, 3), ("block_text", 1, 1), ("block_quote", 2, 3),
                       ("paragraph", 2, 3), ("list_item", 4, 4), ("block_text", 4, 4)]),
    "lazy-quote": ("> a\nlazy\n\nafter\n", [("block_quote", 1, 2), ("paragraph", 1, 2), ("paragraph", 4, 4)]),
    "tabs": ("-\tone\n-\ttwo\n", [("list", 1, 2), ("list_item", 1, 1), ("block_text", 1, 1), ("list_item", 2, 2),
                                  ("block_text", 2, 2)]),
    "paragraph-then-list": ("text\n- a\n", [("paragraph", 1, 1), ("list", 2, 2), ("list_item", 2, 2),
                                            ("block_text", 2, 2)]),
    "table": ("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nx\n",
              [("table", 1, 4), ("table_head", 1, 1), ("table_cell", 1, 1), ("table_cell", 1, 1),
               ("table_row", 3, 3), ("table_cell", 3, 3), ("table_cell", 3, 3), ("table_row", 4, 4),
               ("table_cell", 4, 4), ("table_cell", 4, 4), ("paragraph", 6, 6)]),
    "deep-nesting": ("- a\n  - b\n    - c\n      ```\n      x\n      ```\n",
                     [("list", 1, 6), ("list_item", 1, 6), ("block_text", 1, 1), ("list", 2, 6), ("list_item", 2, 6),
                      ("block_text", 2, 2), ("list", 3, 6), ("list_item", 3, 6), ("block_text", 3, 3),
                      ("block_code", 4, 6)]),
    "hr-after-blank": ("para\n\n---\n", [("paragraph", 1, 1), ("thematic_break", 3, 3)]),
    "leading-blank-lines": ("\n\n# H\n", [("heading", 3, 3)]),
}


@pytest.mark.parametrize("name", sorted(POSITIONS))
def test_block_positions(name):
    text, expected = POSITIONS[name]
    assert list(flat(blocks(lesson(text)))) == expected


def test_mdx_lines_are_masked_before_mistune_sees_them():
    text = ("---\ntitle: A\n---\n\nimport X from './x';\n\n<Callout>\n\n    Indented **text**.\n\n</Callout>\n\n"
            "<Mermaid chart={`\ngraph TD\n\n    A --> B\n`} />\n")
    assert list(flat(blocks(lesson(text)))) == [("paragraph", 9, 9)]


def test_plain_markdown_keeps_indented_code_and_html():
    text = "para\n\n    code here\n\n<div>\nx\n</div>\n"
    assert list(flat(blocks(lesson(text, mdx=False)))) == [("paragraph", 1, 1), ("block_code", 3, 3),
                                                           ("block_html", 5, 7)]
    assert [b.type for b in blocks(lesson(text))] == ["paragraph", "paragraph", "paragraph"]


def test_block_fields():
    text = "## Setup `kafka`\n\n```Python title=x\nprint(1)\n```\n\n1. one\n   more\n2. two\n"
    head, code, items = blocks(lesson(text))
    assert (head.text, head.attrs["level"], head.column) == ("Setup `kafka`", 2, 1)
    assert (code.text, code.attrs["info"], code.attrs["marker"]) == ("print(1)", "Python title=x", "```")
    assert items.attrs["ordered"] is True
    first = items.children[0]
    assert (first.line, first.end_line, first.column) == (7, 8, 1)
    assert (first.children[0].text, first.children[0].column) == ("one\nmore", 4)
    assert isinstance(head, Block) and head.inline and head.children == ()


def test_blocks_are_parsed_once():
    parsed = lesson("a\n")
    assert blocks(parsed) is blocks(parsed)


def test_paragraphs_for_prose_checks():
    text = ("Intro with **bold**, `code` and a [link](http://x.y).\n\n- item one\n- item two\n\n"
            "> quoted\n\n| h1 | h2 |\n|----|----|\n| c1 | c2 |\n\n```\nnot prose\n```\n")
    got = [(p.line, p.end_line, p.text, p.kind) for p in paragraphs(lesson(text))]
    assert got == [(1, 1, "Intro with bold, code and a link.", "paragraph"), (3, 3, "item one", "list_item"),
                   (4, 4, "item two", "list_item"), (6, 6, "quoted", "quote"), (8, 8, "h1", "table_cell"),
                   (8, 8, "h2", "table_cell"), (10, 10, "c1", "table_cell"), (10, 10, "c2", "table_cell")]


def test_plain_text_keeps_line_breaks():
    assert plain_text(tokens("a *b*\nc\n")[0]["children"]) == "a b\nc"


def test_a_one_megabyte_line_parses():
    parsed = lesson("word " * 200_000 + "\n")
    assert list(flat(blocks(parsed))) == [("paragraph", 1, 1)]
