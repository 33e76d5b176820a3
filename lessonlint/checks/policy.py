"""The verdict policy: a ``failed`` verdict rests on certain evidence against a literal requirement.

Every verdict says how sure it is (its *basis*):

- ``certain``: the requirement is literal — a path, a ``must_haves`` field, a string or code in backticks or
  quotes in a "contains" frame, a number with an explicit counting frame, a frontmatter key or value, a
  command lessonlint interprets exactly — and the files were read in full;
- ``heuristic``: the verdict rests on words lifted from prose (descriptors, acronyms, names, outline words),
  on a guess about which file or which code block is meant, or on a parent / sibling verdict.

A heuristic miss is not a failure: by default it becomes ``needs_review`` with the reason kept, and its
findings are dropped. ``strict`` (``--strict``, config ``strict = true``) keeps heuristic misses as failures,
for teams that want every doubt to stop a build.
"""
from __future__ import annotations

import re

from ..diagnostic import Status

CERTAIN = "certain"
HEURISTIC = "heuristic"
REVIEW_NOTE = "not certain enough to fail (heuristic evidence; --strict fails it): "


def settle(status: Status, basis: str, reason: str, diagnostics: tuple, strict: bool):
    """(status, reason, diagnostics) after the policy: a heuristic failure needs review unless ``strict``."""
    if status is Status.FAILED and basis != CERTAIN and not strict:
        return Status.NEEDS_REVIEW, REVIEW_NOTE + reason, ()
    return status, reason, diagnostics


def combined(parts) -> str:
    """The basis of a verdict made of several ``(status, basis)`` parts: a failure is certain when one failed
    part is certain (it alone shows the item fails); anything else is certain only when every part is."""
    parts = list(parts)
    failed = [basis for status, basis in parts if status is Status.FAILED]
    if failed:
        return CERTAIN if CERTAIN in failed else HEURISTIC
    return CERTAIN if parts and all(basis == CERTAIN for _, basis in parts) else HEURISTIC


# made by an install or a build, not written by the plan's tasks: absent from a checkout until then
_GENERATED = re.compile(r"(?:^|/)(?:node_modules|dist|build|generated|\.next|\.nuxt|\.output|\.docusaurus|\.svelte-kit|"
                        r"\.vitepress/(?:dist|cache)|coverage|target|__pycache__|\.astro|\.cache)(?:/|$)")
# the GSD workflow's own records: written around a plan's execution, not by it, and often not committed with it
_RECORDS = re.compile(r"(?:^|/)\.planning/|(?:^|/)(?:STATE|ROADMAP|REQUIREMENTS|PROJECT|MILESTONES)\.md$|"
                      r"(?:^|/)[\w.-]*-(?:SUMMARY|CONTEXT|RESEARCH|VERIFICATION|VALIDATION|UAT|DISCUSSION)\.md$")


def not_the_plans_to_write(path: str) -> str | None:
    """Why a missing ``path`` is no certain gap: a build output or a planning record (None: it is)."""
    path = path.strip().removeprefix("./")
    if _GENERATED.search(path):
        return "made by an install or a build, not kept in the repository"
    if _RECORDS.search(path):
        return "a planning record of the GSD workflow, not a file the plan produces"
    return None
