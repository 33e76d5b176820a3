"""Lazy pack patterns: the literals a match needs are read conservatively, and every built-in pattern compiles."""
from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.checklist.packs import load_rules
from lessonlint.text.lazy_regex import LazyPattern, fold, required_literals
from lessonlint.truths.packs import load_glossary


@pytest.mark.parametrize("pattern, literals", [
    (r"\bsliding\s+windows?\b", ("sliding",)),
    (r"\bgh-pages\b", ("gh-pages",)),
    (r"HOP\(", ("hop(",)),
    (r"foo|bar", ("foo", "bar")),
    (r"x\.y?z", ("x.",)),  # `y` may be absent, so `x.z` is no literal
    (r"ab+c", ("ab",)),
    (r"a{2}bc", ("bc",)),
    (r"Скользящ\w+ окн", ("скользящ",)),
    (r"(?:push|pull)\s+x", ("push", "pull")),  # a group of plain words that must be there
    (r"(?:push|pull)?\s+x", None),  # ... unless it is optional; `x` alone is too short
    (r"^(?:the\s+)?(?:file|lesson)\s+exists", ("exists",)),
    (r"foo|", None),  # an empty alternative matches anywhere
    (r"(?x) s l i d i n g", None),  # verbose: spaces are not literals
    (r"\x41bc", None),  # escapes with arguments are not read
    (r"abc{e<=1}", None),  # regex's fuzzy matching
    (r"straße", ("stra",)),  # ß folds to two letters: the run stops there
])
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == literals


def test_lazy_pattern_compiles_on_first_search_and_skips_texts_without_its_literals():
    lazy = LazyPattern(r"\bcron\b", regex.IGNORECASE, regex.compile)
    assert lazy._compiled is None and not lazy.may_match(fold("nightly job"))
    assert lazy.may_match(fold("A CRON job")) and lazy.search("A CRON job") and lazy._compiled is not None
    assert lazy.may_match(fold("İstanbul")) is True  # İ folds to two characters: no skipping on such a text


def _builtin_patterns():
    glossary = load_glossary()
    for term in glossary.terms:
        yield from term.phrases
        yield from (e.compiled for e in term.evidence)
        yield from term.when
    for rule in load_rules():
        yield from rule.phrases
        yield from rule.unless


def test_every_builtin_pattern_compiles():
    lazy = [p for p in _builtin_patterns() if isinstance(p, LazyPattern)]
    assert len(lazy) > 500
    for pattern in lazy:
        assert pattern.compiled is not None


def test_literals_never_skip_a_text_the_pattern_matches_in_the_packs_own_cases():
    texts = []
    glossary = load_glossary()
    for term in glossary.terms:
        texts += [case.get(key, "") for case in term.cases for key in ("truth", "lesson")]
    for rule in load_rules():
        texts += [case.get("item", "") for case in rule.cases]
    checked = 0
    for pattern in _builtin_patterns():
        if not isinstance(pattern, LazyPattern) or pattern.literals is None:
            continue
        for text in texts:
            if pattern.compiled.search(text):
                checked += 1
                assert pattern.may_match(fold(text)), (pattern.pattern, text)
    assert checked > 300


_PIECES = st.sampled_from(["a", "b", "ab", "B", "\\.", ".", "\\s", "\\w", "[ab]", "[^a]", "(?:a|b)", "(b)", "(?:ab|ba)", "(?:aé|bb)", "^", "$",
                           "\\b", "-", " ", "é", "É"])
_QUANT = st.sampled_from(["", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "??", "+?"])


@st.composite
def _patterns(draw):
    alternatives = draw(st.lists(st.lists(st.tuples(_PIECES, _QUANT), min_size=1, max_size=6), min_size=1, max_size=3))
    return "|".join("".join(p + q for p, q in alt) for alt in alternatives)


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.text(alphabet="abAB .-éÉ\n", max_size=12), st.booleans())
def test_literals_are_sound(pattern, text, ignore_case):
    for module in (re, regex):
        try:
            compiled = module.compile(pattern, module.IGNORECASE if ignore_case else 0)
        except module.error:  # `^?` and kin: the packs' own validation rejects them
            continue
        if compiled.search(text):
            lazy = LazyPattern(pattern, 0, module.compile)
            assert lazy.may_match(fold(text)), (pattern, text, lazy.literals)


@settings(max_examples=300, deadline=None)
@given(_patterns(), st.text(alphabet="abAB .-éÉ\n", max_size=12))
def test_an_anchored_pattern_is_matched_where_it_would_be_searched(body, text):
    pattern = "^" + body
    for module in (re, regex):
        try:
            compiled = module.compile(pattern)
        except module.error:
            continue
        lazy = LazyPattern(pattern, 0, module.compile)
        assert bool(lazy.search(text)) == bool(compiled.search(text)), (pattern, text, lazy.anchored)
    assert not LazyPattern("^a|b", 0, re.compile).anchored and not LazyPattern("(?m)^a", 0, re.compile).anchored
