"""File line ranges for mistune 3 block tokens (mistune has none: lepture/mistune#218).

Hooks, all on long-lived mistune internals (proved on the corpus by
tests/lesson/test_markdown_corpus.py; pyproject pins the mistune range):

* ``PositionState`` stamps the cursor on every token appended, and the exact end of a
  paragraph (its text is a verbatim slice of the source); it remembers child states
  (block quotes, list items) to map their local offsets back to file lines.
* ``PositionParser.parse_method`` wraps the one dispatch point of every block rule and
  stamps the match start and returned end on the tokens the rule created (lists and
  quotes are appended after the cursor moved; setext headings convert a paragraph).
* ``finalize`` (a before-render hook, while paragraph text still exists) turns offsets into
  1-based lines: quote children map 1:1 onto the quote's lines; a list item's child source
  starts at its marker line (or the next one when the marker line is empty).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from mistune.block_parser import BlockParser
from mistune.core import BlockState

_LIST_MARKER = re.compile(r"[ \t]*(?:[*+-]|\d{1,9}[.)])")
_NEWLINE = re.compile("\n")


class PositionState(BlockState):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kids: list[PositionState] = []
        self._breaks: list[int] | None = None
        self._lines: list[str] | None = None

    def append_token(self, token: dict[str, Any]) -> None:
        token.setdefault("_cs", self.cursor)
        super().append_token(token)

    def prepend_token(self, token: dict[str, Any]) -> None:
        token.setdefault("_cs", self.cursor)
        super().prepend_token(token)

    def add_paragraph(self, text: str) -> None:
        super().add_paragraph(text)
        last = self.tokens[-1]
        last.setdefault("_cs", self.cursor)
        last["_me"] = self.cursor + len(text)

    def append_paragraph(self) -> int | None:
        end = super().append_paragraph()
        if end is not None:
            self.tokens[-1]["_me"] = end
        return end

    def child_state(self, src: str, *args: Any, **kwargs: Any) -> BlockState:
        child = super().child_state(src, *args, **kwargs)
        self.kids.append(child)  # type: ignore[arg-type]
        return child

    def local_line(self, offset: int) -> int:
        """0-based line of ``offset`` within this state's source."""
        if self._breaks is None:
            self._breaks = [m.start() for m in _NEWLINE.finditer(self.src)]
        return bisect_left(self._breaks, offset)

    def src_lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.src.split("\n")
        return self._lines


class PositionParser(BlockParser):
    state_cls = PositionState

    def parse_method(self, m, state):  # type: ignore[override]
        tokens = state.tokens
        count = len(tokens)
        previous = tokens[-1] if tokens else None
        previous_type = previous["type"] if previous else None
        end = super().parse_method(m, state)
        if end:
            for token in tokens[max(count - 1, 0):]:
                if token is previous:
                    if previous_type == "paragraph" and token["type"] != "paragraph":
                        token["_me"] = end  # a setext heading took its underline
                elif "_ms" not in token and token["type"] != "paragraph":
                    token["_ms"], token["_me"] = m.start(), end
        return end


def finalize(md: Any, state: PositionState) -> None:
    """Before-render hook: give every block token ``_line``, ``_end_line``, ``_column`` (1-based)."""
    _Finalizer(state.src.split("\n")).run(state, state.tokens, 0)


class _Finalizer:
    def __init__(self, file_lines: list[str]) -> None:
        self.file_lines = file_lines

    def run(self, state: PositionState, tokens: list[dict[str, Any]], base: int) -> None:
        """Position ``tokens`` of ``state``; ``base`` is the 0-based file line of the state's line 0."""
        kids = {id(kid.tokens): kid for kid in state.kids}
        starts = [t.get("_ms", t.get("_cs")) for t in tokens]
        lines = state.src_lines()
        following = len(state.src)
        for index in range(len(tokens) - 1, -1, -1):  # next sibling's start, right to left
            token, start = tokens[index], starts[index]
            if start is None:
                continue
            end = token.get("_me")
            end = following if end is None else min(end, max(following, start + 1))
            following = start
            first = state.local_line(start)
            last = state.local_line(max(end - 1, start))
            if token["type"] != "blank_line":
                while last > first and not lines[last].strip():
                    last -= 1
            token["_line"], token["_end_line"] = base + first + 1, base + last + 1
            token["_column"] = self.column(base + first, lines[first])
            if "text" in token:
                token["_text"] = token["text"]
            self.children(state, token, base + first, first, last, kids)

    def children(self, state, token, file_first, first, last, kids) -> None:
        kind = token["type"]
        if kind == "list":
            self.list_items(state, token, file_first - first, first, last, kids)
            return
        child = kids.get(id(token.get("children")))
        if child is not None:  # block quote (and plugin containers): child lines map 1:1
            self.run(child, token["children"], file_first)

    def list_items(self, state, token, base, first, last, kids) -> None:
        lines = state.src_lines()
        marker = first
        for item in token["children"]:
            child = kids.get(id(item.get("children")))
            while marker <= last and not lines[marker].strip():
                marker += 1
            found = _LIST_MARKER.match(lines[marker]) if marker < len(lines) else None
            if child is None or found is None:
                return  # unmapped: leave the rest without positions rather than guess
            rest = lines[marker][found.end():]
            child_first = marker if rest.strip() else marker + 1
            child_lines = child.src.count("\n") + (0 if child.src.endswith("\n") or not child.src else 1)
            item_last = max(child_first + child_lines - 1, marker)
            item["_line"], item["_end_line"] = base + marker + 1, base + item_last + 1
            item["_column"] = self.column(base + marker, lines[marker])
            self.run(child, item["children"], base + child_first)
            marker = item_last + 1

    def column(self, file_index: int, local_line: str) -> int:
        """1-based file column of the first non-blank character of a token's first line."""
        file_line = self.file_lines[file_index] if file_index < len(self.file_lines) else ""
        stripped = local_line.lstrip()
        if stripped and file_line.endswith(stripped):
            return len(file_line) - len(stripped) + 1
        return len(file_line) - len(file_line.lstrip()) + 1
