"""What a checklist command is expected to give, read from the words around it."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..shellio import Output

_EMPTY = regex.compile(r"returns?\s+(?:no\s+(?:results?|matches|output|lines)|nothing|empty)|no\s+(?:results|"
                       r"matches|output)|(?:is|be)\s+empty|returns?\s+0\s+results", regex.I)
_NUMBER = regex.compile(r"(?:returns?|shows?|prints?|outputs?|equals?|should\s+(?:be|return|show)|must\s+be|is|"
                        r"gives?|expect(?:ed)?|count)\s*:?\s*(?P<op>>=|<=|>|<|≥|≤|==|=|at\s+least|at\s+most|more\s+"
                        r"than|fewer\s+than|less\s+than|over|under)?\s*(?P<n>\d+)(?P<plus>\+)?", regex.I)
_NONE_LEFT = regex.compile(r"\s*(?:no|zero|none\s+of)\s+\w", regex.I)  # "No Mermaid imports remain: `grep ...`"
_MISSING_OK = regex.compile(r"no such file|does not exist|doesn't exist|not found", regex.I)
_EACH = regex.compile(r"for each file", regex.I)
_OPS = {">=": "≥", "≥": "≥", "at least": "≥", "<=": "≤", "≤": "≤", "at most": "≤", ">": ">", "more than": ">",
        "over": ">", "<": "<", "fewer than": "<", "less than": "<", "under": "<", "==": "=", "=": "="}


@dataclass(frozen=True)
class Expect:
    kind: str  # default | empty | number | missing
    op: str = "="
    n: int = 0
    each: tuple[int, ...] = ()  # "for each file returns expected count (4, 1, 3)"


def expectation(prose: str) -> Expect:
    if _MISSING_OK.search(prose):
        return Expect("missing")
    if _EMPTY.search(prose) or _NONE_LEFT.match(prose):
        return Expect("empty")
    each = regex.search(r"\((\d+(?:\s*,\s*\d+)+)\)", prose) if _EACH.search(prose) else None
    if each:
        return Expect("number", "=", 0, tuple(int(n) for n in regex.findall(r"\d+", each.group(1))))
    found = _NUMBER.search(prose)
    if found:
        op = _OPS.get((found.group("op") or "").casefold().replace("  ", " "), "=")
        if found.group("plus"):
            op = "≥"
        if int(found.group("n")) == 0 and op == "=":
            return Expect("empty")
        return Expect("number", op, int(found.group("n")))
    return Expect("default")


def value(out: Output) -> int:
    if out.counts:
        return out.counts[0] if len(out.counts) == 1 else sum(out.counts)
    try:
        return int(out.lines[-1].split()[0]) if out.lines else 0
    except (ValueError, IndexError):
        return len(out.lines)


def zero(out: Output) -> bool:
    return bool(out.counts) and not any(out.counts) or out.lines in (["0"], ["0 total"])


def holds(value: int, op: str, wanted: int) -> bool:
    return {"≥": value >= wanted, "≤": value <= wanted, ">": value > wanted, "<": value < wanted,
            "=": value == wanted}[op]
