"""Which pack rule speaks for a checklist item: normalise the text, try the phrases in order."""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from ..text.lazy_regex import LazyPattern, LiteralIndex, fold
from .packs import PackRule

MATCH_TIMEOUT = 0.2  # seconds per phrase: a user pack's regex must not hang a pre-commit hook

_CHECKBOX = regex.compile(r"^\s*(?:[-*+]\s+)?\[[ xX]\]\s*")
# **bold**, __bold__, *em*, _em_ around words; backticks are kept (terms are extracted from them). A delimiter
# touching a path character is part of a path or glob, not markup: `sessions/*.md`, `src/__tests__/a.ts`.
_STRONG = regex.compile(r"(?<![\w/.\]\\])(\*\*|__)(?=[^\s/.])(.+?)(?<=[^\s/])\1(?![\w/]|\.\S)")
_EMPHASIS = regex.compile(r"(?<![\w*`/.\]\\])([*_])(?=[^\s*_/.])(.+?)(?<=[^\s*_/])\1(?![\w*`/]|\.\S)")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    rule: PackRule
    groups: dict  # named groups that took part in the match
    text: str  # the normalised item text the phrase matched


def normalise(text: str) -> str:
    """Item text without checkbox and emphasis markup, spaces collapsed; code spans stay as written."""
    text = _CHECKBOX.sub("", text)
    pieces = regex.split(r"(`+[^`]*`+)", text)  # emphasis is removed only outside code spans
    for k in range(0, len(pieces), 2):
        piece = _STRONG.sub(r"\2", pieces[k])
        pieces[k] = _EMPHASIS.sub(r"\2", piece)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def match_item(text: str, section: str, rules: tuple[PackRule, ...]) -> Match | None:
    """The first rule (in pack order) one of whose phrases is found in the item and none of whose ``unless`` is."""
    norm = normalise(text)
    folded = fold(norm)
    phrases = _phrases(rules)
    passed = -1  # a rule whose `unless` matched: its other phrases are not tried
    # in rule and phrase order, only the phrases holding a literal of the item (the others cannot match)
    for flat in phrases.index.candidates(norm):
        number, phrase = phrases.owners[flat]
        rule = rules[number]
        if number == passed or (rule.sections is not None and section not in rule.sections):
            continue
        found = _search(phrase, norm, None)
        if found is None:
            continue
        if any(_search(other, norm, folded) is not None for other in rule.unless):
            passed = number
            continue
        groups = {k: v for k, v in found.groupdict().items() if v is not None}
        return Match(rule, groups, norm)
    return None


def qualifier(text: str, rules: tuple[PackRule, ...]) -> PackRule | None:
    """The first review rule one of whose phrases is anywhere in ``text`` (and none of its ``unless``): a part
    of the item ("…and renders", "…with verified syntax") that files cannot prove, beside a part they did."""
    norm = normalise(text)
    folded = fold(norm)
    phrases = _phrases(rules)
    for flat in phrases.index.candidates(norm):
        number, phrase = phrases.owners[flat]
        rule = rules[number]
        if _search(phrase, norm, folded) is not None and \
                not any(_search(other, norm, folded) is not None for other in rule.unless):
            return rule
    return None


class _Phrases:
    """Every phrase of a rule list, flattened in order, behind a literal index."""

    def __init__(self, rules: tuple[PackRule, ...]) -> None:
        self.rules = rules
        self.owners = [(number, phrase) for number, rule in enumerate(rules) for phrase in rule.phrases]
        self.index = LiteralIndex([phrase for _, phrase in self.owners])


_PHRASES: dict[int, _Phrases] = {}


def _phrases(rules: tuple[PackRule, ...]) -> _Phrases:
    found = _PHRASES.get(id(rules))
    if found is None or found.rules is not rules:
        found = _PHRASES[id(rules)] = _Phrases(rules)
    return found


def _search(pattern, text: str, folded: str | None):
    if isinstance(pattern, LazyPattern):  # a built-in phrase: compiled once needed, skipped without its literals
        if not pattern.may_match(folded):
            return None
        if isinstance(pattern.compiled, re.Pattern):  # tested, no timeout needed
            return pattern.search(text)
        try:
            return pattern.search(text, timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
    if isinstance(pattern, re.Pattern):  # a built-in phrase: tested, no timeout needed
        return pattern.search(text)
    try:
        return pattern.search(text, timeout=MATCH_TIMEOUT)
    except TimeoutError:
        return None
