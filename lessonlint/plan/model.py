"""What a plan promises, each item with the plan line that set it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostic import Diagnostic


@dataclass(frozen=True)
class TextBlock:
    """Verbatim text of a body element; ``line`` is the file line of its first character."""

    text: str
    line: int
    column: int = 1

    def lines(self) -> list[tuple[int, str]]:
        """(file line, text) for each line of the block."""
        return [(self.line + i, part) for i, part in enumerate(self.text.split("\n"))]


@dataclass(frozen=True)
class Truth:
    text: str
    line: int
    index: int  # 0-based position in must_haves.truths


@dataclass(frozen=True)
class Artifact:
    path: str | None  # None when the entry has no usable path
    line: int
    index: int
    provides: str | None = None
    min_lines: int | None = None
    contains: tuple[str, ...] = ()
    exports: tuple[str, ...] = ()
    # every key as written (extra keys like excludes / max_lines / not_contains included)
    raw: Any = None
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class KeyLink:
    source: str | None  # the YAML key is `from`
    target: str | None  # `to`
    via: str | None
    pattern: str | None
    line: int
    index: int
    raw: Any = None
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


SECTIONS = (
    "verify",
    "automated",
    "human-check",
    "acceptance_criteria",
    "done",
    "verification",
    "success_criteria",
)


@dataclass(frozen=True)
class ChecklistItem:
    """One bullet (or free-text line, or command) of a checklist element."""

    section: str  # one of SECTIONS
    text: str  # bullet marker and checkbox stripped
    line: int
    column: int
    task: int | None  # index into Plan.tasks; None for plan-level sections


@dataclass(frozen=True)
class HumanCheck:
    test: str
    expected: str
    why_human: str
    line: int


@dataclass(frozen=True)
class Task:
    index: int
    line: int
    end_line: int
    type: str | None = None
    tdd: bool = False
    name: str | None = None
    files: tuple[str, ...] = ()
    read_first: tuple[str, ...] = ()
    action: TextBlock | None = None
    verify: TextBlock | None = None
    done: TextBlock | None = None
    behavior: TextBlock | None = None
    acceptance_criteria: TextBlock | None = None
    automated: tuple[TextBlock, ...] = ()
    human_checks: tuple[HumanCheck, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    element: str = "task"  # "feature" for the <feature> block of a `type: tdd` plan


@dataclass(frozen=True)
class Plan:
    path: str  # display path (posix, relative to root)
    frontmatter: dict = field(compare=False, hash=False)
    frontmatter_end: int = 0  # file line of the closing '---' (0 when there is none)
    has_must_haves: bool = False
    truths: tuple[Truth, ...] = ()
    artifacts: tuple[Artifact, ...] = ()
    key_links: tuple[KeyLink, ...] = ()
    tasks: tuple[Task, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    sections: dict[str, TextBlock] = field(default_factory=dict, compare=False, hash=False)
    diagnostics: tuple[Diagnostic, ...] = ()
    must_haves_line: int | None = None

    @property
    def phase(self) -> str | None:
        value = self.frontmatter.get("phase")
        return None if value is None else str(value)

    @property
    def plan_id(self) -> str | None:
        value = self.frontmatter.get("plan")
        return None if value is None else str(value)
