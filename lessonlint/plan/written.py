"""Plan values as the author wrote them, where YAML read something else.

``to: [dir="rtl"]`` is a flow list to YAML and ``- D-12: offsets`` a mapping; the source
line still holds the text the author meant.
"""
from __future__ import annotations

import re

from ..text.source import SourceFile

_PATH_TOKEN = re.compile(r"[\w@~.\-\[\]*?{}+/\\]+")
_EXTENSIONLESS = {"Dockerfile", "Makefile", "LICENSE", "README", "Procfile", "Gemfile", "Justfile", "Containerfile"}


def written(source: SourceFile, pos: tuple[int, int], indent: int, last_line: int, flow: bool = False) -> str:
    """Source text of the YAML value at ``pos``: up to its flow delimiter, or its line and the
    continuation lines below it (indented deeper than ``indent``, up to ``last_line``)."""
    line, column = pos
    row = source.line(line)[column - 1:]
    if flow:
        return _flow_item(row)
    parts = [_strip_comment(row)]
    for number in range(line + 1, last_line + 1):
        following = source.line(number)
        if not following.strip() or len(following) - len(following.lstrip()) <= indent:
            break
        parts.append(_strip_comment(following))
    return " ".join(p.strip() for p in parts if p.strip())


def leading_path(text: str) -> str | None:
    """The path a bare-string entry starts with (``src/x.ts (modified — …)`` → ``src/x.ts``)."""
    quoted = re.match(r"\s*([`'\"])(.+?)\1", text)
    if quoted:  # `src/a b.ts` — the quotes say where the path ends
        token = quoted.group(2).strip()
    else:
        token = text.strip().split(maxsplit=1)[0].rstrip(",;:") if text.strip() else ""
    if not token or not _PATH_TOKEN.fullmatch(token.replace(" ", "_") if quoted else token):
        return None
    if "/" in token or "." in token.lstrip(".") or token in _EXTENSIONLESS:
        return token
    return None


def _strip_comment(text: str) -> str:
    quote = None
    for index, char in enumerate(text):
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'" and (index == 0 or text[index - 1] in " \t:[{,"):
            quote = char
        elif char == "#" and index > 0 and text[index - 1] in " \t":
            return text[:index].rstrip()
    return text.rstrip()


def _flow_item(text: str) -> str:
    """Text of one flow-collection entry: up to the ',' / ']' / '}' that ends it."""
    depth, quote = 0, None
    for index, char in enumerate(text):
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
        elif char in "]}" and depth:
            depth -= 1
        elif char in ",]}":
            return text[:index].strip()
    return _strip_comment(text).strip()
