"""Tooltip texts of JSX/TSX components: ``<XTooltip content="…">``, ``content={<div>…</div>}``,
``tooltip="…"`` attributes and ``tooltip: '…'`` properties of data objects."""
from __future__ import annotations

import regex

_TOOLTIP_TAG = regex.compile(r"<(\w*Tooltip)\b")
_CONTENT = regex.compile(r"\bcontent\s*=\s*")
_ATTR = regex.compile(r"\btooltip\s*=\s*(\"[^\"]*\"|'[^']*'|\{`[^`]*`\})")
_PROPERTY = regex.compile(r"\btooltip\s*:\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|`[^`]*`)")
_TAG = regex.compile(r"<[^<>]*>")
_EXPR = regex.compile(r"\{[^{}]*\}")


def tooltips(text: str) -> list[tuple[int, str]]:
    """(offset, visible text) of every tooltip in a component or lesson source."""
    out = []
    for tag in _TOOLTIP_TAG.finditer(text):
        m = _CONTENT.search(text, tag.end(), min(len(text), tag.end() + 400))
        if m is None or ">" in text[tag.end():m.start()].replace("=>", ""):
            continue
        value = _value(text, m.end())
        if value is not None:
            out.append((m.end(), value))
    for m in _ATTR.finditer(text):
        out.append((m.start(1), m.group(1)[1:-1].strip("{}`")))
    for m in _PROPERTY.finditer(text):
        out.append((m.start(1), m.group(1)[1:-1]))
    return sorted(out)


def _value(text: str, at: int) -> str | None:
    """The visible text of an attribute value: a string, or the text of the JSX inside ``{…}``."""
    if at >= len(text):
        return None
    if text[at] in "\"'":
        end = text.find(text[at], at + 1)
        return text[at + 1:end] if end > 0 else None
    if text[at] != "{":
        return None
    depth, k = 0, at
    while k < len(text):
        if text[k] == "{":
            depth += 1
        elif text[k] == "}":
            depth -= 1
            if depth == 0:
                break
        k += 1
    inner = text[at + 1:k].strip()
    if regex.fullmatch(r"[\w.]+", inner):
        return None  # a variable: its text is elsewhere (a `tooltip:` property)
    inner = inner.strip("`\"'")
    return " ".join(_EXPR.sub(" ", _TAG.sub(" ", inner)).split())
