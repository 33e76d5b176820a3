"""Seeded mutation operators for MDX lessons: each breaks (or nearly breaks) a lesson in one place,
the way authors do, so that lessonlint's build verdict can be compared with the real compiler's.

An operator takes the lesson text and a ``random.Random`` and returns a ``Mutation`` (the new text, the
1-based line it changed, what it did) or None when the lesson offers no place for it. Operators read
the text with a small fence/template tracker of their own, not with lessonlint, so that lessonlint's
mistakes cannot steer where the mutations land. The same text and seed give the same mutation.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable

BRACKETS = "{}[]()\"'"
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CLOSING_TAG = re.compile(r"</[A-Za-z][\w.:-]*>")
_OPENING_TAG = re.compile(r"^<([A-Z][\w.]*)(?=[ >/])")
_HEADING = re.compile(r"^#{1,6} \S")
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_LT_FOLLOWERS = "0123456789 =-.,!?:;)(*&"


@dataclass(frozen=True)
class Mutation:
    text: str
    line: int  # 1-based line of the change (in the mutated text)
    detail: str


@dataclass(frozen=True)
class _Lines:
    """The lesson's lines and which of them are code (fences, frontmatter, template literals)."""

    lines: tuple[str, ...]
    code: frozenset[int]  # 0-based lines inside a fence (fence lines included), frontmatter or a `...` value
    fences: tuple[int, ...]  # 0-based fence lines (opening and closing)

    def prose(self) -> list[int]:
        """Lines of running text: not code, not blank, not a tag, expression, import or table line."""
        return [k for k, line in enumerate(self.lines) if k not in self.code and _WORD.match(line.lstrip("#>-*0123456789. "))
                and not line.startswith(("import ", "export "))]


def _read(text: str) -> _Lines:
    lines = tuple(text.split("\n"))
    code, fences = set(), []
    k = 0
    if lines and lines[0].strip() == "---":
        end = next((j for j in range(1, len(lines)) if lines[j].strip() == "---"), None)
        if end is not None:
            code.update(range(end + 1))
            k = end + 1
    fence: str | None = None
    template = False
    for j in range(k, len(lines)):
        line = lines[j]
        m = _FENCE.match(line)
        if fence is not None:
            code.add(j)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line[m.end():].strip():
                fence = None
                fences.append(j)
        elif template:
            code.add(j)
            template = "`}" not in line
        elif m:
            fence = m.group(1)
            code.add(j)
            fences.append(j)
        elif "={`" in line and "`}" not in line.split("={`", 1)[1]:
            template = True
    return _Lines(lines, frozenset(code), tuple(fences))


def _join(lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join(lines)


def _occurrences(doc: _Lines, chars: str) -> list[tuple[int, int]]:
    return [(k, c) for k, line in enumerate(doc.lines) if k not in doc.code
            for c, char in enumerate(line) if char in chars]


def delete_bracket(text: str, rng: random.Random) -> Mutation | None:
    """Delete one of ``{ } [ ] ( ) " '`` outside code."""
    doc = _read(text)
    sites = _occurrences(doc, BRACKETS)
    if not sites:
        return None
    k, c = rng.choice(sites)
    lines = list(doc.lines)
    char = lines[k][c]
    lines[k] = lines[k][:c] + lines[k][c + 1:]
    return Mutation(_join(lines), k + 1, f"deleted {char!r} at column {c + 1}")


def insert_bracket(text: str, rng: random.Random) -> Mutation | None:
    """Insert one of ``{ } [ ] ( ) " '`` into a non-code line."""
    doc = _read(text)
    sites = [k for k, line in enumerate(doc.lines) if k not in doc.code and line.strip()]
    if not sites:
        return None
    k = rng.choice(sites)
    c = rng.randrange(len(doc.lines[k]) + 1)
    char = rng.choice(BRACKETS)
    lines = list(doc.lines)
    lines[k] = lines[k][:c] + char + lines[k][c:]
    return Mutation(_join(lines), k + 1, f"inserted {char!r} at column {c + 1}")


def drop_closing_tag(text: str, rng: random.Random) -> Mutation | None:
    """Remove one closing JSX tag ``</Name>``."""
    doc = _read(text)
    sites = [(k, m.start(), m.end()) for k, line in enumerate(doc.lines) if k not in doc.code
             for m in _CLOSING_TAG.finditer(line)]
    if not sites:
        return None
    k, a, b = rng.choice(sites)
    lines = list(doc.lines)
    tag = lines[k][a:b]
    lines[k] = lines[k][:a] + lines[k][b:]
    return Mutation(_join(lines), k + 1, f"dropped {tag}")


def drop_fence(text: str, rng: random.Random) -> Mutation | None:
    """Delete an opening or closing code fence line."""
    doc = _read(text)
    if not doc.fences:
        return None
    k = rng.choice(doc.fences)
    lines = list(doc.lines)
    del lines[k]
    return Mutation(_join(lines), min(k + 1, len(lines)), f"deleted fence line {k + 1}")


def shift_fence(text: str, rng: random.Random) -> Mutation | None:
    """Move a fence line up or down by 1-3 lines, or indent it by 1-8 spaces."""
    doc = _read(text)
    if not doc.fences:
        return None
    k = rng.choice(doc.fences)
    lines = list(doc.lines)
    if rng.random() < 0.5:
        spaces = rng.randint(1, 8)
        lines[k] = " " * spaces + lines[k]
        return Mutation(_join(lines), k + 1, f"indented fence line {k + 1} by {spaces}")
    target = max(0, min(len(lines) - 1, k + rng.choice((-3, -2, -1, 1, 2, 3))))
    line = lines.pop(k)
    lines.insert(target, line)
    return Mutation(_join(lines), target + 1, f"moved fence line {k + 1} to {target + 1}")


def lt_in_prose(text: str, rng: random.Random) -> Mutation | None:
    """Insert ``<`` followed by a digit, a space or punctuation before a word of running text."""
    doc = _read(text)
    sites = [(k, m.start()) for k in doc.prose() for m in re.finditer(r"(?<= )\S", doc.lines[k])]
    if not sites:
        return None
    k, c = rng.choice(sites)
    insert = "<" + rng.choice(_LT_FOLLOWERS)
    lines = list(doc.lines)
    lines[k] = lines[k][:c] + insert + lines[k][c:]
    return Mutation(_join(lines), k + 1, f"inserted {insert!r} at column {c + 1}")


def heading_id(text: str, rng: random.Random) -> Mutation | None:
    """Append a Docusaurus/kramdown heading id ``{#some-id}`` to a heading."""
    doc = _read(text)
    sites = [k for k, line in enumerate(doc.lines) if k not in doc.code and _HEADING.match(line)]
    if not sites:
        return None
    k = rng.choice(sites)
    words = re.findall(r"[A-Za-z0-9]+", doc.lines[k])[:3]
    slug = "-".join(w.lower() for w in words) or f"section-{k + 1}"
    lines = list(doc.lines)
    lines[k] = lines[k].rstrip() + " {#" + slug + "}"
    return Mutation(_join(lines), k + 1, f"heading id {{#{slug}}}")


def brace_words(text: str, rng: random.Random) -> Mutation | None:
    """Wrap one to three words of running text in braces."""
    doc = _read(text)
    sites = [(k, m.start()) for k in doc.prose() for m in _WORD.finditer(doc.lines[k])]
    if not sites:
        return None
    k, c = rng.choice(sites)
    line = doc.lines[k]
    words = list(_WORD.finditer(line, c))[:rng.randint(1, 3)]
    end = words[-1].end()
    lines = list(doc.lines)
    lines[k] = line[:c] + "{" + line[c:end] + "}" + line[end:]
    return Mutation(_join(lines), k + 1, f"braced {line[c:end]!r}")


_ARRAY_DEFECTS = ("]", "}", '"', ",", "[")


def jsx_array(text: str, rng: random.Random) -> Mutation | None:
    """Give a flow JSX element a multi-line array attribute with one defect (a missing ``] } " ,`` or an extra ``[``)."""
    doc = _read(text)
    sites = [(k, m.end()) for k, line in enumerate(doc.lines) if k not in doc.code
             for m in [_OPENING_TAG.match(line)] if m]
    if not sites:
        return None
    k, c = rng.choice(sites)
    words = [w.group() for w in _WORD.finditer(" ".join(doc.lines[j] for j in doc.prose()[:20]))][:6] or ["a", "b", "c"]
    rows = [f'    "{w}",' for w in words[:2]] + [f'    {{ label: "{words[-1]}", step: {len(words)} }},']
    block = [" items={["] + rows + ["  ]}"]
    defect = rng.choice(_ARRAY_DEFECTS)
    if defect == "[":
        j = rng.randrange(1, len(block) - 1)
        block[j] = block[j].replace('"', '["', 1)
    else:
        spots = [(j, i) for j, row in enumerate(block) for i, ch in enumerate(row) if ch == defect]
        j, i = rng.choice(spots)
        block[j] = block[j][:i] + block[j][i + 1:]
    line = doc.lines[k]
    new = [line[:c] + block[0]] + block[1:-1] + [block[-1] + line[c:]]
    lines = list(doc.lines[:k]) + new + list(doc.lines[k + 1:])
    return Mutation(_join(lines), k + 1, f"array attribute on line {k + 1}, defect {defect!r}")


_IMPORT_BREAKS = ("drop-from", "misspell-from", "drop-quote", "drop-brace", "truncate", "double-comma")


def break_import(text: str, rng: random.Random) -> Mutation | None:
    """Break an ESM ``import`` line: lose ``from``, a quote or a brace, misspell ``from``, cut it short."""
    doc = _read(text)
    sites = [k for k, line in enumerate(doc.lines) if k not in doc.code and line.startswith("import ")]
    if not sites:
        return None
    k = rng.choice(sites)
    line = doc.lines[k]
    how = rng.choice(_IMPORT_BREAKS)
    if how == "drop-from" and " from " in line:
        new = line.replace(" from ", " ", 1)
    elif how == "misspell-from" and " from " in line:
        new = line.replace(" from ", " form ", 1)
    elif how == "drop-brace" and any(ch in line for ch in "{}"):
        i = rng.choice([i for i, ch in enumerate(line) if ch in "{}"])
        new = line[:i] + line[i + 1:]
    elif how == "double-comma" and "," in line:
        new = line.replace(",", ",,", 1)
    elif how == "truncate" and len(line) > 8:
        new = line[:rng.randrange(8, len(line))]
    else:
        quotes = [i for i, ch in enumerate(line) if ch in "'\""]
        if not quotes:
            return None
        how = "drop-quote"
        i = rng.choice(quotes)
        new = line[:i] + line[i + 1:]
    lines = list(doc.lines)
    lines[k] = new
    return Mutation(_join(lines), k + 1, how)


def indent_jsx(text: str, rng: random.Random) -> Mutation | None:
    """Indent a flow JSX element (opening line to its closing tag) by 2-8 spaces or a tab."""
    doc = _read(text)
    sites = [(k, m.group(1)) for k, line in enumerate(doc.lines) if k not in doc.code
             for m in [_OPENING_TAG.match(line)] if m]
    if not sites:
        return None
    k, name = rng.choice(sites)
    end = k
    if not doc.lines[k].rstrip().endswith("/>"):
        end = next((j for j in range(k, len(doc.lines)) if f"</{name}>" in doc.lines[j]
                    or (j > k and doc.lines[j].rstrip().endswith("/>") and not doc.lines[j].startswith("<"))), k)
    pad = "\t" if rng.random() < 0.2 else " " * rng.randint(2, 8)
    lines = list(doc.lines)
    for j in range(k, end + 1):
        if lines[j]:
            lines[j] = pad + lines[j]
    return Mutation(_join(lines), k + 1, f"indented lines {k + 1}-{end + 1} by {pad!r}")


OPERATORS: dict[str, Callable[[str, random.Random], Mutation | None]] = {
    "delete-bracket": delete_bracket,
    "insert-bracket": insert_bracket,
    "drop-closing-tag": drop_closing_tag,
    "drop-fence": drop_fence,
    "shift-fence": shift_fence,
    "lt-in-prose": lt_in_prose,
    "heading-id": heading_id,
    "brace-words": brace_words,
    "jsx-array": jsx_array,
    "break-import": break_import,
    "indent-jsx": indent_jsx,
}


def mutate(texts: list[str], operator: str, rng: random.Random, tries: int = 20) -> tuple[int, Mutation] | None:
    """Apply ``operator`` to a lesson drawn with ``rng`` (another one when a lesson has no place for it)."""
    apply = OPERATORS[operator]
    for _ in range(tries):
        index = rng.randrange(len(texts))
        found = apply(texts[index], rng)
        if found is not None and found.text != texts[index]:
            return index, found
    return None
