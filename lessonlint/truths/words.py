"""Content words of plan text, reduced to rough stems, so a truth can be matched with the plan items that
talk about the same thing ("sliding windows" ↔ "Contains HOP (sliding) window example").

The stemmer is deliberately crude and language-agnostic: Latin words lose a common English ending and are cut
to six letters, other scripts are cut to five (Russian roots survive their case endings that way).
"""
from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}]*")
_ENDINGS = ("ings", "ing", "ies", "ed", "es", "s", "e", "y")

# function words and the vocabulary every truth and checklist item shares (actor, modality, "lesson")
STOPWORDS = frozenset("""
a an the and or nor not no of to in on at by for from with without into onto over under about as than then
that this these those it its is are was were be been being do does did has have had will would should shall
can could may might must via per each every all any both either some such same other only also just so very
how what when where which who whom why while using use uses used vs versus etc e g i ie eg
student students user users learner learners reader readers developer developers author authors person people
able ability understand understands understanding know knows learn learns see sees explain explains describe
lesson lessons module modules page pages section sections guide course chapter
contain contains containing include includes including present exists exist there their them they he she we you
и или а но не ни в во на по с со к ко о об от до из за для при без через под над про что как это эти этот
студент студенты студента пользователь пользователи может могут умеет умеют понимает понимают знает знают
урок урока уроке модуль модуля раздел раздела
""".split())


def stem(word: str) -> str:
    """A rough stem: lower-case, a common ending off (Latin script), cut to six (Latin) or five letters."""
    word = word.casefold()
    if word.isascii():
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                word = word[: -len(ending)]
                break
        return word[:6]
    return word[:5]


def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of ``text`` (stop words and one-letter words dropped)."""
    out = set()
    for word in _WORD.findall(text):
        lowered = word.casefold()
        if len(lowered) < 2 or lowered in STOPWORDS:
            continue
        out.add(stem(lowered))
    return frozenset(out)
