"""Patterns of the built-in packs, compiled on first use, and the literals a match cannot do without.

A run holds about 1,100 glossary and checklist patterns, yet most never meet a text they could match:
compiling them all (the ``regex`` module compiles in Python) cost more than checking a whole course.
``required_literals`` reads a pattern's source conservatively, and when it is not sure it says so (None):
such a pattern is always run.
"""
from __future__ import annotations

import re

_QUANTIFIER = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_VERBOSE = re.compile(r"\(\?[a-zA-Z]*x")
_INLINE_M = re.compile(r"\(\?[a-zA-Z]*m")
ZERO_WIDTH = set("bBAZ")  # \b \B \A \Z
CLASSES = set("dDwWsS")  # \d \w \s ...: one character, not a literal one


class LazyPattern:
    """A regex compiled when first searched; ``may_match`` skips texts that lack all of its literals."""

    __slots__ = ("pattern", "flags", "literals", "anchored", "_compile", "_compiled")

    def __init__(self, pattern: str, flags: int, compile_) -> None:
        self.pattern, self.flags, self._compile, self._compiled = pattern, flags, compile_, None
        self.literals = required_literals(pattern)
        # `^...` (one alternative, no MULTILINE) matches at the start or nowhere: ``match`` says so at once,
        # where the regex module's ``search`` tries every position of the text
        self.anchored = (pattern.startswith("^") and not flags & re.MULTILINE and not _INLINE_M.search(pattern)
                         and len(_alternatives(pattern)) == 1)

    @property
    def compiled(self):
        if self._compiled is None:
            self._compiled = self._compile(self.pattern, self.flags)
        return self._compiled

    def may_match(self, folded: str | None) -> bool:
        """False when ``folded`` (``fold(text)``) cannot hold a match."""
        return self.literals is None or folded is None or any(literal in folded for literal in self.literals)

    def search(self, *args, **kwargs):
        if self.anchored:
            return self.compiled.match(*args, **kwargs)
        return self.compiled.search(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled.finditer(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def fold(text: str) -> str | None:
    """``text`` casefolded for ``may_match``; None (match anything) when a character folds to several."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def required_literals(pattern: str, shortest: int = 2) -> tuple[str, ...] | None:
    """Casefolded strings such that every match (case-insensitive or not) contains one of them; None if unsure.

    One literal per top-level alternative: the longest run of plain characters outside groups, classes and
    quantified atoms. A group, a class, an escape naming a class or an anchor ends a run; an optional character
    (``s?``, ``s*``, ``s{0,2}``) is dropped from it.
    """
    if not pattern or _VERBOSE.search(pattern):
        return None
    found: list[str] = []
    for alternative in _alternatives(pattern):
        best = _best_literals(alternative)
        if best is None or min(map(len, best)) < shortest:
            return None
        found += [literal.casefold() for literal in best]
    return tuple(dict.fromkeys(found))


def _alternatives(pattern: str) -> list[str]:
    """The pattern split at ``|`` outside groups and classes."""
    out, depth, start, k = [], 0, 0, 0
    while k < len(pattern):
        ch = pattern[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = _class_end(pattern, k)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
        k += 1
    out.append(pattern[start:])
    return out


def _best_literals(alt: str) -> tuple[str, ...] | None:
    """The strongest requirement of one alternative: a run of plain characters, or a group of plain words
    (``(?:file|lesson|folder)``) that must be there; judged by its shortest member."""
    runs: list[tuple[str, ...]] = []
    run: list[str] = []

    def cut() -> None:
        if run:
            runs.append(("".join(run),))
            run.clear()

    k = 0
    while k < len(alt):
        ch = alt[k]
        if ch == "\\":
            if k + 1 >= len(alt):
                return None
            nxt = alt[k + 1]
            k += 2
            if nxt.isalnum() or nxt == "_":
                if nxt in ZERO_WIDTH or nxt in CLASSES:
                    cut()
                    continue
                return None  # \x41, \u0410, \N{...}, \p{...}, back-references: not read here
            _add(run, nxt, cut)  # an escaped punctuation character is itself
        elif ch == "[":
            cut()
            k = _class_end(alt, k)
            continue
        elif ch == "(":
            cut()
            end = _group_end(alt, k)
            if end < 0:
                return None
            words = _plain_words(alt[k:end])
            if words is not None and not (alt[end:end + 1] in ("?", "*") or alt.startswith("{0", end)):
                runs.append(words)  # a group that must match one of these words
            k = end
            continue
        elif ch in ".^$)":
            cut()
            k += 1
        elif ch in "?*+{":
            quantified = ch
            if ch == "{":
                m = _QUANTIFIER.match(alt, k)
                if m is None:
                    return None  # a literal brace in re, fuzzy matching in regex: not read here
                else:
                    low = m.group(1)
                    quantified = "+" if low and int(low) > 0 else "*"
                    k = m.end()
            else:
                k += 1
            if quantified in ("?", "*") and run:
                run.pop()  # the character before may be absent
            cut()
            while k < len(alt) and alt[k] in "?+":  # lazy / possessive suffix
                k += 1
            continue
        else:
            _add(run, ch, cut)
            k += 1
    cut()
    return max(runs, key=lambda words: min(map(len, words))) if runs else None


_GROUP_OPEN = re.compile(r"\((?:\?:|\?P<\w+>)?")


def _plain_words(group: str) -> tuple[str, ...] | None:
    """``(?:file|lesson)`` → ('file', 'lesson'): a plain or named group of plain alternatives, else None."""
    opening = _GROUP_OPEN.match(group)
    if opening is None or group[opening.end():opening.end() + 1] == "?":
        return None
    words = []
    for alternative in _alternatives(group[opening.end():-1]):
        word: list[str] = []
        k = 0
        while k < len(alternative):
            ch = alternative[k]
            if ch == "\\" and k + 1 < len(alternative) and not alternative[k + 1].isalnum() and alternative[k + 1] != "_":
                ch, k = alternative[k + 1], k + 1
            elif ch in ".^$*+?{}[]()|\\":
                return None
            if len(ch.casefold()) != 1 or ch.casefold() != ch.lower().casefold():
                return None
            word.append(ch)
            k += 1
        if not word:
            return None
        words.append("".join(word))
    return tuple(words)


def _add(run: list[str], ch: str, cut) -> None:
    """Extend the run, unless ``ch`` folds in a way plain casefolding does not mirror (``ß``, ``İ``)."""
    folded = ch.casefold()
    if len(folded) == 1 and folded == ch.lower().casefold():
        run.append(ch)
    else:
        cut()


def _class_end(text: str, k: int) -> int:
    """Index after the character class that opens at ``text[k] == '['``."""
    k += 1
    if k < len(text) and text[k] == "^":
        k += 1
    if k < len(text) and text[k] == "]":
        k += 1
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
        elif text.startswith("[:", k):
            end = text.find(":]", k + 2)
            k = end + 2 if end >= 0 else k + 1
        elif ch == "]":
            return k + 1
        else:
            k += 1
    return k


def _group_end(text: str, k: int) -> int:
    """Index after the group that opens at ``text[k] == '('`` (-1 when it never closes)."""
    depth = 0
    while k < len(text):
        ch = text[k]
        if ch == "\\":
            k += 2
            continue
        if ch == "[":
            k = _class_end(text, k)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return -1


class LiteralIndex:
    """Which of many patterns may match a short text, found by the text's letter pairs rather than by asking
    every pattern (a glossary asks ~600 phrases of every truth)."""

    def __init__(self, patterns) -> None:
        self.size = len(patterns)
        self.always: list[int] = []
        self.pairs: dict[str, list[tuple[str, int]]] = {}
        for k, pattern in enumerate(patterns):
            literals = pattern.literals if isinstance(pattern, LazyPattern) else None
            if literals is None:
                self.always.append(k)
                continue
            for literal in literals:
                self.pairs.setdefault(literal[:2], []).append((literal, k))

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that may match ``text``, in order."""
        folded = fold(text)
        if folded is None:
            return list(range(self.size))
        found = set(self.always)
        pairs = self.pairs
        for pair in {folded[k:k + 2] for k in range(len(folded) - 1)}.intersection(pairs):
            for literal, index in pairs[pair]:
                if index not in found and literal in folded:
                    found.add(index)
        return sorted(found)
