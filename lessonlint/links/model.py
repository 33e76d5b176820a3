"""Values of the link checks: a reference found in a lesson, and what a target turned out to be."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A link, image, definition or import as written in a lesson; ``offset`` is where its target starts."""

    kind: str  # link | image | import
    target: str  # as written (destination, attribute value, module specifier)
    offset: int
    syntax: str  # markdown | definition | attribute | esm (how it was written, for messages)


@dataclass(frozen=True)
class Found:
    """A target resolved: the file it names (None for a page that is not a file we can read)."""

    path: str | None
    anchors: str | None = None  # slugger of the target's headings: github | vitepress | mkdocs (None: unknown)


@dataclass(frozen=True)
class Missing:
    """A target that certainly does not exist: what was looked for, and what it may have meant."""

    shown: str  # the target as the message names it
    moved: str | None = None  # the single lesson elsewhere with the same name
    close: tuple[str, ...] = ()  # the nearest existing targets
    note: str = ""  # why (e.g. "a folder of lessons without an index lesson")


UNKNOWN = None  # a target that cannot be judged: no finding
