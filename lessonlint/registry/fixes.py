"""Which codes ``lessonlint check --fix`` can repair, how sure the repair is, and what it does.

The checks attach the edits (only where the repair is certain); this table is what the rule docs, ``lessonlint
rule`` and the README say about them. A test keeps it equal to the codes whose findings carry fixes.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Applicability

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE


@dataclass(frozen=True)
class FixInfo:
    applicability: Applicability
    does: str  # what the fix does, a sentence without its full stop


FIXES: dict[str, FixInfo] = {
    "ENC001": FixInfo(SAFE, "removes the byte order mark (line breaks stay as the file has them)"),
    "MDX001": FixInfo(SAFE, "writes the `<` that starts no tag as `&lt;`"),
    "MDX002": FixInfo(SAFE, "escapes braces around prose that is no JavaScript expression as `\\{` and `\\}` "
                            "(an unsafe fix when the braces hold something MDX reads as broken JavaScript)"),
    "MDX008": FixInfo(SAFE, "writes the `<` as `&lt;` when the name after it runs into a character no tag name can "
                            "hold (`ROW<before, after>`): that `<` is text whatever was meant; other tags get no fix"),
    "MDX007": FixInfo(SAFE, "turns `<!-- comment -->` into `{/* comment */}` (not when the comment holds `*/`)"),
    "MDX009": FixInfo(UNSAFE, "escapes the braces as `\\{` and `\\}`, so the text is shown (unsafe: the author "
                              "may have meant the expression)"),
    "MDX010": FixInfo(UNSAFE, "removes the heading id `{#id}` (unsafe: links to the old anchor change)"),
    "SUP001": FixInfo(SAFE, "removes the unused code from the comment, or the whole comment when it names nothing "
                            "else (not for `lessonlint-disable` ranges, whose `enable` would be left over)"),
    "SUP002": FixInfo(SAFE, "removes the unknown code from the comment, or the whole comment when it names nothing "
                            "else"),
    "ART001": FixInfo(UNSAFE, "rewrites the plan's path to the single \"moved to\" candidate, in place (quoting and "
                              "comments kept; unsafe: the plan is a historical record)"),
    "LNK002": FixInfo(UNSAFE, "rewrites the key link's `from` to the single \"moved to\" candidate, in place "
                              "(unsafe: the plan is a historical record)"),
    "CHK001": FixInfo(UNSAFE, "rewrites the path in the checklist item to the single \"moved to\" candidate, in "
                              "place (unsafe: the plan is a historical record)"),
    "REF001": FixInfo(UNSAFE, "rewrites the link target to the single \"moved to\" candidate (unsafe: the link may "
                              "have meant another page)"),
}


def fix_sentence(code: str) -> str | None:
    """One line for ``lessonlint rule``: whether and how ``--fix`` repairs ``code``."""
    info = FIXES.get(code)
    if info is None:
        return None
    flag = "`--fix`" if info.applicability is SAFE else "`--fix --unsafe-fixes`"
    return f"Fix ({info.applicability.value}): {flag} {info.does}."
