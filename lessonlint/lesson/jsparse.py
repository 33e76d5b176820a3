"""JavaScript as MDX's acorn reads it, with tree-sitter (tree-sitter-javascript, JSX included).

Three questions: does a text parse as one expression (what is inside ``{...}``; a braced attribute must
be one spread besides), where does acorn stop when it does not, and where is the first
error of an import/export block. Positions are where acorn reports them: at the offending token, or,
when a complete expression is followed by more text ("Unexpected content after expression"), just
after that expression. Without tree-sitter installed every answer is "don't know" (None / valid),
so nothing is ever reported on its account.

Where acorn stops on broken code is where an LR parser first meets a token it cannot shift (both
detect errors at the earliest token that no valid program continues with): tree-sitter's log names
that token, while the ERROR nodes of its recovered tree may start tokens earlier. A string cut by a
line break stops acorn's lexer at the string's start, before any parser error after it.

``LESSONLINT_JS_PARSER=automaton`` in the environment turns tree-sitter off (the lexical automaton alone
answers, as without the wheels): the differential benchmark compares the two that way.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

try:  # a dependency; kept optional so that a broken wheel degrades to the operator automaton
    if os.environ.get("LESSONLINT_JS_PARSER") == "automaton":
        raise ImportError("tree-sitter turned off")
    import tree_sitter_javascript as _grammar
    from tree_sitter import Language, Parser

    _PARSER: Parser | None = Parser(Language(_grammar.language()))
except Exception:  # pragma: no cover - exercised only without the wheels
    _PARSER = None

MAX_CHARS = 200_000  # longer code is not judged (one parse is linear, but stays bounded)
_ESM_KINDS = frozenset({"import_statement", "export_statement", "comment", "empty_statement"})


def available() -> bool:
    return _PARSER is not None


def is_expression(inner: str, spread: bool = False) -> bool | None:
    """Does ``inner`` parse as exactly one JavaScript expression (``spread``: as an object's inside, for
    ``{...props}``)? None: cannot tell (no parser, too long)."""
    if _PARSER is None or len(inner) > MAX_CHARS:
        return None
    return _valid(inner, spread)


def expression_error(inner: str) -> int | None:
    """Offset in ``inner`` where acorn stops on it, or None when it is one valid expression (or unjudged)."""
    if _PARSER is None or len(inner) > MAX_CHARS:
        return None
    return _expression(inner, False)


@lru_cache(maxsize=4096)
def _valid(inner: str, spread: bool) -> bool:
    wrapped = "({" + inner + "})" if spread else "(" + inner + ")"
    data = wrapped.encode("utf-8")
    root = _PARSER.parse(data).root_node
    if root.has_error or root.named_child_count != 1:
        return False
    statement = root.named_children[0]
    body = statement.named_children[0] if statement.type == "expression_statement" \
        and statement.named_child_count == 1 else None
    return body is not None and body.type == "parenthesized_expression" and body.start_byte == 0 \
        and body.end_byte == len(data) and _acorn_only_error(body) is None


@lru_cache(maxsize=1024)
def _expression(inner: str, spread: bool) -> int | None:
    # an object literal stays an object, as in acorn's parseExpressionAt; a spread is read as MDX does, in `({`…`})`
    wrapped = "({" + inner + "})" if spread else "(" + inner + ")"
    data = wrapped.encode("utf-8")
    root = _PARSER.parse(data).root_node
    statement = root.named_children[0] if root.named_child_count == 1 else None
    body = statement.named_children[0] if statement is not None and statement.type == "expression_statement" \
        and statement.named_child_count == 1 else None
    whole = body is not None and body.type == "parenthesized_expression" and body.start_byte == 0 \
        and body.end_byte == len(data)
    opener = 2 if spread else 1
    if whole and not root.has_error:
        reserved = _acorn_only_error(body)
        return None if reserved is None else max(0, _chars(data, reserved) - opener)
    at = _detected(data, root)
    lone = _acorn_only_error(root)
    if lone is not None and (at is None or lone < at):
        at = lone
    if at is None:  # parsed, but not as one parenthesized whole: `a) + (b`
        at = body.children[0].end_byte if body is not None and body.child_count else len(data) - 1
    at = max(0, min(_chars(data, at) - opener, len(inner)))
    lead = len(inner) - len(inner.lstrip())
    if not spread and inner.startswith("...", lead):
        at = min(at, lead)  # the parentheses read here would take `...` for arrow parameters; acorn does not
    if inner[at:at + 1] == "\\" and inner[at + 1:at + 2] != "u":
        at += 1  # acorn reads a backslash as the start of a `\\u` escape and stops on the character after it
    cut = _lexical_error(inner, at)
    if cut is not None:
        return cut
    head = inner[:at]
    if head.strip() and not spread:  # a complete expression, then more: "Unexpected content after expression"
        end = _whole_end(head)
        if end is not None:
            return end
    return at


def _whole_end(code: str) -> int | None:
    """Where the one expression ``code`` holds ends (comments after it left out), or None when it is not one."""
    data = ("(" + code + "\n)").encode("utf-8")
    root = _PARSER.parse(data).root_node
    if root.has_error or root.named_child_count != 1 or root.named_children[0].type != "expression_statement":
        return None
    body = root.named_children[0].named_children[0]
    inside = [child for child in body.named_children if child.type != "comment"]
    if body.type != "parenthesized_expression" or len(inside) != 1:
        return None
    return _chars(data, inside[0].end_byte) - 1


_LOG_POSITION = re.compile(r"row:(\d+), col(?:umn)?:(\d+)")
_SPACE = re.compile(rb"[ \t\r\n]*")
DETECT_MARGIN = 256  # bytes read past the first error node's start to find the token the parser could not shift


class _Log:
    """tree-sitter's parse log, kept to the start of the token read when each error was detected."""

    __slots__ = ("lexed", "hits")

    def __init__(self) -> None:
        self.lexed: tuple[int, int] = (0, 0)
        self.hits: list[tuple[int, int]] = []

    def __call__(self, kind, message: str) -> None:
        if message.startswith("lex_"):
            m = _LOG_POSITION.search(message)
            if m is not None:
                self.lexed = (int(m.group(1)), int(m.group(2)))
        elif message.startswith("detect_error"):
            self.hits.append(self.lexed)


def _detected(data: bytes, root) -> int | None:
    """Byte offset of the first token the parser cannot shift (acorn's "Unexpected token"), or None."""
    first = _first_error(root)
    if first is None:
        return None
    # the parser stops at the same token on any text that starts the same: read a prefix, longer until it shows
    margin = DETECT_MARGIN
    while True:
        cut = _token_end(root, min(len(data), first + margin))
        at = _first_detection(data[:cut])
        if cut >= len(data) or (at is not None and at < cut):
            return first if at is None else min(at, len(data))
        margin *= 4


_COMPOUND_TOKENS = frozenset({"string", "template_string", "regex", "comment"})


def _token_end(root, cut: int) -> int:
    """``cut`` moved to the end of the token (string, template, regex, comment included) it falls in."""
    node = root.descendant_for_byte_range(cut, cut)
    if node is None or node.child_count or node.start_byte >= cut:
        return cut
    while node.parent is not None and node.parent.type in _COMPOUND_TOKENS:
        node = node.parent
    return max(cut, node.end_byte)


def _first_detection(data: bytes) -> int | None:
    log = _Log()
    _PARSER.logger = log
    try:
        _PARSER.parse(data)
    finally:
        _PARSER.logger = None
    if not log.hits:
        return None
    row, column = log.hits[0]
    offset = 0
    for _ in range(row):
        offset = data.index(b"\n", offset) + 1
    return _SPACE.match(data, offset + column).end()


_QUOTES = re.compile(r"[\"'`/\\]")
_STRINGS = {q: re.compile(q + r"(?:[^" + q + r"\\\r\n]|\\(?:\r\n|[\s\S]))*+" + q) for q in "\"'"}
_LINE_BREAK = re.compile(r"[\r\n]")


def _lexical_error(inner: str, limit: int) -> int | None:
    """Where acorn's tokenizer stops before ``limit``, or None: at the start of a string literal a line break cuts
    ("Unterminated string constant"), after a backslash that starts no ``\\u`` escape outside strings. The scan
    gives up at a template literal or a ``/`` that is no comment (a regex?): the parser judges those."""
    p = 0
    while True:
        m = _QUOTES.search(inner, p, limit)
        if m is None:
            return None
        p = m.start()
        char = inner[p]
        if char == "`":
            return None
        if char == "\\":
            return p + 1 if inner[p + 1:p + 2] != "u" else None
        if char == "/":
            if inner.startswith("//", p):
                q = _LINE_BREAK.search(inner, p)
                p = len(inner) if q is None else q.start()
            elif inner.startswith("/*", p):
                q = inner.find("*/", p + 2)
                p = len(inner) if q < 0 else q + 2
            else:
                return None
            continue
        m = _STRINGS[char].match(inner, p)
        if m is None:
            return p if _LINE_BREAK.search(inner, p) else None
        p = m.end()


def spread_error(inner: str) -> int | None:
    """A ``{...}`` attribute whose inside parses: MDX takes one spread only. The offset of the second property
    ("only a single spread is supported") or of a first one that is no spread (``{href}``), else None."""
    if _PARSER is None or len(inner) > MAX_CHARS:
        return None
    data = ("({" + inner + "})").encode("utf-8")
    node = _PARSER.parse(data).root_node
    for _ in range(3):  # program > expression_statement > parenthesized_expression > object
        node = node.named_children[0] if node.named_child_count else None
        if node is None:
            return None
    if node.type != "object":
        return None
    properties = [child for child in node.named_children if child.type != "comment"]
    bad = properties[1] if len(properties) > 1 else \
        properties[0] if properties and properties[0].type != "spread_element" else None
    return None if bad is None else _chars(data, bad.start_byte) - 2


def module_error(code: str) -> tuple[int, str] | None:
    """(offset in ``code``, what) of the first error of an import/export block, or None."""
    if _PARSER is None or len(code) > MAX_CHARS:
        return None
    return _module(code)


@lru_cache(maxsize=1024)
def _module(code: str) -> tuple[int, str] | None:
    data = code.encode("utf-8")
    root = _PARSER.parse(data).root_node
    if root.has_error:
        at = _detected(data, root)
        return (_chars(data, at if at is not None else len(data)), "syntax")
    for node in root.named_children:
        if node.type not in _ESM_KINDS:
            return (_chars(data, node.start_byte), node.type)
    return None


_OPERATOR_CHARS = frozenset("?+-*/%&|^!=<>~,.")


def _first_error(root) -> int | None:
    """Byte offset of the first error in document order, placed where acorn would report it."""
    cursor, previous = [root], None
    while cursor:
        node = cursor.pop()
        if node.is_missing:  # acorn meets the end of the input where tree-sitter supposes the token
            rest = root.text[node.start_byte:]
            return node.start_byte if rest.strip(b" \t\r\n)}") else len(rest) + node.start_byte - 1
        if node.type == "ERROR":
            return _acorn_place(node)
        if node.has_error:
            cursor.extend(reversed(node.children))
    return previous


def _acorn_place(error) -> int:
    """An ERROR node right after a complete expression: acorn stops at the end of that expression;
    one that starts with an operator (`a ? b`): acorn reads on and stops at the token after it."""
    parent = error.parent
    sibling = error.prev_sibling
    if error.child_count and not error.children[0].is_named and set(error.children[0].type) <= _OPERATOR_CHARS:
        following = error.next_sibling
        return following.start_byte if following is not None else error.end_byte
    if parent is not None and parent.type == "parenthesized_expression" and sibling is not None \
            and sibling.type != "(" and sibling.end_byte <= error.start_byte:
        return sibling.end_byte
    if error.child_count and error.children[0].type in ("identifier", "number", "string") \
            and sibling is not None and sibling.type == "(":
        return error.children[0].end_byte  # `(a b c)`: the first operand is the expression
    return error.start_byte


_RESERVED = frozenset("break case catch class const continue debugger default delete do else enum export extends "
                      "false finally for function if import in instanceof new null return super switch this throw "
                      "true try typeof var void while with implements interface let package private protected "
                      "public static yield await".split())
_NAME_KINDS = frozenset({"identifier", "shorthand_property_identifier", "shorthand_property_identifier_pattern"})


def _acorn_only_error(node) -> int | None:
    """Byte offset of what tree-sitter accepts and acorn does not: a reserved word used as a name (`{var}`),
    a string running over a line break, a backslash in a name that starts no ``\\u`` escape, a private name
    outside a class."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "private_property_identifier" and not _in_class(current):
            return current.start_byte  # `#name` outside a class body (tree-sitter takes `#a in b` anywhere)
        if current.type in _NAME_KINDS:
            if current.text.decode("utf-8", "replace") in _RESERVED:
                return current.start_byte
            slash = current.text.find(b"\\")
            if slash >= 0 and current.text[slash + 1:slash + 2] != b"u":
                return current.start_byte + slash + 1  # "Expecting Unicode escape sequence", after the backslash
        elif current.type == "string" and current.start_point[0] != current.end_point[0]:
            if b"\\\n" not in current.text and b"\\\r" not in current.text:
                return current.start_byte
        elif current.child_count:
            stack.extend(reversed(current.children))
    return None


def _in_class(node) -> bool:
    while node is not None:
        if node.type == "class_body":
            return True
        node = node.parent
    return False


def _chars(data: bytes, byte: int) -> int:
    return len(data[:byte].decode("utf-8", errors="ignore"))
