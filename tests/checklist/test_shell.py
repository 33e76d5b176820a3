"""Shell lines from plans are read as data and interpreted natively; nothing is ever executed."""
from __future__ import annotations

import pytest

from lessonlint.checklist.shell.native import Files, Unsupported, run_line
from lessonlint.checklist.shell.parse import Unreadable, grep_regex, parse
from lessonlint.checks.context import RunContext
from lessonlint.config.settings import Settings


def test_parse_drops_cd_preambles_and_redirections():
    steps = parse('cd "/Users/me/my course" && grep -c "x" a.mdx 2>/dev/null')
    assert len(steps) == 1 and steps[0].pipeline == (("grep", "-c", "x", "a.mdx"),)


def test_parse_keeps_pipes_and_joiners():
    steps = parse('grep -q a f || grep -q b f && wc -l f | sort')
    assert [s.joiner for s in steps] == ["", "||", "&&"]
    assert steps[2].pipeline == (("wc", "-l", "f"), ("sort",))


def test_parse_substitution_test():
    [step] = parse('[ $(grep -c "x" f) -ge 3 ]')
    assert step.substitution == ('grep -c "x" f', "-ge", 3)


def test_unbalanced_quotes():
    with pytest.raises(Unreadable):
        parse('grep "x f')


@pytest.mark.parametrize("pattern, extended, text, hit", [
    (r"image:\|build:", False, "  build: .", True),  # BRE alternation
    (r"a+", False, "a+", True),  # + is literal in a BRE
    (r"a+", True, "aaa", True),
    (r"[[:digit:]]\{3\}", False, "port 543", True),
    (r"(x", True, "(x", None),
])
def test_grep_regex(pattern, extended, text, hit):
    if hit is None:
        with pytest.raises(Exception):
            grep_regex(pattern, extended, False, False, False)
        return
    assert bool(grep_regex(pattern, extended, False, False, False).search(text)) is hit


@pytest.fixture
def files(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons/a.mdx").write_text("one\nTUMBLE here\n```mermaid\nx\n```\n", encoding="utf-8")
    (tmp_path / "lessons/b.mdx").write_text("two\nnothing\n", encoding="utf-8")
    (tmp_path / "d.json").write_text('{"a": 1}\n', encoding="utf-8")
    ctx = RunContext.create(Settings(root=tmp_path))

    def localize(raw):
        return raw[len(str(tmp_path)) + 1:] if raw.startswith(str(tmp_path)) else raw

    return Files(ctx, localize, ("lessons/a.mdx", "lessons/b.mdx"))


@pytest.mark.parametrize("line, code, lines, counts", [
    ('grep -c "TUMBLE" lessons/a.mdx', 0, ["1"], [1]),
    ('grep -c "TUMBLE" lessons/b.mdx', 1, ["0"], [0]),
    ('grep -c "```mermaid"', 0, ["lessons/a.mdx:1", "lessons/b.mdx:0"], [1, 0]),
    ('grep -ri "tumble" lessons/', 0, ["lessons/a.mdx:TUMBLE here"], [1, 0]),
    ('git grep "here" -- "*.mdx" | wc -l', 0, ["1"], [1]),
    ("wc -l lessons/a.mdx", 0, ["5 lessons/a.mdx"], [5]),
    ("test -f lessons/a.mdx", 0, [], []),
    ("[ -f lessons/zzz.mdx ]", 1, [], []),
    ('[ $(grep -c "o" lessons/b.mdx) -ge 2 ]', 0, [], [2]),
    ("head -2 lessons/a.mdx | grep -E '^(one|two)$'", 0, ["one"], [1]),
    ("cat d.json | jq .", 0, ["(valid JSON)"], []),
    ("ls lessons/", 0, ["a.mdx", "b.mdx"], []),
])
def test_native_commands(files, line, code, lines, counts):
    out = run_line(line, files)
    assert (out.code, out.lines) == (code, lines)
    if counts:
        assert out.counts == counts


def test_missing_file_and_unsupported(files):
    with pytest.raises(Unsupported) as missing:
        run_line("grep x lessons/zzz.mdx", files)
    assert missing.value.needs == "missing"
    with pytest.raises(Unsupported) as build:
        run_line("npm run build", files)
    assert build.value.needs == "command" and "npm run build" in str(build.value)
    with pytest.raises(Unsupported) as runtime:
        run_line("docker compose ps", files)
    assert runtime.value.needs == "runtime"


def test_paths_never_leave_the_root(files):
    with pytest.raises(Unsupported):
        run_line("cat ../../etc/passwd", files)
