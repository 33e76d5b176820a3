"""Align a plan's outline with a lesson's headings: in order, each section to at most one heading."""
from __future__ import annotations

import regex

from ...lesson.model import Heading
from ..prose.text import title_score
from .numbered import Section

MATCH = 0.72  # title likeness from which a heading is taken for a section
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")


def align(sections: tuple[Section, ...], headings: list[Heading]) -> dict[int, int]:
    """Section index → heading index, order kept, total likeness maximal (a weighted LCS)."""
    n, m = len(sections), len(headings)
    score = [[title_score(s.title, h.text) for h in headings] for s in sections]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = score[i][j] + best[i + 1][j + 1] if score[i][j] >= MATCH else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = {}, 0, 0
    while i < n and j < m:
        if score[i][j] >= MATCH and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs[i] = j
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def best_heading(section: Section, headings: list[Heading]) -> tuple[int, float] | None:
    """The most similar heading anywhere (for "out of order" and near-miss hints)."""
    scored = [(title_score(section.title, h.text), k) for k, h in enumerate(headings)]
    if not scored:
        return None
    score, index = max(scored)
    return index, score


_INTRO = regex.compile(r"^(?:introduction|intro|overview|введение|вступление|обзор)\b", regex.I)


def same_language(title: str, language: str | None) -> bool:
    """Can the title be matched literally? Yes when it has letters of the lesson's script (or no script is
    known); an English title in a Russian lesson may have been translated, which fuzzy matching cannot see."""
    if language is None:
        return True
    return bool(regex.search(rf"\p{{Script={language}}}", title))


def is_intro(title: str) -> bool:
    return bool(_INTRO.match(title.strip()))


def script_of(text: str) -> str | None:
    """'Latin' or 'Cyrillic' when one clearly dominates the letters of ``text``."""
    latin, cyrillic = len(_LATIN.findall(text)), len(_CYRILLIC.findall(text))
    if latin > 3 * cyrillic:
        return "Latin" if latin else None
    if cyrillic > 3 * latin:
        return "Cyrillic"
    return None
