"""Renderers: turn a RunResult into text. They know the result model and nothing about checks."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

LineLookup = Callable[[str, int], "str | None"]

FORMATS = ("full", "concise", "json")


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 100
    quiet: bool = False
    statistics: bool = False


def render(result, fmt: str, lines: LineLookup, options: RenderOptions) -> str:
    """Text of ``result`` in format ``fmt``."""
    if fmt == "json":
        from .json_format import render_json

        return render_json(result)
    if fmt == "concise":
        from .concise import render_concise

        return render_concise(result, options)
    from .full import render_full

    return render_full(result, lines, options)
