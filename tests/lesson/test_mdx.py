"""The MDX line classifier: kinds and roles, code blocks, headings, regions, masking, hazards."""
from __future__ import annotations

import pytest

from lessonlint.lesson.parser import parse_lesson
from lessonlint.registry.codes import RULES
from lessonlint.text.source import SourceFile, decode

from .snippets import CASES


def lesson(text: str, mdx: bool = True):
    return parse_lesson(SourceFile.from_text("lesson.mdx" if mdx else "lesson.md", text), mdx=mdx)


def kinds(les) -> list[tuple[str, str | None]]:
    return [(li.kind, li.role) for li in les.lines]


def mdx_codes(les) -> list[tuple[str, int, int]]:
    return sorted((d.code, d.line, d.column) for d in les.diagnostics if d.code.startswith("MDX"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_hazards(name):
    text, expected = CASES[name]
    assert mdx_codes(lesson(text)) == sorted(expected)


def test_every_mdx_code_is_exercised_and_every_hint_says_what_to_write():
    seen = set()
    for text, _expected in CASES.values():
        for diagnostic in lesson(text).diagnostics:
            seen.add(diagnostic.code)
            assert diagnostic.path == "lesson.mdx"
            assert diagnostic.line is not None and diagnostic.column is not None
            assert diagnostic.hint and "`" in diagnostic.hint, diagnostic
    assert {code for code in RULES if code.startswith("MDX")} <= seen


def test_inline_expression_is_a_warning_by_default():
    assert RULES["MDX009"].severity.value == "warning"
    assert RULES["MDX001"].severity.value == "error"


def test_frontmatter_esm_and_heading():
    les = lesson("---\ntitle: x\n---\n\nimport A from './a';\nimport {\n  B,\n} from './b';\n\n# Title\n")
    assert kinds(les)[:9] == [("frontmatter", "delimiter"), ("frontmatter", "yaml"), ("frontmatter", "delimiter"),
                              ("blank", None), ("esm", None), ("esm", None), ("esm", None), ("esm", None),
                              ("blank", None)]
    assert [(r.kind, r.line, r.end_line) for r in les.regions] == [("esm", 5, 8)]
    assert les.masked.split("\n")[:10] == [""] * 9 + ["# Title"]


def test_flow_element_children_are_markdown_with_a_jsx_path():
    les = lesson('<Callout type="note">\n**Title** on the next line\n\n    indented text is not code\n</Callout>\n')
    assert kinds(les) == [("jsx", "tag"), ("prose", "para"), ("blank", None), ("prose", "para"), ("jsx", "tag")]
    assert [li.jsx_path for li in les.lines] == [(), ("Callout",), ("Callout",), ("Callout",), ("Callout",)]
    assert les.code_blocks == ()
    assert les.masked.split("\n")[1] == "**Title** on the next line"


def test_chart_template_is_one_attribute_with_file_positions():
    text = "Intro\n\n<Mermaid chart={`\ngraph TD\n\n    A --> B\n# not a heading\n- not a list\n`} />\nAfter\n"
    les = lesson(text)
    assert [li.kind for li in les.lines[2:9]] == ["jsx"] * 7
    assert [li.role for li in les.lines[3:8]] == ["attr-expr"] * 5
    assert les.headings == ()
    (attr,) = [r for r in les.regions if r.kind == "jsx-attr"]
    assert (attr.name, attr.attr, attr.line, attr.column, attr.end_line) == ("Mermaid", "chart", 3, 16, 9)
    assert attr.value.startswith("{`\ngraph TD") and attr.value.endswith("`}")
    assert les.lines[9].kind == "prose"
    assert les.masked.split("\n")[2:9] == [""] * 7


def test_mermaid_fence_inside_a_component_is_code():
    les = lesson("<Mermaid>\n```Mermaid title=\"x\"\ngraph TD\n  A --> B\n```\n</Mermaid>\n")
    (block,) = les.code_blocks
    assert (block.lang, block.info, block.line, block.end_line, block.closed, block.column) == \
        ("mermaid", 'Mermaid title="x"', 2, 5, True, 1)
    assert block.text == "graph TD\n  A --> B"
    assert [li.role for li in les.lines[1:5]] == ["fence-open", "body", "body", "fence-close"]
    assert les.lines[2].lang == "mermaid" and les.lines[2].jsx_path == ("Mermaid",)


def test_self_closing_component_then_text_and_comment_with_blank_line():
    les = lesson("<Diagram client:load data={{a: [1, 2], b: \"x > y\"}}\n/>\nText below.\n\n{/* one\n\ntwo */}\n")
    assert kinds(les) == [("jsx", "tag"), ("jsx", "tag"), ("prose", "para"), ("blank", None),
                          ("comment", "comment"), ("comment", "comment"), ("comment", "comment")]
    assert [r.kind for r in les.regions] == ["jsx-tag", "jsx-attr", "comment"]


def test_html_like_components_and_inline_jsx_keep_columns():
    text = "<table style={{width: '100%'}}>\n<tr><td>Размер</td></tr>\n</table>\n\nНажмите <Kbd>Ctrl</Kbd> и {props.x}.\n"
    les = lesson(text)
    assert kinds(les)[:3] == [("jsx", "tag"), ("prose", "jsx-text"), ("jsx", "tag")]
    masked = les.masked.split("\n")
    assert masked[1].strip() == "Размер" and masked[1].index("Размер") == text.split("\n")[1].index("Размер")
    original = text.split("\n")[4]
    assert len(masked[4]) == len(original) and masked[4].index("Ctrl") == original.index("Ctrl")
    assert "<" not in masked[4] and "{" not in masked[4]
    inline = [(r.kind, r.name, r.line, r.column) for r in les.regions if r.line == 5]
    assert inline == [("inline-jsx", "Kbd", 5, 9), ("inline-jsx", "Kbd", 5, 18), ("expression", None, 5, 27)]


def test_code_blocks_and_headings():
    text = ("# One #\n\n  ## Two\n\nSetext\n===\n\n~~~~Python extra\n```\n~~~~\n\n"
            "> ```sh\n> ls\n> ```\n\n- item\n  ```\n  x\n  ```\n")
    les = lesson(text)
    assert [(h.level, h.text, h.line, h.column) for h in les.headings] == \
        [(1, "One", 1, 1), (2, "Two", 3, 3), (1, "Setext", 5, 1)]
    assert [(b.lang, b.line, b.end_line, b.column, b.text) for b in les.code_blocks] == \
        [("python", 8, 10, 1, "```"), ("sh", 12, 14, 3, "ls"), (None, 17, 19, 3, "x")]
    assert les.code_blocks[0].info == "Python extra"


def test_fence_closed_early_is_the_real_debezium_shape():
    text = "```yaml\nalerts:\n  - name: x\n    ```\n    # heading now\n"
    les = lesson(text)
    assert les.code_blocks[0].end_line == 4
    assert les.lines[4].kind == "heading"
    (d,) = [d for d in les.diagnostics if d.code == "MDX006"]
    assert (d.line, d.column) == (4, 5) and "line 1" in d.message


def test_unclosed_fence_runs_to_the_end():
    les = lesson("a\n\n```\nx <1\n")
    assert les.code_blocks[0].closed is False and les.code_blocks[0].end_line == 4
    assert mdx_codes(les) == [("MDX005", 3, 1)]


def test_setext_hr_and_lists():
    les = lesson("Title\n---\n\n- a\n---\n\n***\n")
    assert kinds(les) == [("heading", "setext"), ("heading", "setext-underline"), ("blank", None),
                          ("prose", "list"), ("hr", None), ("blank", None), ("hr", None)]


def test_plain_markdown_has_no_mdx_semantics():
    les = lesson("import a from 'b'\n\n<!-- note\nmore -->\n\nSpeed <1 s and {x}.\n<div>\n", mdx=False)
    assert kinds(les)[:4] == [("prose", "para"), ("blank", None), ("comment", "html-comment"),
                              ("comment", "html-comment")]
    assert les.diagnostics == ()
    assert les.mdx is False
    assert les.masked.split("\n")[5] == "Speed <1 s and {x}."


@pytest.mark.parametrize("text, count", [
    ("", 0), ("x", 1), ("x\n", 1), ("a\r\nb\r\n", 2), ("a\rb\r", 2), ("a\r\n\r\n<1\r\n", 3), ("\n\n", 2),
])
def test_line_endings_keep_the_line_count(text, count):
    les = lesson(text)
    assert len(les.lines) == count == les.source.line_count
    assert les.masked.count("\n") == count


def test_crlf_positions_are_file_positions():
    les = lesson("---\r\ntitle: a\r\n---\r\n\r\nx <1\r\n")
    assert mdx_codes(les) == [("MDX001", 5, 4)]
    assert les.frontmatter.values == {"title": "a"}


def test_lone_cr_is_a_line_break():
    les = lesson("# T\rtext <1\r")
    assert [li.kind for li in les.lines] == ["heading", "prose"]
    assert mdx_codes(les) == [("MDX001", 2, 7)]


def test_byte_order_mark_is_stripped_by_the_reader():
    text, notes = decode("\ufeff---\ntitle: A\n---\n\n# H\n".encode())
    les = parse_lesson(SourceFile.from_text("l.mdx", text, notes))
    assert les.frontmatter.values == {"title": "A"} and les.headings[0].line == 5
    assert [n.code for n in les.source.notes] == ["ENC001"]


def test_a_bom_left_in_the_text_does_not_hide_frontmatter():
    les = lesson("\ufeff---\ntitle: A\n---\n")
    assert les.frontmatter is not None and les.frontmatter.values == {"title": "A"}
