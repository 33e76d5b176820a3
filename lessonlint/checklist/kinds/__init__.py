"""Check kinds: the closed set of Python functions rule packs can name (like Vale's rule types).

Each module defines ``check(ctx: ItemContext) -> ItemVerdict``. Modules are imported on first use.
"""
from __future__ import annotations

from importlib import import_module

from ..api import CheckKind

NAMES = (
    "exists",
    "contains",
    "frontmatter",
    "command",
    "outline",
    "diagram",
    "mermaid_syntax",
    "language",
    "sequence",
    "prerequisites",
    "code_syntax",
    "stub",
    "exports",
)


def get(kind: str) -> CheckKind:
    """The check function of ``kind`` (a name from NAMES)."""
    if kind not in NAMES:
        raise KeyError(kind)
    return import_module(f"{__name__}.{kind}").check
