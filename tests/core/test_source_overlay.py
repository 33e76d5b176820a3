"""The overlay of unsaved editor text: a read through it is a read of those bytes from disk."""
from __future__ import annotations

import pytest

from lessonlint.text.source import SourceCache, SourceError

TEXTS = [
    "one\ntwo\n",
    "one\r\ntwo\rthree\nfour",  # CRLF, lone CR, no final break
    "\ufeffbom first\n",  # the ENC001 note, as from disk
    "nul \x00 here\n",
    "Привет, мир 👋 — ok\n",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_overlay_read_equals_disk_read(tmp_path, text):
    (tmp_path / "a.mdx").write_bytes(text.encode("utf-8"))
    from_disk = SourceCache(tmp_path).read("a.mdx")
    (tmp_path / "a.mdx").write_text("something else entirely\n", encoding="utf-8")
    overlaid = SourceCache(tmp_path, overlay={"a.mdx": text})
    found = overlaid.read("a.mdx")
    assert (found.path, found.text, list(found.line_starts), found.notes) == \
        (from_disk.path, from_disk.text, list(from_disk.line_starts), from_disk.notes)
    assert overlaid.digest("a.mdx") == SourceCache(tmp_path, overlay={"a.mdx": text}).digest("a.mdx")


def test_overlay_wins_over_disk_and_leaves_other_files_alone(tmp_path):
    (tmp_path / "a.mdx").write_text("disk a\n")
    (tmp_path / "b.mdx").write_text("disk b\n")
    cache = SourceCache(tmp_path, overlay={"a.mdx": "buffer a\nline 2\n"})
    assert cache.read("a.mdx").text == "buffer a\nline 2\n" and cache.read("a.mdx").line_count == 2
    assert cache.read("./a.mdx").text == "buffer a\nline 2\n"  # any spelling of the path
    assert cache.read("b.mdx").text == "disk b\n"


def test_overlay_of_a_file_not_yet_on_disk_and_no_stat_signature(tmp_path):
    cache = SourceCache(tmp_path, overlay={"new.mdx": "x\n"})
    assert cache.read("new.mdx").text == "x\n"
    assert list(cache.known()) == []  # no stat signature: a later run never reuses its hash by stat


def test_overlay_keeps_the_size_limit_and_the_root(tmp_path):
    cache = SourceCache(tmp_path, max_bytes=4, overlay={"big.mdx": "12345", "../out.mdx": "x"})
    assert cache.read("big.mdx").reason == "too-large"
    assert isinstance(cache.read("../out.mdx"), SourceError) and cache.read("../out.mdx").reason == "outside-root"


def test_remembered_files_are_reused_only_while_their_stat_signature_holds(tmp_path, monkeypatch):
    import os
    import time

    import lessonlint.text.source as source_module

    path = tmp_path / "a.mdx"
    path.write_text("first\n", encoding="utf-8")
    remembered: dict = {}
    first = SourceCache(tmp_path)
    first.remembered = remembered
    read = first.read("a.mdx")
    again = SourceCache(tmp_path)
    again.remembered = remembered
    assert again.read("a.mdx") is not read  # written a moment ago: racy, read again
    old = time.time() - 60
    os.utime(path, (old, old))
    monkeypatch.setattr(source_module, "_RACY_NS", 0)  # utime cannot age the ctime: no racy window for the rest
    third = SourceCache(tmp_path)
    third.remembered = remembered
    kept = third.read("a.mdx")
    fourth = SourceCache(tmp_path)
    fourth.remembered = remembered
    assert fourth.read("a.mdx") is kept and fourth.digest("a.mdx") == third.digest("a.mdx")
    path.write_text("other\n", encoding="utf-8")  # same size, new mtime
    os.utime(path, (old + 5, old + 5))
    fifth = SourceCache(tmp_path)
    fifth.remembered = remembered
    assert fifth.read("a.mdx").text == "other\n"
    sixth = SourceCache(tmp_path, overlay={"a.mdx": "buffer\n"})
    sixth.remembered = remembered
    assert sixth.read("a.mdx").text == "buffer\n"  # an unsaved buffer always wins
