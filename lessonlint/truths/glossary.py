"""The glossary: terms that map domain phrases of a truth ("sliding window", "скользящее окно") to the
patterns that prove them in a lesson (``HOP(``). Packs are loaded and validated by ``packs.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..registry.pack_files import RulesFileError
from ..text.lazy_regex import LazyPattern, LiteralIndex, fold
from ..text.patterns import timed_out


class GlossaryError(RulesFileError):
    """A glossary pack that cannot be used: the message names ``path:line`` (the CLI exits 2)."""


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
    # the phrases of the whole glossary behind a literal index, shared by the glossaries made from it
    _shared: "_Phrases | None" = field(default=None, compare=False, hash=False, repr=False)

    def for_plan(self, plan_text: str) -> "Glossary":
        """The terms whose pack applies to a plan: no `when`, or one of its patterns is in the plan's text."""
        verdicts: dict[int, bool] = {}
        kept = []
        folded = fold(plan_text)
        for term in self.terms:
            key = id(term.when)
            if key not in verdicts:
                verdicts[key] = not term.when or any(_search(w, plan_text, folded) for w in term.when)
            if verdicts[key]:
                kept.append(term)
        return Glossary(tuple(kept), self._phrases())

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping phrase hits in ``text``, longest first; equal spans pool their terms."""
        spans: dict[tuple[int, int], list[Term]] = {}
        phrases = self._phrases()
        mine = phrases.members(self.terms)
        # in term and phrase order, only the phrases with a literal of the text (most are never even compiled)
        for index in phrases.index.candidates(text):
            term = phrases.owners[index]
            if mine is not None and id(term) not in mine:
                continue
            try:
                for m in phrases.patterns[index].finditer(text, timeout=0.2):
                    if m.end() > m.start():
                        spans.setdefault((m.start(), m.end()), []).append(term)
            except TimeoutError:
                timed_out()
                continue
        chosen: list[PhraseHit] = []
        for (start, end), terms in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(start < hit.end and hit.start < end for hit in chosen):
                continue
            chosen.append(PhraseHit(start, end, tuple(dict.fromkeys(terms))))
        return sorted(chosen, key=lambda hit: hit.start)

    def _phrases(self) -> "_Phrases":
        if self._shared is None:
            object.__setattr__(self, "_shared", _Phrases(self.terms))
        return self._shared


class _Phrases:
    """Every phrase of a glossary, flattened in term order, with the literal index over them."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self.owners = [term for term in terms for _ in term.phrases]
        self.patterns = [phrase for term in terms for phrase in term.phrases]
        self.index = LiteralIndex(self.patterns)
        self._members: dict[int, tuple[tuple, frozenset]] = {}

    def members(self, terms: tuple[Term, ...]) -> frozenset[int] | None:
        """ids of ``terms`` (a plan's share of the glossary); None when they are all of it."""
        if terms is self.terms:
            return None
        found = self._members.get(id(terms))
        if found is None or found[0] is not terms:
            if len(self._members) >= 64:  # one share per plan: a large run would keep thousands
                self._members.clear()
            found = self._members[id(terms)] = (terms, frozenset(id(t) for t in terms))
        return found[1]


def _search(pattern, text: str, folded: str | None) -> bool:
    if isinstance(pattern, LazyPattern) and not pattern.may_match(folded):
        return False
    try:
        return pattern.search(text, timeout=0.2) is not None
    except TimeoutError:
        timed_out()
        return False
