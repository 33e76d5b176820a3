"""grep skips a file after one search of its whole text only when no line of it could match."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.checklist.shell.grep import _may_match, _whole_file
from lessonlint.checklist.shell.parse import grep_regex
from lessonlint.text.patterns import PatternRunner

_PIECES = st.sampled_from(["a", "b", ".", "^", "$", "\\s", "[^a]", "[[:space:]]", "(a|b)", "\\b", "x", " "])
_QUANT = st.sampled_from(["", "", "*", "+", "?"])


@st.composite
def _patterns(draw):
    return "".join(p + q for p, q in draw(st.lists(st.tuples(_PIECES, _QUANT), min_size=1, max_size=5)))


@settings(max_examples=300, deadline=None)
@given(_patterns(), st.text(alphabet="ab x\n\r\t", max_size=20), st.booleans(), st.booleans())
def test_the_whole_file_search_never_hides_a_matching_line(pattern, text, ignore_case, word):
    try:
        compiled = grep_regex(pattern, True, False, ignore_case, word)
    except regex.error:
        return
    whole = _whole_file(compiled)
    if whole is None or not any(compiled.search(line) for line in text.split("\n")):
        return
    assert _may_match([whole], text, float("inf"), PatternRunner())


def test_lookarounds_and_text_anchors_keep_the_search_line_by_line():
    for pattern in (r"(?<!\s)a", r"a(?=\n)", r"\Aa"):
        assert _whole_file(grep_regex(pattern, True, False, False, False)) is None
    assert _whole_file(grep_regex("import.*Mermaid", True, False, False, True)) is not None  # -w is safe
