"""The unsafe fix of a link whose lesson moved: the target's path rewritten to the single "moved to" candidate,
written the way the link was (a site URL stays a URL, a relative file link stays relative); query and fragment
are kept."""
from __future__ import annotations

import posixpath

from ..diagnostic import Applicability, Edit, Fix
from ..lesson.model import Lesson
from .model import Missing, Ref


def moved_link_fix(ref: Ref, lesson: Lesson, folder: str, found: Missing) -> Fix | None:
    """None when there is no single candidate or the link is not written plainly (escapes, spaces, breaks)."""
    target, moved = ref.target, found.moved
    text = lesson.source.text
    if not moved or target != target.strip() or any(c in target for c in "%\\ \n\r\t<>\"'") \
            or not text.startswith(target, ref.offset):
        return None
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    path = target[:cut]
    if path.startswith("/"):
        new = moved if moved.startswith("/") else None
        if new is not None and path.endswith("/") and not new.endswith("/"):
            new += "/"
    else:
        new = posixpath.relpath(moved, folder or ".")
        if path.startswith("./") and not new.startswith("."):
            new = "./" + new
    if not new or new == path or any(c in new for c in "%\\ \n\r\t<>()\"'"):
        return None
    line, column = lesson.source.location(ref.offset)
    edit = Edit(line, column, line, column + len(path), new)
    return Fix(f"rewrite the link to `{new}`", Applicability.UNSAFE, (edit,))
