"""Shell command lines from plans, read as data: never executed, never handed to a shell.

``parse`` splits a line into steps joined by ``&&`` / ``||`` / ``;``, each a pipeline of argument lists
(POSIX quoting via ``shlex``), dropping ``cd`` preambles of the author's machine and output redirections.
``[ $(cmd) -ge N ]`` is kept as a test over a command substitution. ``grep_regex`` turns grep's basic or
extended regex into Python's.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass

import regex

_REDIRECT = regex.compile(r"\s\d?>>?\s*(?:&\d|/dev/null|\S+)|\s<\s*/dev/null")
_SUBST_TEST = regex.compile(r"^(?:\[\s*|test\s+)\"?\$\((?P<inner>.+)\)\"?\s+(?P<op>-ge|-gt|-eq|-le|-lt|-ne)\s+"
                            r"(?P<n>\d+)\s*\]?$")
_CLASSES = {"[:digit:]": r"0-9", "[:alpha:]": r"a-zA-Z", "[:alnum:]": r"a-zA-Z0-9", "[:space:]": r"\s",
            "[:upper:]": r"A-Z", "[:lower:]": r"a-z", "[:punct:]": r"!-/:-@\[-`{-~"}


class Unreadable(Exception):
    """The command line cannot be split (unbalanced quotes...)."""


@dataclass(frozen=True)
class Step:
    pipeline: tuple[tuple[str, ...], ...]  # commands joined by |
    joiner: str  # how it follows the previous step: "" (first), "&&", "||", ";"
    substitution: tuple[str, str, int] | None = None  # [ $(inner) op N ]: (inner command line, op, N)


def parse(line: str) -> list[Step]:
    """Steps of ``line``; ``cd`` steps are dropped (paths are read relative to the project root)."""
    text = _REDIRECT.sub(" ", " " + line.strip()).strip()
    steps: list[Step] = []
    for joiner, part in _split_top(text, ("&&", "||", ";")):
        part = part.strip()
        if not part:
            continue
        test = _SUBST_TEST.match(part)
        if test:
            steps.append(Step((), joiner, (test.group("inner"), test.group("op"), int(test.group("n")))))
            continue
        pipeline = []
        for _, piece in _split_top(part, ("|",)):
            try:
                words = tuple(w for word in shlex.split(piece.strip(), posix=True) for w in _braces(word))
            except ValueError as exc:
                raise Unreadable(f"{piece.strip()!r}: {exc}") from None
            if words:
                pipeline.append(words)
        if pipeline and pipeline[0][0] == "cd" and len(pipeline) == 1:
            continue
        if pipeline:
            steps.append(Step(tuple(pipeline), joiner if steps else ""))
    return steps


_BRACE = regex.compile(r"^(.*?)\{([^{}]*,[^{}]*)\}(.*)$")


def _braces(word: str) -> list[str]:
    """Brace expansion of a path as bash does before globbing: ``s/0{1,2}-*.md`` is ``s/01-*.md s/02-*.md``.
    Only in words that name files (a slash, a glob, an extension): ``x{2,3}`` in a grep pattern is a count."""
    found = _BRACE.match(word)
    if found is None or not ("/" in word or "*" in word or regex.search(r"\.\w{1,6}$", word)):
        return [word]
    head, body, tail = found.groups()
    return [w for part in body.split(",") for w in _braces(head + part + tail)]


def _split_top(text: str, separators: tuple[str, ...]):
    """(separator before, part) outside quotes and $(...)."""
    parts, start, k, quote, depth, before = [], 0, 0, "", 0, ""
    while k < len(text):
        ch = text[k]
        if quote:
            if ch == "\\" and quote == '"':
                k += 2
                continue
            if ch == quote:
                quote = ""
        elif ch == "\\":
            k += 2
            continue
        elif ch in "'\"":
            quote = ch
        elif text.startswith("$(", k):
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0:
            sep = next((s for s in separators if text.startswith(s, k)), None)
            # "||" is not a pipe; "|" inside "||" must not split a pipeline
            if sep == "|" and (text.startswith("||", k) or (k and text[k - 1] == "|")):
                sep = None
            if sep:
                parts.append((before, text[start:k]))
                before, start = sep, k + len(sep)
                k += len(sep)
                continue
        k += 1
    parts.append((before, text[start:]))
    return parts


def grep_regex(pattern: str, extended: bool, fixed: bool, ignore_case: bool, word: bool):
    """A compiled Python regex for a grep pattern (BRE by default: ``\\|`` ``\\(`` ``\\+`` are the operators)."""
    if fixed:
        body = regex.escape(pattern)
    else:
        body = _posix_classes(pattern)
        if not extended:
            body = _bre_to_ere(body)
    if word:
        body = rf"(?<![\w])(?:{body})(?![\w])"
    return regex.compile(body, regex.V0 | (regex.IGNORECASE if ignore_case else 0))


def _posix_classes(pattern: str) -> str:
    for name, repl in _CLASSES.items():
        pattern = pattern.replace(name, repl)
    return pattern


def _bre_to_ere(pattern: str) -> str:
    """In a BRE, ``\\| \\( \\) \\{ \\} \\+ \\?`` are operators and the bare characters are literal."""
    out, k = [], 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\" and k + 1 < len(pattern):
            nxt = pattern[k + 1]
            out.append(nxt if nxt in "|(){}+?" else "\\" + nxt)
            k += 2
            continue
        out.append("\\" + ch if ch in "|(){}+?" else ch)
        k += 1
    return "".join(out)
