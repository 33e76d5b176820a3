"""What a task's ``<action>`` promises about its lesson: the **Frontmatter:** keys and the outline sections."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...plan.model import Task
from ..search.terms import Term, extract

_FRONT_MARK = regex.compile(r"^\s*(?:[-*]\s+)?\**\s*frontmatter\b[^:\n]*:?\s*\**\s*:?\s*(?:\**)?\s*$", regex.I)
_SPEC_LINE = regex.compile(r"^\s*(?:[-*+]\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FENCE = regex.compile(r"^\s*(`{3,}|~{3,})")
_PLAN_FILE = regex.compile(r"(?:^|/)[A-Z0-9_-]+\.md$|\.planning/")
_STEM_SUFFIXES = ("ations", "ation", "ings", "ing", "ments", "ment", "ers", "er", "ies", "es", "ed", "s", "al", "ly")
GENERIC = frozenset("""a an the of for with and or to in on at by as is are be it its this that these those
contains contain include includes including has have with example examples code section sections lesson lessons
file files content complete full proper all each every mention mentions cover covers show shows use uses
present explanation explains explain describe describes detailed details guidance about from into vs
type types kind kinds one two three four five six seven eight nine ten""".split())


@dataclass(frozen=True)
class SpecValue:
    value: object  # as YAML reads it (YAML 1.2 core, like Astro)
    line: int  # plan line


def frontmatter_spec(task: Task | None) -> dict[str, SpecValue]:
    """``key: value`` lines after a **Frontmatter:** label (bulleted or in a fenced block) in the action."""
    if task is None or task.action is None:
        return {}
    from ...text.yamlpos import load_yaml

    rows = task.action.lines()
    start = next((k for k, (_, text) in enumerate(rows) if _FRONT_MARK.match(text)), None)
    if start is None:
        return {}
    spec: dict[str, SpecValue] = {}
    fenced = False
    for line, text in rows[start + 1:]:
        if _FENCE.match(text):
            if fenced:
                break
            fenced = True
            continue
        if text.strip() in ("---", ""):
            if spec and not fenced and not text.strip():
                break
            continue
        found = _SPEC_LINE.match(text)
        if found is None:
            if spec or not fenced:
                break
            continue
        key, raw = found.groups()
        loaded = load_yaml(f"v: {raw}\n") if raw else None
        value = loaded.value.get("v") if loaded is not None and loaded.ok and isinstance(loaded.value, dict) else raw
        spec[key] = SpecValue(value, line)
    return spec


def stems(words) -> set[str]:
    """Crude English stems of the non-generic words (``configuration`` and ``configure`` meet at ``configur``)."""
    out = set()
    for word in words:
        word = word.casefold()
        if len(word) < 3 or word in GENERIC:
            continue
        for suffix in _STEM_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.add(word.rstrip("e"))
    return out


def best_section(task: Task | None, words):
    """The outline section (``_outline.Section``) whose title and notes share most words with the item
    (ties: the denser one); the outline reader is shared with the ``outline`` kind."""
    from .numbered import sections

    wanted = stems(words)
    if not wanted:
        return None
    best: tuple[int, float, int] | None = None
    outline = sections(task)
    for index, section in enumerate(outline):
        have = stems(regex.findall(r"[\p{L}][\p{L}\p{N}]*", " ".join((section.title, *section.notes))))
        shared = len(wanted & have)
        if shared == 0:
            continue
        key = (shared, shared / max(len(have), 1), -index)
        if best is None or key > best:
            best = key
    return outline[-best[2]] if best else None


def sections_titled(tasks, words) -> list:
    """Outline sections (of these tasks) whose titles share a word with the item: "Window examples cover all
    three types" → the three "... Windows" sections."""
    from .numbered import sections

    wanted = stems(words)
    found = []
    for task in tasks:
        for section in sections(task):
            if wanted & stems(regex.findall(r"[\p{L}][\p{L}\p{N}]*", section.title)):
                found.append(section)
    return found


def section_terms(section) -> list[Term]:
    """Concrete terms of an outline section (title and notes); proper names and plain words do not count."""
    out: dict[str, Term] = {}
    for text in (section.title, *section.notes):
        for term in extract(text, names=False, sentence=True).strong:
            if not _PLAN_FILE.search(term.text):  # "Reference RESEARCH.md Pitfall 7" points into the plan
                out.setdefault(term.text, term)
    return list(out.values())
