"""Language judgements: is a unit of text clearly in another language, which code holds prose letters,
which words mix two scripts (a keyboard-layout slip)."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...lesson.model import Lesson
from ..code.blanked import code_only
from .scripts import FUNCTION_WORDS, function_words, letters_of, share
from .text import prose_text

MIN_LETTERS = 60  # shorter units (a table cell, "Check for timeout errors in logs") are not judged
_QUOTED = regex.compile(r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|„[^“\n]*“")
_WORD = regex.compile(r"\p{L}+")
# Russian endings written after a Latin root on purpose: "failить", "commitнуть", "Kafkaой"
_LOAN_ENDINGS = regex.compile(
    r"^(?:ить|ит|ят|ишь|ил|ила|ило|или|ится|ятся|ну|нуть|нул|нула|нули|нулся|нулась|ем|ем|ешь|ет|ут|ют|ом|ой|ам|ами|"
    r"ах|ов|ы|а|у|е|и|ю|я|ей|ев|ах|ку|ке|ка|ки)$")


@dataclass(frozen=True)
class Verdict:
    other: bool  # clearly in another language
    share: float  # share of its letters in the expected script
    letters: int
    foreign_words: int  # function words of other languages


def judge(text: str, script: str, min_letters: int = MIN_LETTERS) -> Verdict:
    """Is ``text`` clearly not in the language written in ``script``? Quoted strings are left out
    (an English error message quoted in Russian prose is fine). Function words decide where known:
    technical prose borrows nouns, not "the", "is", "of"."""
    text = _QUOTED.sub(" ", text)
    fraction, letters = share(text, script)
    counts = function_words(text)
    own = counts.get(script, 0)
    foreign = sum(v for k, v in counts.items() if k != script)
    if letters < min_letters:
        return Verdict(False, fraction, letters, foreign)
    if script in FUNCTION_WORDS:
        other = foreign >= 3 and foreign > 3 * own and fraction < 0.3
    else:
        other = fraction < 0.15 and foreign >= 3
    return Verdict(other, fraction, letters, foreign)


def code_letters(lesson: Lesson, script: str, allowed: str | None = None):
    """(line, column, text) of each code line holding ``script`` letters (or, with ``allowed``, letters of any
    other script than that one) outside comments and strings."""
    pattern = regex.compile(rf"(?V1)[\p{{L}}--\p{{Script={allowed}}}]+" if allowed else rf"\p{{Script={script}}}+")
    for block in lesson.code_blocks:
        cleaned = code_only(block.lang, block.text)
        if cleaned is None:
            continue
        for k, line in enumerate(cleaned.split("\n")):
            m = pattern.search(line)
            if m is None:
                continue
            number = block.body_line + k
            original = lesson.source.line(number)
            body = block.text.split("\n")[k]
            shift = len(original) - len(body) if original.endswith(body) else 0
            yield number, m.start() + shift + 1, m.group()


def mixed_words(lesson: Lesson, script: str, other: str = "Latin"):
    """(line, column, word) of prose and heading words mixing ``script`` and ``other`` letters."""
    own, foreign = letters_of(script), letters_of(other)
    for info in lesson.lines:
        if info.kind not in ("prose", "heading"):
            continue
        for m in _WORD.finditer(prose_text(lesson, info.number)):
            word = m.group()
            if own.search(word) and foreign.search(word) and not _loanword(word, own, foreign):
                yield info.number, m.start() + 1, word


def _loanword(word: str, own, foreign) -> bool:
    """A Latin root with a Russian ending ("failить") is deliberate; "normально", "Migrация" are slips."""
    split = next((k for k, ch in enumerate(word) if own.match(ch)), 0)
    root, ending = word[:split], word[split:]
    return bool(root) and not own.search(root) and not foreign.search(ending) and bool(_LOAN_ENDINGS.match(ending))
