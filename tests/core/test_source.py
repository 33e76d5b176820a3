import os

from lessonlint.text.source import SourceCache, SourceFile, decode


def test_lines_and_offsets_with_crlf_and_lone_cr():
    source = SourceFile.from_text("a", "one\r\ntwo\rthree\nfour")
    assert source.line_count == 4
    assert [source.line(n) for n in range(1, 5)] == ["one", "two", "three", "four"]
    assert source.location(source.text.index("three")) == (3, 1)
    assert source.location(source.text.index("our")) == (4, 2)


def test_final_break_does_not_add_a_line_and_empty_has_none():
    assert SourceFile.from_text("a", "x\n").line_count == 1
    assert SourceFile.from_text("a", "x\n\n").line_count == 2
    assert SourceFile.from_text("a", "").line_count == 0


def test_columns_count_code_points():
    source = SourceFile.from_text("a", "Привет, TableEnvironment\n")
    assert source.location(source.text.index("Table")) == (1, 9)


def test_decode_notes_bom_latin1_utf16_and_nul():
    text, notes = decode("\ufeffhi\n".encode())
    assert text == "hi\n" and [n.code for n in notes] == ["ENC001"]
    text, notes = decode(b"ok\ncaf\xe9\n")
    assert notes[0].code == "ENC002" and (notes[0].line, notes[0].column) == (2, 4)
    text, notes = decode("hé\n".encode("utf-16"))
    assert text == "hé\n" and notes[0].code == "ENC002"
    _, notes = decode(b"a\nb\x00c")
    assert [(n.code, n.line, n.column) for n in notes] == [("ENC003", 2, 2)]


def test_cache_refuses_outside_directories_and_fifos(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("outside")
    (root / "link").symlink_to(tmp_path / "secret.txt")
    (root / "dir").mkdir()
    os.mkfifo(root / "fifo")
    cache = SourceCache(root)
    assert cache.read("../secret.txt").reason == "outside-root"
    assert cache.read("link").reason == "outside-root"
    assert cache.read(str(tmp_path / "secret.txt")).reason == "outside-root"
    assert cache.read("dir").reason == "not-a-file"
    assert cache.read("fifo").reason == "not-a-file"
    assert cache.read("missing.mdx").reason == "missing"


def test_cache_reads_each_file_once(tmp_path):
    (tmp_path / "a.mdx").write_text("one\n")
    cache = SourceCache(tmp_path)
    first = cache.read("a.mdx")
    (tmp_path / "a.mdx").write_text("changed\n")
    assert cache.read("a.mdx") is first


def test_too_large_file_is_refused(tmp_path):
    (tmp_path / "big.mdx").write_bytes(b"x" * 2048)
    assert SourceCache(tmp_path, max_bytes=1024).read("big.mdx").reason == "too-large"
