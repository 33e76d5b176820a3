"""JavaScript as MDX's acorn reads it, with tree-sitter (tree-sitter-javascript, JSX included).

Two questions: does a text parse as one expression (what is inside ``{...}``), and where is the first
error of an import/export block. Positions are where acorn reports them: at the offending token, or,
when a complete expression is followed by more text ("Unexpected content after expression"), just
after that expression. Without tree-sitter installed every answer is "don't know" (None / valid),
so nothing is ever reported on its account.
"""
from __future__ import annotations

from functools import lru_cache

try:  # a dependency; kept optional so that a broken wheel degrades to the operator automaton
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
    return _expression(inner, spread) is None


def expression_error(inner: str) -> int | None:
    """Offset in ``inner`` where acorn stops on it, or None when it is one valid expression (or unjudged)."""
    if _PARSER is None or len(inner) > MAX_CHARS:
        return None
    return _expression(inner, False)


@lru_cache(maxsize=4096)
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
    if whole and not root.has_error:
        reserved = _acorn_only_error(body)
        return None if reserved is None else max(0, _chars(data, reserved) - (2 if spread else 1))
    at = _first_error(root)
    lone = _acorn_only_error(root)
    if lone is not None and (at is None or lone < at):
        at = lone
    if at is None:  # parsed, but not as one parenthesized whole: `a) + (b`
        at = body.children[0].end_byte if body is not None and body.child_count else len(data) - 1
    return max(0, min(_chars(data, at) - (2 if spread else 1), len(inner)))


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
        at = _first_error(root)
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
    a string running over a line break."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _NAME_KINDS:
            if current.text.decode("utf-8", "replace") in _RESERVED:
                return current.start_byte
        elif current.type == "string" and current.start_point[0] != current.end_point[0]:
            if b"\\\n" not in current.text and b"\\\r" not in current.text:
                return current.start_byte
        elif current.child_count:
            stack.extend(reversed(current.children))
    return None


def _chars(data: bytes, byte: int) -> int:
    return len(data[:byte].decode("utf-8", errors="ignore"))
