"""Where the built-in ``rules/`` folder is: the checkout's top level, or ``lessonlint/_rules`` in a wheel."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # lessonlint/


def rules_root() -> Path:
    """The built-in rules folder (the wheel's copy first, else the source checkout's)."""
    installed = _PACKAGE / "_rules"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "rules"

