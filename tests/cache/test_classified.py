"""Line classifications remembered between runs: read back equal, keyed by the text, refused when foreign."""
from __future__ import annotations

import json
import sqlite3
import zlib

import pytest

from lessonlint.cache import lessons
from lessonlint.cache.codec import CacheDataError
from lessonlint.lesson.parser import parse_lesson
from lessonlint.text.source import SourceFile

from .helpers import check, copy_example

TRICKY = """---
title: "Tricky"
---
import Box from '../Box.astro'

# Heading {#custom}

Some `code` and <Box kind="a">inline *JSX*</Box> with {1 + 1} and a < b.

<Box>
  <Box title={`x ${y}`}>
    text
  </Box>
</Box>

```js title="a.js"
const a = 1 < 2
```

<!-- an HTML comment -->
{/* a comment */}
| a | b |
|---|---|
| 1 | 2 |
Unclosed <Tag
"""


def _round_trip(text: str, path: str = "lesson.mdx", mdx: bool = True):
    source = SourceFile.from_text(path, text)
    found = parse_lesson(source, mdx=mdx).classified
    return found, lessons.decode(lessons.encode(found, source), source)


@pytest.mark.parametrize("text", [TRICKY, "", "plain\r\nlines\r\n", "no final break", "---\na: 1\n---\n\n  ```\nopen"])
def test_a_classification_reads_back_equal(text):
    found, back = _round_trip(text)
    assert back == found
    if text is TRICKY:
        assert back.diagnostics and back.regions and back.code_blocks and back.headings  # every part is carried


def test_corpus_lessons_read_back_equal(corpus_dir):
    files = sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".md", ".mdx") and ".planning" not in p.parts)
    assert len(files) > 100
    for path in files[::7]:  # a spread of frameworks and sizes, not all 1,800 files
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        found, back = _round_trip(text, path.name, mdx=path.suffix == ".mdx")
        assert back == found, path


def test_an_entry_for_other_text_or_a_damaged_one_is_refused():
    source = SourceFile.from_text("a.mdx", TRICKY)
    data = lessons.encode(parse_lesson(source).classified, source)
    with pytest.raises(CacheDataError):
        lessons.decode(data, SourceFile.from_text("a.mdx", TRICKY + "one more line\n"))
    body = json.loads(zlib.decompress(data))
    body[3] = body[3][:-1]  # a line without a kind
    with pytest.raises(CacheDataError):
        lessons.decode(zlib.compress(json.dumps(body).encode()), source)
    for junk in (b"", b"not zlib", zlib.compress(b"[1, 2]"), zlib.compress(b'{"@Evil": [1]}')):
        with pytest.raises(CacheDataError):
            lessons.decode(junk, source)


def test_the_key_follows_path_text_and_switches():
    a, b = SourceFile.from_text("a.mdx", "x\n"), SourceFile.from_text("b.mdx", "x\n")
    keys = {json.dumps(parts) for parts in (lessons.key_parts(a, (True, None, False)), lessons.key_parts(b, (True, None, False)),
                                             lessons.key_parts(a, (False, None, False)),
                                             lessons.key_parts(SourceFile.from_text("a.mdx", "y\n"), (True, None, False)))}
    assert len(keys) == 4


def _classifications(cache_dir) -> int:
    [db] = cache_dir.rglob("cache.sqlite")
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT key, value FROM entries").fetchall()
    count = 0
    for _, value in rows:
        try:
            body = json.loads(zlib.decompress(value))
        except (ValueError, zlib.error):
            continue
        count += _is_classification(body)
    return count


def _is_classification(body) -> bool:
    return isinstance(body, list) and len(body) == 6 and body[0] == lessons.FORMAT and isinstance(body[4], str)


def test_a_run_keeps_classifications_and_the_next_run_reads_them(tmp_path, cache_dir, monkeypatch):
    root = copy_example(tmp_path)
    cold = check(root, cache=False)
    first = check(root)
    assert first == cold
    kept = _classifications(cache_dir)
    assert kept >= 1
    calls = []
    from lessonlint.lesson import parser

    real = parser.classify
    monkeypatch.setattr(parser, "classify", lambda *a, **k: calls.append(a[0].path) or real(*a, **k))
    lesson = next(p for p in sorted(root.rglob("*.md*")) if ".planning" not in p.parts)
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited = check(root)
    # the edited lesson is classified again; every other lesson's classification is read back
    assert set(calls) == {lesson.relative_to(root).as_posix()}
    assert edited == check(root, cache=False)


def test_a_tampered_classification_is_a_miss_with_the_same_answer(tmp_path, cache_dir, monkeypatch):
    root = copy_example(tmp_path)
    cold = check(root, cache=False)
    check(root)
    [db] = cache_dir.rglob("cache.sqlite")
    with sqlite3.connect(db) as con:
        for key, value in con.execute("SELECT key, value FROM entries").fetchall():
            try:
                body = json.loads(zlib.decompress(value))
            except (ValueError, zlib.error):
                body = None
            if _is_classification(body):
                body[3] = body[3][:1]  # kinds for the first line only
                con.execute("UPDATE entries SET value = ? WHERE key = ?", (zlib.compress(json.dumps(body).encode()), key))
            else:  # verdicts and the whole command go: the run must classify, and meets the tampered entries
                con.execute("DELETE FROM entries WHERE key = ?", (key,))
    calls = []
    from lessonlint.lesson import parser

    real = parser.classify
    monkeypatch.setattr(parser, "classify", lambda *a, **k: calls.append(a[0].path) or real(*a, **k))
    assert check(root) == cold
    assert calls, "the tampered entries were refused and the lessons classified again"
