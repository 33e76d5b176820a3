"""python-frontmatter is the oracle: on every well-formed lesson of the corpus our values equal
``frontmatter.loads(text).metadata``, except for the documented YAML 1.1 (PyYAML) vs YAML 1.2
(lessonlint, Astro) typing differences explained in lessonlint/text/yamlpos.py."""
from __future__ import annotations

import datetime
import re

import frontmatter
import pytest

from lessonlint.lesson.frontmatter import read_frontmatter
from lessonlint.text.source import SourceFile, decode

_YAML11_BOOL = {"yes", "no", "on", "off", "y", "n"}
_YAML11_NUMBER = re.compile(r"[-+]?(?:\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|[\d.]*_[\d_.]*|0b[01_]+)")


def yaml_typing_difference(theirs, ours) -> bool:
    """The documented ways YAML 1.1 and 1.2 read the same scalar differently."""
    if isinstance(theirs, bool) and isinstance(ours, str):
        return ours.lower() in _YAML11_BOOL
    if isinstance(theirs, (datetime.date, datetime.datetime)) and isinstance(ours, str):
        return ours.replace("T", " ").startswith(str(theirs)[:10])
    if isinstance(theirs, (int, float)) and isinstance(ours, int) and re.fullmatch("[0-7]+", str(ours)):
        return int(str(ours), 8) == theirs  # 010: octal 8 in 1.1, decimal 10 in 1.2
    if isinstance(theirs, (int, float)) and isinstance(ours, str):
        return bool(_YAML11_NUMBER.fullmatch(ours))  # 1:30 (base 60), 1_000
    if isinstance(theirs, str) and isinstance(ours, int):
        return bool(re.fullmatch(r"0[0-9]*[89][0-9]*", theirs))  # 08: not octal, a string in 1.1
    return False


def equivalent(theirs, ours) -> tuple[bool, int]:
    """(values agree, how many documented differences were needed)."""
    if theirs == ours and type(theirs) is type(ours):
        return True, 0
    if isinstance(theirs, dict) and isinstance(ours, dict):
        if len(theirs) != len(ours):
            return False, 0
        needed = 0
        for (key_a, a), (key_b, b) in zip(theirs.items(), ours.items()):
            same_key = key_a == key_b or yaml_typing_difference(key_a, key_b)
            ok, count = equivalent(a, b)
            if not (same_key and ok):
                return False, 0
            needed += count + (key_a != key_b)
        return True, needed
    if isinstance(theirs, list) and isinstance(ours, list) and len(theirs) == len(ours):
        results = [equivalent(a, b) for a, b in zip(theirs, ours)]
        return all(ok for ok, _ in results), sum(count for _, count in results)
    return (True, 1) if yaml_typing_difference(theirs, ours) else (False, 0)


def test_documented_differences_exist_and_are_recognised():
    text = "---\non: yes\norder: 010\nother: 08\ndate: 2024-01-05\ntime: 1:30\nbig: 1_000\n---\n"
    ours = read_frontmatter(SourceFile.from_text("l.mdx", text)).frontmatter.values
    theirs, _content = frontmatter.parse(text)  # loads() cannot even build a Post from a bool key
    assert theirs != dict(ours)
    assert equivalent(theirs, dict(ours)) == (True, 7)
    assert equivalent({"title": "A"}, {"title": "B"}) == (False, 0)


def test_values_equal_python_frontmatter_on_the_corpus(corpus_dir):
    checked = documented = 0
    mismatches = []
    for path in sorted(corpus_dir.rglob("*")):
        if path.suffix not in (".md", ".mdx") or ".planning" in path.parts or not path.is_file():
            continue
        text, notes = decode(path.read_bytes())
        result = read_frontmatter(SourceFile.from_text(path.name, text, notes))
        if result.frontmatter is None or result.diagnostics:
            continue  # not well-formed: python-frontmatter would hide the problem
        checked += 1
        ok, needed = equivalent(frontmatter.loads(text).metadata, dict(result.frontmatter.values))
        documented += needed
        if not ok:
            mismatches.append(str(path.relative_to(corpus_dir)))
    print(f"{checked} lessons with frontmatter compared, {documented} documented YAML 1.1/1.2 differences")
    if checked == 0:
        pytest.skip("no lesson with frontmatter in the corpus")
    assert checked > 500
    assert mismatches == []
