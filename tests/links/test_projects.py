"""Configured routes and base, a renamed lesson, the inputs the cache records, suppression comments."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lessonlint.config.load import ConfigError, load_config, settings_for
from lessonlint.links import check_links
from lessonlint.suppress.apply import apply

from .helpers import context, diagnostics, findings

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "links"


def _write(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_configured_routes_and_base(tmp_path):
    _write(tmp_path, {
        "lessonlint.toml": 'routes = { "/course/" = "content/course" }\nbase = "/school"\n',
        "content/course/a.mdx": "# A\n",
        "content/course/b/index.mdx": "# B\n\n## Part two\n",
        "content/course/c.mdx": "[a](/school/course/a/) [b](/course/b#part-two) [gone](/course/d) [c](/course/b#nope)\n",
    })
    settings = settings_for(load_config(tmp_path / "lessonlint.toml"), tmp_path.resolve())
    assert settings.routes == {"/course/": "content/course"} and settings.base == "/school"
    assert findings(tmp_path, routes=settings.routes, base=settings.base) == [
        ("content/course/c.mdx", 1, 55, "REF001"), ("content/course/c.mdx", 1, 70, "REF002")]
    assert findings(tmp_path) == []  # without routes, no framework: nothing can be judged


@pytest.mark.parametrize("text, words", [
    ('routes = { "course/" = "x" }\n', "starts with '/'"),
    ('routes = { "/course/" = "/abs" }\n', "relative to the project root"),
    ('base = "school"\n', "starting with '/'"),
])
def test_bad_routes_config(tmp_path, text, words):
    (tmp_path / "lessonlint.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        load_config(tmp_path / "lessonlint.toml")


def test_a_renamed_lesson_turns_incoming_links_into_errors_with_the_moved_hint(tmp_path):
    root = tmp_path / "astro"
    shutil.copytree(FIXTURES / "astro", root)
    old = root / "src/content/lessons/01-soil/02-worms.mdx"
    (root / "src/content/lessons/02-water").mkdir(exist_ok=True)
    old.rename(root / "src/content/lessons/02-water/02-worms.mdx")
    moved = [d for d in diagnostics(root) if d.code == "REF001" and "02-worms" in d.message]
    assert [(d.path, d.line) for d in moved] == [("src/content/lessons/01-soil/01-compost.mdx", 11),
                                                 ("src/content/lessons/01-soil/01-compost.mdx", 13),
                                                 ("src/content/lessons/01-soil/01-compost.mdx", 13),
                                                 ("src/content/lessons/02-water/02-worms.mdx", 21)]
    assert {d.hint for d in moved} == {"moved to `/lessons/02-water/02-worms`?"}


def test_the_cache_can_record_what_a_verdict_rests_on():
    ctx = context(FIXTURES / "astro")
    inputs = ctx.record()
    try:
        check_links(ctx.lesson("src/content/lessons/01-soil/01-compost.mdx"), ctx)
    finally:
        ctx.stop(inputs)
    kinds = {kind for kind, _ in inputs}
    assert {"read", "under", "probe"} <= kinds
    assert ("under", "src/content/lessons/") in inputs  # the collection's lessons: a rename changes the answer
    assert ("read", "src/content/lessons/01-soil/02-worms.mdx") in inputs  # its anchors were read
    assert all(ctx.current(key) == value for key, value in inputs.items())


def test_link_findings_can_be_suppressed():
    ctx = context(FIXTURES / "astro")
    rel = "src/content/lessons/01-soil/02-worms.mdx"
    found = check_links(ctx.lesson(rel), ctx)
    assert [d.line for d in found] == [17, 21]
    source = ctx.read(rel)
    text = source.text.replace("[К практике]", "{/* lessonlint-disable-next-line REF002 -- planned */}\n[К практике]")
    from lessonlint.text.source import SourceFile

    edited = SourceFile.from_text(rel, text)
    shifted = [d.__class__(**{**d.__dict__, "line": d.line + 1}) if d.line == 21 else d for d in found]
    kept, problems = apply(shifted, lambda path: edited, {rel}, lambda path, code: True)
    assert [d.line for d in kept] == [17] and problems == []
