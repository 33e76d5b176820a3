"""What a checklist command is expected to give, read from the words around it.

The same words mean different things for different commands: "`grep -q X f` returns 0" is an exit status
(found), "`grep -c X f` returns 0" a count (none), and "`grep X f` returns 0" could be either, so it is
``ambiguous`` (the item needs review). ``expectation`` reads the words; ``for_command`` settles a bare
"returns N" by what the command prints.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from ..shell.io import Output

_EMPTY = regex.compile(r"returns?\s+(?:no\s+(?:results?|matches|output|lines|hits)|nothing|empty)|no\s+(?:results|"
                       r"matches|output|hits)|(?:is|be)\s+empty|(?:returns?|finds?|gives?|shows?|prints?)\s+(?:0|zero)"
                       r"\s+(?:results?|matches|lines|hits|occurrences|files)|\bzero\s+(?:results?|matches|hits|"
                       r"occurrences)|\bfinds?\s+nothing|\bnone\s+found|\bnot\s+found\b", regex.I)
_IN_EVERY = regex.compile(r"\b(?:returns?|finds?|has|have|shows?|gives?)\s+(?:a\s+|at\s+least\s+one\s+)?(?:matches?|hits?|results?)"
                       r"\s+(?:in|for)\s+(?:all|each|every|both)(?:\s+(?:of\s+the\s+)?(?P<n>\d+|two|three|four|five|six))?"
                       r"\s+(?:\w+\s+)?(?:files?|lessons?|pages?|sessions?)\b|\bmatches\s+for\s+all\b", regex.I)
_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_STATUS = regex.compile(r"\bexit(?:s|\s+(?:code|status))?\s*(?:is\s+|of\s+|=\s*|:\s*)?(?P<n>\d+)", regex.I)
_VERB = (r"(?:returns?|shows?|prints?|outputs?|equals?|should\s+(?:be|return|show|give)|must\s+be|is|gives?|"
         r"expect(?:ed)?|counts?|→|->|=>|==|=|:)")
_OP = (r"(?P<op>>=|<=|>|<|≥|≤|==|=|at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than|over|under|"
       r"exactly)?")
_NUMBER = regex.compile(_VERB + r"\s*:?\s*" + _OP + r"\s*(?P<n>\d+)(?P<plus>\+)?(?!\s*[-.:/]\s*\d)", regex.I)
# "-- 0 occurrences", "(3 matches)": a count named by its noun
_COUNTED = regex.compile(r"(?<![\w.-])" + _OP + r"\s*(?P<n>\d+)(?P<plus>\+)?\s+(?:occurrences?|matches|match|results?|"
                         r"hits?|lines?|files?|entries|times)\b", regex.I)
_NONE_LEFT = regex.compile(r"\s*(?:no|zero|none\s+of)\s+\w", regex.I)  # "No Mermaid imports remain: `grep ...`"
_MISSING_OK = regex.compile(r"no such file|does not exist|doesn't exist", regex.I)
_EACH = regex.compile(r"\b(?:for\s+each|in\s+each|per|each)\s+(?:file|lesson|page|session)\b|\beach\b", regex.I)
_SHOWS = regex.compile(r"\b(?:shows?|prints?|outputs?|contains?|includes?)\s+(?:`([^`]+)`|\"([^\"]+)\"|'([^']+)')")
# the item asks a person to look at the output: the command only gathers what they read
_HUMAN = regex.compile(r"\b(?:check|verify|inspect|review|confirm|make\s+sure|ensure)\s+(?:that\s+)?(?:each|every|"
                       r"all|the)\s+(?:match|line|result|hit|occurrence|output)|\bmanual(?:ly)?\b|\bby\s+hand\b", regex.I)
_OPS = {">=": "≥", "≥": "≥", "at least": "≥", "<=": "≤", "≤": "≤", "at most": "≤", ">": ">", "more than": ">",
        "over": ">", "<": "<", "fewer than": "<", "less than": "<", "under": "<", "==": "=", "=": "=",
        "exactly": "="}


@dataclass(frozen=True)
class Expect:
    kind: str  # default | empty | number | missing | status | shows | ambiguous | human | every
    op: str = "="
    n: int = 0
    each: tuple[int, ...] = ()  # "for each file returns expected count (4, 1, 3)"; "returns 1 per file" → (1,)
    text: str = ""  # shows: what the output must hold
    bare: bool = False  # "returns 0" with no noun: a count or an exit status, by the command


def expectation(prose: str) -> Expect:
    if _MISSING_OK.search(prose):
        return Expect("missing")
    every = _IN_EVERY.search(prose)
    if every:  # "returns matches in all 3 files": each file has a match
        count = every.group("n")
        return Expect("every", "=", int(count) if count and count.isdigit() else _WORDS.get(count or "", 0))
    status = _STATUS.search(prose)
    if status:
        return Expect("status", "=", int(status.group("n")))
    if _EMPTY.search(prose) or _NONE_LEFT.match(prose):
        return Expect("empty")
    shows = _SHOWS.search(prose)
    listed = regex.search(r"\((\d+(?:\s*,\s*\d+)+)\)", prose) if _EACH.search(prose) else None
    if listed:
        return Expect("number", "=", 0, tuple(int(n) for n in regex.findall(r"\d+", listed.group(1))))
    found = _COUNTED.search(prose)
    bare = found is None
    found = found or _NUMBER.search(prose)
    if found:
        op = _OPS.get(" ".join((found.group("op") or "").casefold().split()), "=")
        if found.group("plus"):
            op = "≥"
        n = int(found.group("n"))
        if _EACH.search(prose[found.start():]) and op == "=":
            return Expect("number", "=", n, (n,), bare=bare)
        if n == 0 and op == "=" and not bare:
            return Expect("empty")
        return Expect("number", op, n, bare=bare)
    if shows:
        return Expect("shows", text=next(g for g in shows.groups() if g is not None))
    if _HUMAN.search(prose):
        return Expect("human")
    return Expect("default")


def for_command(expect: Expect, line: str) -> Expect:
    """A bare "returns N" read by what ``line`` prints: an exit status for ``grep -q`` and ``test``, a count
    for ``grep -c`` and ``wc -l``, ambiguous for a grep that prints lines ("returns 0": none, or success?)."""
    last = line.rsplit("|", 1)[-1].strip() if "|" in line else line.strip()
    if expect.kind == "empty" and regex.match(r"(?:ls|cat|test|\[)\s", line.strip()) and "|" not in line:
        return Expect("missing")  # "`ls x` → not found": the file is gone
    if expect.kind != "number" or not expect.bare or expect.each:
        return expect
    if regex.match(r"(?:test|\[)\s", last) or _grep_flags(last, "q") or regex.search(r"\s(?:&&|\|\|)\s", line):
        return Expect("status", "=", expect.n) if expect.op == "=" and expect.n in (0, 1) else expect
    if regex.match(r"wc\s+-l\b", last) or _grep_flags(last, "c"):
        return Expect("empty") if expect.n == 0 and expect.op == "=" else expect
    if regex.match(r"(?:git\s+)?[ef]?grep\b", last) and expect.n in (0, 1) and expect.op == "=":
        return replace(expect, kind="ambiguous")
    return expect


def _grep_flags(command: str, flag: str) -> bool:
    return bool(regex.match(r"(?:git\s+)?[ef]?grep\b", command)) and bool(regex.search(rf"\s-[A-Za-z]*{flag}", command))


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
