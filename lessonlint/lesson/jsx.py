"""JSX tags as MDX reads them: where a tag ends, or the character MDX crashes on.

A port of micromark-extension-mdx-jsx's tag state machine; the crash offset is what the MDX
compiler reports as the error position. Attribute expressions are read by ``jslex``. Every
scan stops at ``end`` and reads each character once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .expr import Unclosed, close_expression
from .jslex import read_expression

_NAME_REST = re.compile(r"[\w$\-\u200c\u200d]*")  # JSX names may contain '-'
_ATTRIBUTE_NAME = re.compile(r"[^\W\d][\w$\-]*(?::[^\W\d][\w$\-]*)?|[$_][\w$\-]*")
_PLAIN_TAG = re.compile(r"<(/?)([A-Za-z_$][\w$\-]*)(/?)>")  # the common case, without attributes
_MD_SPACE = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Attr:
    name: str  # '...' for a spread {...props}
    kind: str  # string | expr | bool
    start: int  # value span (quotes or braces included); start == end for a bool attribute
    end: int
    at: int  # offset of the attribute itself (its name, or the '{' of a spread)


@dataclass(frozen=True, slots=True)
class Tag:
    start: int  # offset of '<'
    end: int  # offset just after '>'
    name: str  # '' for a fragment
    closing: bool
    self_closing: bool
    attrs: tuple[Attr, ...] = ()
    close_marker: int = -1  # offset of the '/' of a closing tag


SPREAD_ONLY = "in a `{…}` attribute, where MDX takes only a `{...spread}`"
IN_VALUE = frozenset({"in expression", SPREAD_ONLY})  # crashes inside an attribute value's braces


@dataclass(frozen=True, slots=True)
class Crash:
    """MDX stops here: ``found`` is the offending character ('' = end of input)."""

    offset: int
    found: str
    where: str  # e.g. 'before name', 'in name', 'in attribute value'
    name: str = field(default="", compare=False)  # the opening tag's name, when the crash is in its expression
    resume: int = field(default=-1, compare=False)  # in an expression: where the tag would end were it valid (-1: unknown)


def is_name_start(char: str) -> bool:
    return char == "$" or char == "_" or (char.isidentifier() and not char.isdigit())


def _is_space(char: str) -> bool:
    return char != "" and (char in _MD_SPACE or char.isspace())


def _skip_space(src: str, i: int, end: int) -> int:
    while i < end and (src[i] in _MD_SPACE or src[i].isspace()):
        i += 1
    return i


def read_tag(src: str, i: int, end: int) -> Tag | Crash | None:
    """``src[i] == '<'``: the tag, where MDX crashes, or None when '<' is plain text (space after it)."""
    plain = _PLAIN_TAG.match(src, i, end)
    if plain is not None and not (plain.group(1) and plain.group(3)):
        closing = bool(plain.group(1))
        return Tag(i, plain.end(), plain.group(2), closing, bool(plain.group(3)), (), i + 1 if closing else -1)
    at = _Cursor(src, end)
    p = i + 1
    if p < end and src[p] in _MD_SPACE:
        return None
    p = _skip_space(src, p, end)
    closing, close_marker = False, -1
    if at(p) == "/":
        closing, close_marker = True, p
        p = _skip_space(src, p + 1, end)
    if at(p) == ">":
        return Tag(i, p + 1, "", closing, False, (), close_marker)
    if not is_name_start(at(p)):
        return Crash(p, at(p), "before name")
    parts, p = _read_name(src, p, end, at)
    if isinstance(parts, Crash):
        return parts
    name = parts
    attrs: list[Attr] = []
    while True:
        char = at(p)
        if char == "/":
            p = _skip_space(src, p + 1, end)
            if at(p) != ">":
                return Crash(p, at(p), "after self-closing slash")
            return Tag(i, p + 1, name, closing, True, tuple(attrs), close_marker)
        if char == ">":
            return Tag(i, p + 1, name, closing, False, tuple(attrs), close_marker)
        if char == "{":
            q = close_expression(src, p, end, spread=True)
            if isinstance(q, Unclosed):
                return _expression_crash(src, q, end, "" if closing else name, p)
            attrs.append(Attr("...", "expr", p, q, p))
            p = _skip_space(src, q, end)
            continue
        if not is_name_start(char):
            return Crash(p, char, "before attribute name")
        result = _read_attribute(src, p, end, at)
        if isinstance(result, Crash):
            return result if closing or result.where not in IN_VALUE else replace(result, name=name)
        attr, p = result
        attrs.append(attr)


class _Cursor:
    """``at(p)``: the character at p, or '' past the end."""

    __slots__ = ("src", "end")

    def __init__(self, src: str, end: int) -> None:
        self.src, self.end = src, end

    def __call__(self, p: int) -> str:
        return self.src[p] if p < self.end else ""


def _name_run(src: str, p: int, end: int) -> int:
    return _NAME_REST.match(src, p + 1, end).end()


def _read_name(src: str, p: int, end: int, at: _Cursor):
    """Primary name, then '.member' parts or one ':local' part; returns (name, offset) or (Crash, _)."""
    start = p
    p = _name_run(src, p, end)
    name = src[start:p]
    if not (at(p) in "./:>{" and at(p) != "" or _is_space(at(p))):
        return Crash(p, at(p), "in name"), p
    p = _skip_space(src, p, end)
    separator = at(p) if at(p) in (".", ":") else ""
    while separator:
        p = _skip_space(src, p + 1, end)
        where = "member name" if separator == "." else "local name"
        if not is_name_start(at(p)):
            return Crash(p, at(p), "before " + where), p
        part_start = p
        p = _name_run(src, p, end)
        name += separator + src[part_start:p]
        allowed = "./>{" if separator == "." else "/>{"
        if not (at(p) != "" and at(p) in allowed or _is_space(at(p))):
            return Crash(p, at(p), "in " + where), p
        p = _skip_space(src, p, end)
        separator = "." if separator == "." and at(p) == "." else ""
    char = at(p)
    if not (char != "" and char in "/>{" or is_name_start(char)):
        return Crash(p, char, "after name"), p
    return name, p


def _read_attribute(src: str, p: int, end: int, at: _Cursor):
    """An attribute starting at a name character: (Attr, next offset) or Crash."""
    start = p
    p = _name_run(src, p, end)
    if not (at(p) != "" and at(p) in "/:=>{" or _is_space(at(p))):
        return Crash(p, at(p), "in attribute name")
    name_end = p
    p = _skip_space(src, p, end)
    if at(p) == ":":
        p = _skip_space(src, p + 1, end)
        if not is_name_start(at(p)):
            return Crash(p, at(p), "before local attribute name")
        local = p
        p = _name_run(src, p, end)
        if not (at(p) != "" and at(p) in "/=>{" or _is_space(at(p))):
            return Crash(p, at(p), "in local attribute name")
        name = src[start:name_end] + ":" + src[local:p]
        p = _skip_space(src, p, end)
    else:
        name = src[start:name_end]
    if at(p) != "=":
        if not (at(p) != "" and at(p) in "/>{" or is_name_start(at(p))):
            return Crash(p, at(p), "after attribute name")
        return (Attr(name, "bool", p, p, start), p)
    p = _skip_space(src, p + 1, end)
    char = at(p)
    if char in ("\"", "'"):
        q = src.find(char, p + 1, end)  # JSX strings have no escapes and may span lines
        if q < 0:
            return Crash(end, "", "in attribute value")
        return (Attr(name, "string", p, q + 1, start), _skip_space(src, q + 1, end))
    if char == "{":
        q = close_expression(src, p, end)
        if isinstance(q, Unclosed):
            return _expression_crash(src, q, end, "", p)
        return (Attr(name, "expr", p, q, start), _skip_space(src, q, end))
    return Crash(p, char, "before attribute value")




def _expression_crash(src: str, unclosed: Unclosed, end: int, name: str, opening: int) -> Crash:
    """An attribute or spread expression (its '{' at ``opening``) that never ends: where acorn stops (or the
    end, unconfirmed), and where the tag would end had its braces been read as the author balanced them."""
    at = unclosed.at if unclosed.certain else end
    where = SPREAD_ONLY if unclosed.spread else "in expression"
    return Crash(at, src[at] if at < end else "", where, name, _tolerant_end(src, opening, end))


def _tolerant_end(src: str, p: int, end: int) -> int:
    """``src[p] == '{'`` in a tag: the offset after the tag's '>' when every later brace and quote pairs up
    lexically (the rest of the tag then belongs to the broken one, not to the text after it), else -1."""
    q = read_expression(src, p, end)
    while q >= 0:
        q = _skip_space(src, q, end)
        char = src[q] if q < end else ""
        if char == ">":
            return q + 1
        if char == "/":
            q = _skip_space(src, q + 1, end)
            return q + 1 if src.startswith(">", q) else -1
        if char == "{":
            q = read_expression(src, q, end)
            continue
        m = _ATTRIBUTE_NAME.match(src, q, end)
        if m is None:
            return -1
        q = _skip_space(src, m.end(), end)
        if not src.startswith("=", q):
            continue
        q = _skip_space(src, q + 1, end)
        char = src[q] if q < end else ""
        if char in ("\"", "'"):
            close = src.find(char, q + 1, end)
            q = close + 1 if close >= 0 else -1
        else:
            q = read_expression(src, q, end) if char == "{" else -1
    return -1
