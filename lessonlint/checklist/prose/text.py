"""Text helpers of the lesson-structure kinds: prose with code and links masked, words, title likeness."""
from __future__ import annotations

from difflib import SequenceMatcher

import regex

from ...lesson.model import Lesson

# a code span: a backtick run closed by a run of the same length on the same line
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_URL = regex.compile(r"\b(?:https?|ftp)://[^\s)>\]]+|\bwww\.[^\s)>\]]+")
_LINK_DEST = regex.compile(r"(?<=\])\((?:<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"\n]*\")?\)")
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’_.\-][\p{L}\p{N}]+)*")
_LETTER = regex.compile(r"\p{L}")
_TOKEN = regex.compile(r"\S+")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_MARKUP = regex.compile(r"[*_`~]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]*>")
_LATIN = regex.compile(r"\p{Latin}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_STOPWORDS = frozenset("a an the of for with and or vs to in on at by is are how what why when".split())
_PUNCT = regex.compile(r"[^\p{L}\p{N}]+")
# where a bilingual or two-part title splits: "A (B)", "A — B", "A: B", "A / B"
_PARTS = regex.compile(r"\s*(?:[()\[\]]|\s[—–-]\s|:\s|\s/\s)\s*")


def blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def mask_inline(line: str, code: bool = True) -> str:
    """``line`` with URLs, link destinations and (when ``code``) code spans turned into spaces."""
    for pattern in ((_CODE_SPAN,) if code else ()) + (_LINK_DEST, _URL):
        for m in reversed(list(pattern.finditer(line))):
            line = blank(line, m.start(), m.end())
    return line


def masked_lines(lesson: Lesson) -> list[str]:
    """The lesson's masked text (JSX, ESM, frontmatter blanked) split into lines; index 0 is line 1."""
    cached = lesson.extra.get("checklist_masked_lines")
    if cached is None:
        cached = lesson.extra["checklist_masked_lines"] = lesson.masked.split("\n")
    return cached


def prose_text(lesson: Lesson, number: int, code: bool = True) -> str:
    """Masked prose of file line ``number`` (inline code masked when ``code``), same columns as the file."""
    lines = masked_lines(lesson)
    return mask_inline(lines[number - 1], code) if 0 < number <= len(lines) else ""


def words(text: str) -> list:
    """Word matches that hold at least one letter (numbers and markup do not count)."""
    return [m for m in _WORD.finditer(text) if _LETTER.search(m.group())]


def tokens(text: str) -> int:
    """Whitespace-separated tokens holding a letter or digit: how word processors count words."""
    return sum(1 for m in _TOKEN.finditer(text) if _ALNUM.search(m.group()))


def normalize_title(text: str) -> str:
    text = _MARKUP.sub(lambda m: m.group(1) or " ", text)
    text = text.casefold().replace("ё", "е")
    return _PUNCT.sub(" ", text).strip()


def title_variants(text: str) -> set[str]:
    """The whole title and its halves ("Tumbling Windows (неперекрывающиеся окна)" has three)."""
    out = {normalize_title(text)}
    for part in _PARTS.split(_MARKUP.sub(lambda m: m.group(1) or " ", text)):
        norm = normalize_title(part)
        if len(norm) >= 4:
            out.add(norm)
    out.discard("")
    return out


def title_score(planned: str, heading: str) -> float:
    """0..1 likeness of a planned section title and a heading, tolerant to case, punctuation and halves."""
    best = 0.0
    for a in title_variants(planned):
        for b in title_variants(heading):
            best = max(best, _likeness(a, b))
    return best


def _likeness(a: str, b: str) -> float:
    if a == b:
        return 1.0
    ratio = SequenceMatcher(None, a, b, autojunk=False).ratio()
    small, large = sorted((a.split(), b.split()), key=len)
    if len(" ".join(small)) >= 6 and set(small) <= set(large):
        ratio = max(ratio, 0.85 if len(small) * 2 >= len(large) else 0.75)
    return max(ratio, _shared_terms(a, b))


def _shared_terms(planned: str, heading: str) -> float:
    """A half-translated heading ("Шаг 2: Создание Replication User" for "Creating Replication User"):
    its words in the plan's script all come from the plan's title and cover half of it."""
    script = _script_pattern(planned)
    if script is None or not regex.search(r"\p{L}", script.sub("", heading)):
        return 0.0  # not a mixed heading
    kept = [w for w in heading.split() if script.search(w) and not regex.search(r"\p{L}", script.sub("", w))]
    title = [w for w in planned.split() if w not in _STOPWORDS]
    if not kept or not title:
        return 0.0
    if not all(any(_same_word(k, t) for t in planned.split()) for k in kept):
        return 0.0
    covered = sum(1 for t in title if any(_same_word(k, t) for k in kept))
    return 0.8 if covered >= 2 and covered * 2 >= len(title) else 0.0


def _same_word(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 3 and SequenceMatcher(None, a, b).ratio() >= 0.8)


def _script_pattern(text: str):
    latin, cyrillic = len(_LATIN.findall(text)), len(_CYRILLIC.findall(text))
    if latin and not cyrillic:
        return _LATIN
    if cyrillic and not latin:
        return _CYRILLIC
    return None
