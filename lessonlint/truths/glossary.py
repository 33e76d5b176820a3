"""The glossary: terms that map domain phrases of a truth ("sliding window", "скользящее окно") to the
patterns that prove them in a lesson (``HOP(``). Packs are loaded and validated by ``packs.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class GlossaryError(Exception):
    """A glossary pack that cannot be used: the message names ``path:line`` (the CLI exits 2, as for the
    checklist's ``PackError``: both have ``format_message``)."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(self.format_message())

    def format_message(self) -> str:
        """One line for the CLI (``lessonlint: error: <this>``)."""
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class EvidencePattern:
    source: str  # the regex as written
    compiled: object = field(compare=False, hash=False)
    scope: str = "code"  # code: fenced blocks (and whole non-lesson files) | inline: also `code spans` | text
    langs: frozenset[str] | None = None  # code-block languages; None = any
    case_sensitive: bool = False


@dataclass(frozen=True)
class Term:
    id: str  # "<pack>/<term>"
    phrases: tuple = field(compare=False, hash=False)  # compiled, searched case-insensitively in truth text
    evidence: tuple[EvidencePattern, ...] = ()
    description: str = ""
    expect: str = ""  # what the evidence looks like, for messages ("`HOP(` in SQL")
    cases: tuple = field(default=(), compare=False, hash=False)
    path: str = ""
    line: int = 0
    when: tuple = field(default=(), compare=False, hash=False)  # the pack's `when`: applies if one matches the plan


@dataclass(frozen=True)
class PhraseHit:
    start: int
    end: int
    terms: tuple[Term, ...]  # every term whose phrase matched exactly this span


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...] = ()

    def for_plan(self, plan_text: str) -> "Glossary":
        """The terms whose pack applies to a plan: no `when`, or one of its patterns is in the plan's text."""
        verdicts: dict[int, bool] = {}
        kept = []
        for term in self.terms:
            key = id(term.when)
            if key not in verdicts:
                verdicts[key] = not term.when or any(_search(w, plan_text) for w in term.when)
            if verdicts[key]:
                kept.append(term)
        return Glossary(tuple(kept))

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping phrase hits in ``text``, longest first; equal spans pool their terms."""
        spans: dict[tuple[int, int], list[Term]] = {}
        for term in self.terms:
            for phrase in term.phrases:
                try:
                    for m in phrase.finditer(text, timeout=0.2):
                        if m.end() > m.start():
                            spans.setdefault((m.start(), m.end()), []).append(term)
                except TimeoutError:
                    continue
        chosen: list[PhraseHit] = []
        for (start, end), terms in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(start < hit.end and hit.start < end for hit in chosen):
                continue
            chosen.append(PhraseHit(start, end, tuple(dict.fromkeys(terms))))
        return sorted(chosen, key=lambda hit: hit.start)


def _search(pattern, text: str) -> bool:
    try:
        return pattern.search(text, timeout=0.2) is not None
    except TimeoutError:
        return False
