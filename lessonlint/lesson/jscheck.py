"""Is the inside of ``{...}`` surely not a JavaScript expression? (Then MDX never ends it: the build fails.)

Prose in braces is the usual cause: ``{a b}``, ``{1-10 seconds}``, ``{key: value}``, ``{"id": 1}``,
``{...}``, ``{{ .Values.image }}``. A small operand/operator automaton reads the top level of the
expression; whatever it does not fully understand (template literals, regular expressions, JSX,
functions, classes, object literal bodies) makes it answer "don't know" (False), so a valid
expression is never reported.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<space>\s+) | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>(?:0[xXoObB][\da-fA-F_]+|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)n?)
  | (?P<name>[^\W\d][\w$]*|\$[\w$]*)
  | (?P<punct>>>>=?|===|!==|\*\*=?|\.\.\.|<<=?|>>=?|\?\?=?|&&=?|\|\|=?|=>|[-+*/%&|^!=<>]=|\+\+|--|\?\.(?!\d)|\S)
""", re.X | re.S)
_PREFIX_WORDS = frozenset({"typeof", "void", "delete", "await", "new"})
_BINARY_WORDS = frozenset({"in", "instanceof"})
_UNSURE_WORDS = frozenset({"function", "class", "async", "yield", "of", "import", "super", "let", "static", "get",
                           "set"})
_RESERVED = frozenset("break case catch const continue debugger default do else enum export extends finally for if "
                      "implements interface package private protected public return switch throw try var while "
                      "with".split())
_UNSURE_PUNCT = frozenset({"`", "#", "@", "\\"})
_BINARY = frozenset("* ** / % + - < > <= >= == != === !== & | ^ && || ?? << >> >>> = += -= *= /= %= **= <<= >>= "
                    ">>>= &= |= ^= &&= ||= ??= =>".split())
_NOT_OBJECT_START = frozenset({".", ":", "=", ",", ")", "]", "?", "=>"})


def is_not_an_expression(inner: str) -> bool:
    """True only when ``inner`` certainly does not parse as a JavaScript expression."""
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(inner) if m.lastgroup not in ("space", "comment")]
    if not tokens:
        return False  # {} and {/* comment */} are allowed
    verdict = _Automaton().run(tokens)
    return verdict is True


class _Automaton:
    def __init__(self) -> None:
        self.expect_operand = True
        self.stack: list[list] = [["top", 0]]  # bracket kind, open '?' count
        self.after_dot = False

    def run(self, tokens: list[tuple[str, str]]) -> bool | None:
        """True: not an expression; None: could not judge; False: looks fine."""
        index = 0
        while index < len(tokens):
            kind, token = tokens[index]
            if self.stack[-1][0] == "{":  # inside an object literal or a function body: only match braces
                if token in "{}" and kind == "punct":
                    self._bracket(token)
                index += 1
                continue
            verdict = self._step(kind, token, tokens[index + 1] if index + 1 < len(tokens) else None)
            if verdict is not False:
                return verdict
            index += 1
        if len(self.stack) != 1:
            return None
        return True if self.expect_operand else False  # a trailing operator: `{a +}`

    def _step(self, kind: str, token: str, following) -> bool | None:
        if self.after_dot:  # any word may follow '.', reserved ones included
            self.after_dot = False
            if kind != "name":
                return True if kind in ("string", "number") else None  # `a."b"`, `a..1`
            self.expect_operand = False
            return False
        if kind == "name" and token in _UNSURE_WORDS:
            return None
        if kind in ("name", "string", "number") and token not in _PREFIX_WORDS | _BINARY_WORDS:
            if not self.expect_operand or token in _RESERVED:
                return True  # two operands in a row (`a b`, `10 seconds`) or a keyword used as a value
            self.expect_operand = False
            return False
        if token in _PREFIX_WORDS:
            return False if self.expect_operand else True
        if token in _UNSURE_PUNCT or (token in ("/", "/=", "<") and self.expect_operand):
            return None  # a regular expression or JSX: not judged
        return self._punct(token, following)

    def _punct(self, token: str, following) -> bool | None:
        expect = self.expect_operand
        if token in ("(", "[", "{"):
            if token == "{" and expect and following is not None and following[1] in _NOT_OBJECT_START:
                return True  # `{{ .Values }}`: an object literal cannot start so
            self._bracket(token)
            return False
        if token in (")", "]"):
            if self.stack[-1][0] != token.replace(")", "(").replace("]", "["):
                return None
            self._bracket(token)
            return False
        if token in ("++", "--"):
            return False
        if token in ("+", "-", "!", "~"):
            if token in ("!", "~") and not expect:
                return True
            self.expect_operand = True
            return False
        if token in (".", "?."):
            if expect:
                return True  # `{.Values}`: nothing to take a member of
            self.after_dot = token == "."
            self.expect_operand = token == "?."
            return False
        if token == "...":
            return True if self.stack[-1][0] == "top" else False
        if token == "?":
            self.stack[-1][1] += 1
        elif token == ":":
            if self.stack[-1][1] == 0:
                return True  # a label or a JSON pair: `{key: value}`
            self.stack[-1][1] -= 1
        elif token != "," and token not in _BINARY and token not in _BINARY_WORDS:
            return None
        if expect:
            return True  # an operator where a value should be: `{= x}`, `{a * * b}`
        self.expect_operand = True
        return False

    def _bracket(self, token: str) -> None:
        if token in "([{":
            self.stack.append([token, 0])
            self.expect_operand = True
        else:
            self.stack.pop()
            self.expect_operand = False
