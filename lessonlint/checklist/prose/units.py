"""Units of explanatory text for language checks: paragraphs, list items, quotes, table rows — their words
without inline code, URLs or link targets (code and addresses are not the language of the text)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...lesson.markdown import blocks
from ...lesson.model import Lesson

_URL = regex.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")
_PROSE = ("paragraph", "block_text")


@dataclass(frozen=True)
class Unit:
    line: int
    end_line: int
    column: int
    text: str
    kind: str  # paragraph | list_item | quote | table_row


def units(lesson: Lesson) -> list[Unit]:
    """Every unit of explanatory text, in file order."""
    out: list[Unit] = []
    stack = [(iter(blocks(lesson)), "paragraph")]
    while stack:
        block = next(stack[-1][0], None)
        if block is None:
            stack.pop()
            continue
        context = stack[-1][1]
        if block.type in _PROSE:
            out.append(Unit(block.line, block.end_line, block.column, words_of(block.inline), context))
        elif block.type in ("table_head", "table_row"):
            text = " | ".join(words_of(cell.inline) for cell in block.children)
            out.append(Unit(block.line, block.end_line, block.column, text, "table_row"))
        elif block.children:
            inner = {"list_item": "list_item", "block_quote": "quote"}.get(block.type, context)
            stack.append((iter(block.children), inner))
    return sorted(out, key=lambda u: u.line)


def words_of(inline) -> str:
    """Text of inline tokens without code spans, images, link targets and URLs."""
    parts: list[str] = []
    stack = [iter(inline)]
    while stack:
        token = next(stack[-1], None)
        if token is None:
            stack.pop()
        elif token["type"] in ("softbreak", "linebreak"):
            parts.append("\n")
        elif token["type"] in ("codespan", "image"):
            parts.append(" ")
        elif "children" in token:
            stack.append(iter(token["children"]))
        elif token["type"] == "text":
            parts.append(token.get("raw", ""))
    return _URL.sub(" ", "".join(parts))
