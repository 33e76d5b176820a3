"""must_haves of the loaded frontmatter → Truth / Artifact / KeyLink values with their lines.

YAML reads some plan text as something else: ``- D-12: offsets exposed`` is a mapping,
``to: [dir="rtl"]`` a flow list, ``path: 2024`` a number. Such values are taken back as the
text written on the plan line, which is what the author meant.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.source import SourceFile
from .model import Artifact, KeyLink, Truth
from .text import Problem
from .written import leading_path, written


@dataclass
class MustHaves:
    present: bool = False
    line: int | None = None
    truths: list[Truth] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    key_links: list[KeyLink] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_must_haves(frontmatter: dict, source: SourceFile, last_line: int) -> MustHaves:
    """must_haves of ``frontmatter`` (a yamlpos mapping whose text ends at file line ``last_line``)."""
    out = MustHaves()
    if "must_haves" not in frontmatter:
        return out
    out.present, out.line = True, _key_pos(frontmatter, "must_haves")[0]
    value = frontmatter["must_haves"]
    if value is None:
        return out
    reader = _Reader(source, last_line, out.problems)
    if not isinstance(value, dict):
        reader.problem(_value_pos(frontmatter, "must_haves"), "must_haves should map truths, artifacts, key_links")
        return out
    for key, read, into in (
        ("truths", reader.truth, out.truths),
        ("artifacts", reader.artifact, out.artifacts),
        ("key_links", reader.key_link, out.key_links),
    ):
        for index, (item, pos, flow) in enumerate(reader.entries(value, key)):
            entry = read(item, pos, index, flow)
            if entry is not None:
                into.append(entry)
    return out


def _key_pos(mapping, key) -> tuple[int, int]:
    return getattr(mapping, "key_pos", {}).get(key, (getattr(mapping, "line", 1), getattr(mapping, "column", 1)))


def _value_pos(mapping, key) -> tuple[int, int]:
    return getattr(mapping, "value_pos", {}).get(key) or _key_pos(mapping, key)


class _Reader:
    def __init__(self, source: SourceFile, last_line: int, problems: list[Problem]) -> None:
        self.source, self.last_line, self.problems = source, last_line, problems

    def problem(self, pos: tuple[int, int], message: str) -> None:
        self.problems.append(Problem("PLN004", message, pos[0], pos[1]))

    def entries(self, must_haves: dict, key: str) -> list[tuple[object, tuple[int, int], bool]]:
        """(item, position, written in a flow list) of each entry of must_haves[key]."""
        value = must_haves.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problem(_value_pos(must_haves, key), f"must_haves.{key} should be a list")
            return []
        flow = self._char_at(value.line, value.column) == "["
        return [(item, pos, flow) for item, pos in zip(value, value.item_pos, strict=False)]

    def truth(self, item, pos, index: int, flow: bool) -> Truth | None:
        if isinstance(item, dict) and isinstance(item.get("text", item.get("truth")), str):
            key = "text" if isinstance(item.get("text"), str) else "truth"
            item, pos = item[key], _value_pos(item, key)
        elif not isinstance(item, str):
            item = "" if item is None else written(self.source, pos, pos[1] - 1, self.last_line, flow)
        if not item.strip():
            self.problem(pos, "empty truth")
            return None
        return Truth(item.strip(), pos[0], index)

    def artifact(self, item, pos, index: int, flow: bool = False) -> Artifact | None:
        if isinstance(item, str):
            path = leading_path(item)
            if path is None:
                self.problem(pos, f"artifact '{item.strip()[:60]}' does not start with a file path")
            return Artifact(path, pos[0], index, raw=item)
        if not isinstance(item, dict):
            self.problem(pos, "artifact should be a mapping with a path, or a path string")
            return None
        path = (self.text(item, "path") or "").strip() or None
        if path is None:
            self.problem(pos, "artifact has no usable path")
        return Artifact(
            path, pos[0], index,
            provides=self.text(item, "provides"),
            min_lines=self.min_lines(item),
            contains=self.strings(item, "contains"),
            exports=self.strings(item, "exports"),
            raw=dict(item),
            key_lines={str(k): p[0] for k, p in getattr(item, "key_pos", {}).items()},
        )

    def key_link(self, item, pos, index: int, flow: bool = False) -> KeyLink | None:
        if isinstance(item, str):
            return KeyLink(None, None, None, None, pos[0], index, raw=item)
        if not isinstance(item, dict):
            self.problem(pos, "key link should be a mapping with from, to, via, pattern")
            return None
        source = self.text(item, "from")
        if not (source or "").strip():
            self.problem(pos, "key link has no 'from': there is no file to look in")
        return KeyLink(
            source, self.text(item, "to"), self.text(item, "via"), self.text(item, "pattern"),
            pos[0], index, raw=dict(item),
            key_lines={str(k): p[0] for k, p in getattr(item, "key_pos", {}).items()},
        )

    def text(self, mapping: dict, key: str) -> str | None:
        """A string field; a non-string value written on the key's line is taken back as written."""
        value = mapping.get(key)
        if value is None or isinstance(value, str):
            return value
        pos, key_pos = _value_pos(mapping, key), _key_pos(mapping, key)
        if isinstance(value, (list, dict)) and pos[0] != key_pos[0]:
            self.problem(pos, f"'{key}' should be a string, not a {type(value).__name__}")
            return None
        return written(self.source, pos, key_pos[1] - 1, self.last_line)

    def min_lines(self, mapping: dict) -> int | None:
        value = mapping.get("min_lines")
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            return value
        self.problem(_value_pos(mapping, "min_lines"), f"min_lines should be a whole number, not {value!r}"[:120])
        return None

    def strings(self, mapping: dict, key: str) -> tuple[str, ...]:
        value = mapping.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            text = self.text(mapping, key)
            return (text,) if text is not None else ()
        out = []
        flow = self._char_at(value.line, value.column) == "["
        for item, pos in zip(value, value.item_pos, strict=False):
            if isinstance(item, str):
                out.append(item)
            elif isinstance(item, (int, float, bool)) or (flow and item is not None):
                out.append(written(self.source, pos, pos[1] - 1, self.last_line, flow))
            else:
                self.problem(pos, f"each {key} entry should be a string")
        return tuple(out)

    def _char_at(self, line: int, column: int) -> str:
        row = self.source.line(line)
        return row[column - 1] if 0 < column <= len(row) else ""
