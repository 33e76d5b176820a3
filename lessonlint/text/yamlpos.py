"""YAML with positions: values that remember the file line and column of every key and item.

One loader for plan and lesson frontmatter. It follows the YAML 1.2 core schema (what
JavaScript tools such as js-yaml, gray-matter and Astro read): only true/false are booleans,
``08`` is 8, ``1:30`` and dates stay strings. Errors never raise: they come back as
``YamlProblem`` values with file positions, and so do duplicate keys.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

MAX_NODES = 100_000  # after alias expansion: stops "billion laughs"


class LocatedDict(dict):
    """A mapping whose keys and values know where they were written."""

    line: int = 0
    column: int = 0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.key_pos: dict = {}
        self.value_pos: dict = {}


class LocatedList(list):
    line: int = 0
    column: int = 0

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.item_pos: list = []


@dataclass(frozen=True)
class YamlProblem:
    kind: str  # syntax | duplicate-key | too-large
    message: str
    line: int
    column: int


@dataclass(frozen=True)
class YamlResult:
    value: object
    problems: tuple[YamlProblem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.kind != "duplicate-key" for p in self.problems)


# libyaml's parser when installed (about 5x faster); the pure-Python one otherwise.
_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _CoreLoader(_BASE):
    """SafeLoader with YAML 1.2 core-schema resolvers."""


_CoreLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    _CoreLoader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


_CoreLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_CoreLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


_BREAK = re.compile(r"\r\n|\r|\n")


class _Locator:
    """File (line, column) of a PyYAML mark, from its character index.

    PyYAML's own ``mark.line`` also breaks lines at U+0085, U+2028 and U+2029, which editors
    (and SourceFile) do not: after one of them every line number would drift.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]
        self.first_line = first_line

    def __call__(self, mark) -> tuple[int, int]:
        index = bisect_right(self.starts, mark.index) - 1
        return self.first_line + index, mark.index - self.starts[index] + 1


def load_yaml(text: str, first_line: int = 1) -> YamlResult:
    """Parse ``text`` whose first line is file line ``first_line``."""
    locate = _Locator(text, first_line)
    try:
        loader = _CoreLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = locate(mark) if mark else (first_line, 1)
        message = " ".join(str(part) for part in (exc.problem, exc.context) if part) or str(exc)
        return YamlResult(None, (YamlProblem("syntax", message, line, column),))
    except yaml.YAMLError as exc:
        return YamlResult(None, (YamlProblem("syntax", str(exc).splitlines()[0], first_line, 1),))
    except RecursionError:
        return YamlResult(None, (YamlProblem("too-large", "YAML is nested too deeply", first_line, 1),))
    if node is None:
        return YamlResult(None, ())
    if _expanded_size(node, {}) > MAX_NODES:
        return YamlResult(None, (YamlProblem(
            "too-large", f"YAML expands to more than {MAX_NODES} values (alias bomb?)", first_line, 1),))
    problems: list[YamlProblem] = []
    builder = _Builder(locate, problems)
    try:
        value = builder.build(node)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        line, column = locate(node.start_mark)
        return YamlResult(None, (YamlProblem("syntax", f"cannot build value: {exc}", line, column),))
    return YamlResult(value, tuple(problems))


def _expanded_size(node: Node, memo: dict, depth: int = 0) -> int:
    known = memo.get(id(node))
    if known is not None:
        return known
    if depth > 200:
        return MAX_NODES + 1
    memo[id(node)] = MAX_NODES + 1  # a cycle counts as too large
    if isinstance(node, SequenceNode):
        size = 1 + sum(_expanded_size(child, memo, depth + 1) for child in node.value)
    elif isinstance(node, MappingNode):
        size = 1 + sum(
            _expanded_size(k, memo, depth + 1) + _expanded_size(v, memo, depth + 1) for k, v in node.value
        )
    else:
        size = 1
    size = min(size, MAX_NODES + 1)
    memo[id(node)] = size
    return size


class _Builder:
    def __init__(self, locate: _Locator, problems: list[YamlProblem]) -> None:
        self.locate = locate
        self.problems = problems
        self.constructor = _CoreLoader("")

    def build(self, node: Node):
        if isinstance(node, ScalarNode):
            return self.constructor.construct_object(node, deep=True)
        if isinstance(node, SequenceNode):
            out = LocatedList()
            out.line, out.column = self.locate(node.start_mark)
            for child in node.value:
                out.append(self.build(child))
                out.item_pos.append(self.locate(child.start_mark))
            return out
        if isinstance(node, MappingNode):
            self.constructor.flatten_mapping(node)
            out = LocatedDict()
            out.line, out.column = self.locate(node.start_mark)
            for key_node, value_node in node.value:
                key = self.build(key_node)
                if isinstance(key, (dict, list)):
                    key = str(key)
                where = self.locate(key_node.start_mark)
                if key in out:
                    first = out.key_pos[key]
                    self.problems.append(YamlProblem(
                        "duplicate-key", f"duplicate key '{key}' (first set at line {first[0]})", *where))
                out[key] = self.build(value_node)
                out.key_pos[key] = where
                out.value_pos[key] = self.locate(value_node.start_mark)
            return out
        return None
