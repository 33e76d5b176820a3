"""The shapes of a truth sentence that decide its claims: lists ("a, b, and c windows", "(a, b, c)",
"are: a, b, c") and negation ("No X remain", "X is deleted", "does not contain X").

Pure text functions: offsets in, offsets out; nothing here knows a glossary or a course.
"""
from __future__ import annotations

import regex

from .words import STOPWORDS

_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}_+#.'’/-]*")
_CONJ = frozenset({"and", "or", "и", "или"})
_MAX_ITEM_WORDS = 3
_LIST = regex.compile(r"\(([^()]+)\)|:\s*([^.;:()]+)")
_NEG_PREFIX = regex.compile(r"\s*(?:no|none\s+of(?:\s+the)?|zero)\s+", regex.I)
_NEG_DELETED = regex.compile(r"\b(?:is|are|was|were|has\s+been|have\s+been|gets?|got)\s+(?:deleted|removed|dropped|gone)\b"
                             r"|\bno\s+longer\s+(?:exists?|appears?|present)\b", regex.I)
_NEG_OBJECT = regex.compile(r"\b(?:does|do|must|should|will)\s+not\s+(?:contain|use|include|reference|import|mention|have)\b"
                            r"|\bno\s+longer\s+(?:contains?|uses?|includes?|references?|imports?|has|have)\b", regex.I)
_LOCATION = regex.compile(r"\s(?:in|from|within|inside|across|under|on)\s", regex.I)


def negation(text: str, core_start: int = 0) -> tuple[tuple[int, int] | None, int | None]:
    """The span of a truth that must be absent, and where claims stop counting (the "from X" of a deletion)."""
    prefix = _NEG_PREFIX.match(text, core_start)
    if prefix:
        return (prefix.end(), _location_after(text, prefix.end())), None
    deleted = _NEG_DELETED.search(text)
    if deleted:
        return (core_start, deleted.start()), deleted.start()
    lacks = _NEG_OBJECT.search(text)
    if lacks:
        return (lacks.end(), _location_after(text, lacks.end())), None
    return None, None


def _location_after(text: str, start: int) -> int:
    found = _LOCATION.search(text, start)
    return found.start() if found else len(text)


def enumerations(text: str) -> list[tuple[list[tuple[str, int]], int, int]]:
    """Lists of three or more items: "a, b, and c windows" (the last item's head noun is shared by every
    item), "(a, b, c)" and "are: a, b, c". Each with its items and offsets, and the span of the list."""
    found = _delimited(text)
    taken = [(start, end) for _, start, end in found]
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)
             if not any(start <= m.start() < end for start, end in taken)]
    k = 0
    while k < len(words):
        hit = _enumeration_at(text, words, k)
        if hit is None:
            k += 1
            continue
        items, start, end, next_k = hit
        found.append((items, start, end))
        k = next_k
    return found


def _enumeration_at(text: str, words, k: int):
    """An enumeration whose first comma follows words[k] (None if there is none)."""
    if not _comma_after(text, words, k):
        return None
    middles: list[list[int]] = []
    j = k + 1
    while True:  # items between commas, then the conjunction
        run = []
        while j < len(words) and not _comma_after(text, words, j) and words[j][0] not in _CONJ:
            run.append(j)
            j += 1
            if len(run) > _MAX_ITEM_WORDS or not _same_clause(text, words, run):
                return None
        if j >= len(words):
            return None
        if words[j][0] in _CONJ:
            if run:
                middles.append(run)
            break
        run.append(j)
        middles.append(run)
        j += 1
    if not middles or any(_has_stopword(words, r) for r in middles) or not _same_clause(text, words, [k, j]):
        return None
    width = max(len(r) for r in middles)
    first = [i for i in range(max(k - width + 1, 0), k + 1)]
    while first and words[first[0]][0] in STOPWORDS:
        first.pop(0)
    last = []
    t = j + 1
    while t < len(words) and len(last) <= _MAX_ITEM_WORDS and words[t][0] not in STOPWORDS:
        last.append(t)
        if _punct_after(text, words, t):
            break
        t += 1
    if not first or not last:
        return None
    head = [words[i][0] for i in last[width:]] if len(last) > width else []
    items = []
    for run in [first, *middles]:
        bare = " ".join(words[i][0] for i in run)
        items.append((" ".join([bare] + head), words[run[0]][1], bare if head else None))
    items.append((" ".join(words[i][0] for i in last), words[last[0]][1], None))
    return items, words[first[0]][1], words[last[-1]][2], last[-1] + 1




def _delimited(text: str) -> list[tuple[list[tuple[str, int]], int, int]]:
    """Comma lists in parentheses or after a colon; every item at most three words, none a stop word."""
    out = []
    for m in _LIST.finditer(text):
        group = 1 if m.group(1) is not None else 2
        body, offset = m.group(group), m.start(group)
        if body.count(",") < 2:
            continue
        items, at = [], offset
        for part in body.split(","):
            stripped = part.strip()
            item_start = at + part.find(stripped) if stripped else at
            at += len(part) + 1
            stripped = regex.sub(r"^(?:and|or|и|или)\s+", "", stripped)
            item_words = _WORD.findall(stripped)
            if not item_words or len(item_words) > _MAX_ITEM_WORDS or any(w in STOPWORDS for w in item_words):
                items = []
                break
            items.append((stripped, item_start, None))
        if len(items) >= 3:
            out.append((items, m.start(group), m.end(group)))
    return out


def _comma_after(text: str, words, i: int) -> bool:
    end = words[i][2]
    nxt = words[i + 1][1] if i + 1 < len(words) else len(text)
    return "," in text[end:nxt] and not regex.search(r"[;:()]", text[end:nxt])


def _punct_after(text: str, words, i: int) -> bool:
    end = words[i][2]
    nxt = words[i + 1][1] if i + 1 < len(words) else len(text)
    return bool(regex.search(r"[,;:()—–]", text[end:nxt]))


def _same_clause(text: str, words, run: list[int]) -> bool:
    """No sentence punctuation other than commas between the first and last word of ``run``."""
    if len(run) < 2:
        return True
    return not regex.search(r"[;:()—–]", text[words[run[0]][1]:words[run[-1]][2]])


def _has_stopword(words, run: list[int]) -> bool:
    return any(words[i][0] in STOPWORDS for i in run)
