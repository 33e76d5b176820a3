"""Diagnostics: small frozen values; only renderers turn them into text."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Status(str, Enum):
    """Verdict on one plan item (truth, artifact, key link, checklist item)."""

    PASSED = "passed"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"


@dataclass(frozen=True)
class Related:
    """A secondary location, e.g. the plan line that set the requirement."""

    path: str
    line: int | None
    message: str
    column: int | None = None


class Applicability(str, Enum):
    """How sure a fix is (ruff's terms): ``safe`` keeps the meaning and is applied by ``--fix``; ``unsafe`` may
    change it and needs ``--unsafe-fixes``; ``display`` is shown, never applied."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, column) up to (end_line, end_column), exclusive, by ``content``.

    Lines and columns are 1-based and count characters of the file's text as lessonlint reads it (without a
    byte order mark); an end at (last line + 1, 1) is the end of the file. Equal start and end: an insertion.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    """A repair of one finding: edits applied all together or not at all (``lessonlint.fix`` applies them).

    ``remove_bom``: the fix also drops the file's UTF-8 byte order mark (ENC001; the mark is no character of the
    text the edits address).
    """

    message: str
    applicability: Applicability
    edits: tuple[Edit, ...] = ()
    remove_bom: bool = False


@dataclass(frozen=True)
class Diagnostic:
    """One finding. ``line`` None means the whole file.

    Severity is filled in by the engine from the registry and the config;
    checks leave the default.
    """

    code: str
    message: str
    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    severity: Severity = Severity.ERROR
    plan: str | None = None
    plan_line: int | None = None
    hint: str | None = None
    related: tuple[Related, ...] = ()
    fix: Fix | None = None  # a mechanical repair, when one is certain (``lessonlint check --fix``)

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.column or 0, self.code, self.message)


def sort_diagnostics(diagnostics) -> list[Diagnostic]:
    """The one order every format shows: path, line, column, code (ties: the order found, duplicates dropped).

    Not ``set()``: its order follows string hashes, which differ from one process to the next.
    """
    return sorted(dict.fromkeys(diagnostics), key=Diagnostic.sort_key)
