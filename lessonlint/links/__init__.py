"""Internal links, images and imports of lessons resolve (REF codes): ``check_links(lesson, ctx)``."""
from __future__ import annotations

from .check import CODES, check_links, check_paths

__all__ = ["CODES", "check_links", "check_paths"]
