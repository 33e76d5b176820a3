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
