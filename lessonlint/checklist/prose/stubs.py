"""Placeholder text in teaching sections: TODO, TBD, FIXME, lorem ipsum, "coming soon" and Russian kin.

Lab and exercise sections may hand students TODOs, so a line under a heading with a lab word (built-in
list plus ``settings.stub_exceptions``) is skipped. In code, a TODO comment is a stub only when the whole
block is comments and ``pass`` / ``...`` — teaching code often marks an extension point (``# TODO:
integrate with Slack``) next to working code.
"""
from __future__ import annotations

import regex

from ...diagnostic import Diagnostic
from ...lesson.model import Lesson
from ..outline.sections import enclosing_headings
from .text import mask_inline, masked_lines

CODE = "CHK041"
_STUB = regex.compile(
    r"\b(?:TODO|TBD|FIXME)\b|lorem ipsum|\bcoming soon\b|\bto be (?:written|added|completed|done)\b|\bgoes here\b"
    r"|(?:^|[\[(])\s*placeholder\b|\bplaceholder\s*(?:[—–:-]|text|content|section)"
    r"|раздел в разработке|\bзаглушк\w*|\bздесь будет (?:текст|контент|описание|пример)\w*|\bскоро появ\w+"
    r"|\b(?:будет|будут) (?:добавлен\w*|дополнен\w*|написан\w*) позже", regex.I)
_CASE_SENSITIVE = ("TODO", "TBD", "FIXME")
# a literal piece of every pattern above: a cheap test before the regex (lesson rules run on every commit)
_KEYS = ("todo", "tbd", "fixme", "lorem", "coming soon", "to be ", "goes here", "placeholder", "разработке",
         "заглушк", "здесь будет", "скоро появ", "позже")
LAB_WORDS = ("lab", "exercise", "practice", "homework", "assignment", "challenge", "лабораторн", "упражнени",
             "практи", "задани", "домашн")
_COMMENT = regex.compile(r"^\s*(?:#|//|--|/\*|\*|<!--)")
_FILLER = regex.compile(r"^\s*(?:pass|\.\.\.|…|\{\s*\}|)\s*;?\s*$")


def stub_diagnostics(lesson: Lesson, exceptions: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Every placeholder outside lab sections, at its line and column."""
    if not _maybe(lesson.source.text):
        return []  # the common case, decided by one scan of the file
    words = tuple(w.casefold() for w in (*LAB_WORDS, *exceptions))
    out = []
    lines = masked_lines(lesson)
    stub_blocks = {b.line for b in lesson.code_blocks if _is_stub_block(b.text)}
    block_of = {n: b.line for b in lesson.code_blocks if b.line in stub_blocks for n in range(b.line, b.end_line + 1)}
    for info in lesson.lines:
        if info.kind in ("prose", "heading"):
            raw = lines[info.number - 1] if info.number <= len(lines) else ""
            text = mask_inline(raw) if _maybe(raw) else ""  # most lines hold no marker: skip the masking
        elif info.kind == "code" and info.role == "body" and block_of.get(info.number) in stub_blocks:
            text = lesson.source.line(info.number)
        else:
            continue
        if not text:
            continue
        for m in _STUB.finditer(text):
            found = m.group().strip(" [(")
            if found.upper() in _CASE_SENSITIVE and found != found.upper():
                continue  # "todo" in a sentence is a word, "TODO" is a marker
            if _in_lab(lesson, info.number, words):
                break
            start = m.start() + len(m.group()) - len(m.group().lstrip(" [("))
            out.append(Diagnostic(CODE, f"placeholder `{found}` in a teaching section", lesson.path, info.number,
                                  start + 1, info.number, start + 1 + len(found),
                                  hint="write the content, or move exercises for students under a Lab heading"))
    return out


def _maybe(text: str) -> bool:
    lowered = text.casefold()
    return any(key in lowered for key in _KEYS)


def _in_lab(lesson: Lesson, line: int, words: tuple[str, ...]) -> bool:
    return any(w in h.text.casefold() for h in enclosing_headings(lesson, line) for w in words)


def _is_stub_block(text: str) -> bool:
    """A code block made only of comments and fillers, with a TODO-like marker among them."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and any(_maybe(l) and _STUB.search(l) for l in lines) \
        and all(_COMMENT.match(l) or _FILLER.match(l) for l in lines)
