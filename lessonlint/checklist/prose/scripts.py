"""Writing systems: which script a language is written in, and how much of a text is in it."""
from __future__ import annotations

from functools import lru_cache

import regex

# language names as plans write them (English and Russian, any case ending) → Unicode script
_LANGUAGES = {
    "russian": "Cyrillic", "русск": "Cyrillic", "ukrainian": "Cyrillic", "украин": "Cyrillic",
    "bulgarian": "Cyrillic", "serbian": "Cyrillic", "kazakh": "Cyrillic", "belarusian": "Cyrillic",
    "english": "Latin", "англ": "Latin", "german": "Latin", "french": "Latin", "spanish": "Latin",
    "italian": "Latin", "portuguese": "Latin", "polish": "Latin", "dutch": "Latin", "turkish": "Latin",
    "arabic": "Arabic", "араб": "Arabic", "persian": "Arabic", "farsi": "Arabic", "urdu": "Arabic",
    "hebrew": "Hebrew", "greek": "Greek", "chinese": "Han", "japanese": "Han",
    "korean": "Hangul", "hindi": "Devanagari", "thai": "Thai", "armenian": "Armenian", "georgian": "Georgian",
    "cyrillic": "Cyrillic", "latin": "Latin",
}
SCRIPTS = frozenset(_LANGUAGES.values())
_LETTER = regex.compile(r"\p{L}")


def script_of_language(name: str) -> str | None:
    """'Cyrillic' for "Russian" / "русский" / "Cyrillic"; None when unknown."""
    key = name.strip().casefold()
    for stem, script in _LANGUAGES.items():
        if key.startswith(stem.strip()):
            return script
    return None


@lru_cache(maxsize=32)
def letters_of(script: str) -> regex.Pattern:
    return regex.compile(rf"\p{{Script={script}}}")


def share(text: str, script: str) -> tuple[float, int]:
    """(share of the letters of ``text`` written in ``script``, number of letters)."""
    total = len(_LETTER.findall(text))
    if not total:
        return 0.0, 0
    return len(letters_of(script).findall(text)) / total, total


def dominant(text: str, scripts=("Cyrillic", "Latin", "Arabic", "Greek", "Hebrew")) -> str | None:
    """The script holding most letters of ``text`` (None for no letters)."""
    counts = {s: len(letters_of(s).findall(text)) for s in scripts}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


# Function words tell a language apart where letters cannot: Russian technical prose is full of Latin
# product names, but "the", "is", "of" do not appear in it, nor "и", "в", "что" in English prose.
FUNCTION_WORDS = {
    "Cyrillic": frozenset(
        "и в во не на что с со для это как по если или при от к ко из у о об же только можно нужно но а да так "
        "все всё его её их мы вы он она они оно бы ли уже ещё еще когда где чтобы также этот эта эти этого этой "
        "которые который которая которое будет быть есть нет был была были до после между через без под над "
        "потому поэтому тогда здесь там вам нам вас нас свой свои своих".split()),
    "Latin": frozenset(
        "the and is are was were be been being of to in for with that this these those it its on as by not you "
        "your we our can if when which from or an a will would should has have had there than then into "
        "because but so also only do does what how why where who all each".split()),
}
_WORD = regex.compile(r"\p{L}+")


def function_words(text: str) -> dict[str, int]:
    """Count of function words of each language script in ``text``."""
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for m in _WORD.finditer(text):
        if len(m.group()) > 1 and m.group().isupper():
            continue  # SQL keywords (ON, WHEN, THEN) and acronyms are not prose
        word = m.group().casefold()
        for script, vocabulary in FUNCTION_WORDS.items():
            if word in vocabulary:
                counts[script] += 1
    return counts


def language_script(text: str) -> str | None:
    """The script of the language ``text`` is written in, judged by function words, then by letters."""
    counts = function_words(text)
    best = max(counts, key=counts.get)
    others = sum(v for k, v in counts.items() if k != best)
    if counts[best] >= 3 and counts[best] > 2 * others:
        return best
    return dominant(text)
