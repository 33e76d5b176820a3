"""Markdown block structure of a lesson (mistune 3 on ``Lesson.masked``) with file line numbers.

Computed only when asked and cached on the lesson: ``parse_lesson`` never imports mistune.
Under MDX there is no indented code and no HTML (``indent_code``, ``raw_html``, inline HTML
and autolinks are removed from mistune's rules, as MDX disables them in micromark).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import mistune

from .model import Lesson
from .positions import PositionParser, finalize

_MDX_OFF_BLOCK = ("indent_code", "raw_html")
_MDX_OFF_INLINE = ("inline_html", "auto_link", "auto_email")
_PROSE = ("paragraph", "block_text")


@dataclass(frozen=True)
class Block:
    """A block token: type is mistune's (paragraph, heading, block_code, list, table_cell...)."""

    type: str
    line: int
    end_line: int
    column: int
    children: tuple[Block, ...] = ()
    text: str | None = None  # paragraph / block_text / heading: Markdown source; block_code: body
    attrs: dict = field(default_factory=dict, compare=False, hash=False)  # level, info, ordered...
    inline: tuple = field(default=(), compare=False, hash=False)  # mistune inline tokens


class Paragraph(NamedTuple):
    line: int
    end_line: int
    text: str  # plain text: inline markup removed, code spans kept without backticks
    kind: str  # paragraph | list_item | table_cell | quote


@lru_cache(maxsize=2)
def _markdown(mdx: bool) -> mistune.Markdown:
    from mistune.plugins import import_plugin

    block = PositionParser()
    inline = mistune.InlineParser()
    if mdx:
        for rules in (block.rules, block.block_quote_rules, block.list_rules):
            rules[:] = [rule for rule in rules if rule not in _MDX_OFF_BLOCK]
        inline.rules = [rule for rule in inline.rules if rule not in _MDX_OFF_INLINE]
    md = mistune.Markdown(renderer=None, block=block, inline=inline,
                          plugins=[import_plugin(name) for name in ("table", "strikethrough")])
    md.before_render_hooks.append(finalize)
    return md


def tokens(text: str, mdx: bool = True) -> list[dict[str, Any]]:
    """mistune's AST of ``text``; block tokens carry ``_line``, ``_end_line``, ``_column``."""
    result, _state = _markdown(mdx).parse(text)
    return result  # type: ignore[return-value]


def blocks(lesson: Lesson) -> tuple[Block, ...]:
    """Block structure of the lesson, parsed once and cached on it."""
    cached = lesson.extra.get("blocks")
    if cached is None:
        cached = lesson.extra["blocks"] = _convert(tokens(lesson.masked, lesson.mdx))
    return cached


def _convert(raw: list[dict[str, Any]]) -> tuple[Block, ...]:
    out = []
    for token in raw:
        kind = token["type"]
        if kind == "blank_line" or "_line" not in token:
            continue
        line, end, column = token["_line"], token["_end_line"], token["_column"]
        attrs = dict(token.get("attrs") or {})
        if kind == "table":
            out.append(Block(kind, line, end, column, _table_rows(token, line, column), attrs=attrs))
            continue
        if kind == "list":
            attrs.setdefault("bullet", token.get("bullet"))
        if kind == "block_code":
            attrs.update(marker=token.get("marker"), style=token.get("style"))
            raw = token.get("raw", "")
            text = raw[:-1] if raw.endswith("\n") else raw
        else:
            text = token.get("_text")
            text = text.rstrip("\n") if text is not None else None
        children = token.get("children") or ()
        has_blocks = kind in ("list", "list_item", "block_quote")
        out.append(Block(kind, line, end, column, _convert(children) if has_blocks else (), text, attrs,
                         () if has_blocks else tuple(children)))
    return tuple(out)


def _table_rows(token: dict[str, Any], line: int, column: int) -> tuple[Block, ...]:
    """GFM rows are one line each: the head, the delimiter row, then the body rows."""
    rows = []
    for part in token.get("children", ()):
        if part["type"] == "table_head":
            rows.append(("table_head", line, part["children"]))
        else:
            for k, row in enumerate(part.get("children", ())):
                rows.append(("table_row", line + 2 + k, row["children"]))
    return tuple(Block(kind, at, at, column, tuple(
        Block("table_cell", at, at, column, text=plain_text(cell.get("children", ())),
              attrs=dict(cell.get("attrs") or {}), inline=tuple(cell.get("children", ())))
        for cell in cells)) for kind, at, cells in rows)


def plain_text(inline: Any) -> str:
    """Text of inline tokens without markup: code spans keep their content, links their label."""
    parts: list[str] = []
    stack = [iter(inline)]
    while stack:  # iterative: inline nesting depth is the author's, not ours
        token = next(stack[-1], None)
        if token is None:
            stack.pop()
        elif token["type"] in ("softbreak", "linebreak"):
            parts.append("\n")
        elif "children" in token and token["type"] != "image":
            stack.append(iter(token["children"]))
        elif token["type"] in ("text", "codespan"):
            parts.append(token.get("raw", ""))
    return "".join(parts)


def paragraphs(lesson: Lesson) -> tuple[Paragraph, ...]:
    """Prose units for word counts and language checks: paragraphs, list item texts, table cells."""
    out: list[Paragraph] = []
    stack = [(iter(blocks(lesson)), "paragraph")]
    while stack:
        block = next(stack[-1][0], None)
        if block is None:
            stack.pop()
            continue
        context = stack[-1][1]
        if block.type in _PROSE:
            out.append(Paragraph(block.line, block.end_line, plain_text(block.inline), context))
        elif block.type == "table_cell":
            out.append(Paragraph(block.line, block.end_line, block.text or "", "table_cell"))
        elif block.children:
            inner = {"list_item": "list_item", "block_quote": "quote"}.get(block.type, context)
            stack.append((iter(block.children), inner))
    return tuple(out)
