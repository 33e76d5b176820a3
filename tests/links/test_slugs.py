"""Heading slugs as the site generators make them, and link extraction that leaves code alone."""
from __future__ import annotations

import pytest

from lessonlint.lesson.parser import parse_lesson
from lessonlint.links.anchors import anchors_of
from lessonlint.links.extract import references
from lessonlint.links.slugs import github_slug, mkdocs_slug, unique_slugs, vitepress_slug
from lessonlint.text.source import SourceFile


@pytest.mark.parametrize("text, slug", [
    ("Hello World!", "hello-world"),
    ("Оконные функции: ROW_NUMBER()", "оконные-функции-row_number"),
    ("جمع مياه الأمطار", "جمع-مياه-الأمطار"),
    ("😄 emoji", "-emoji"),
    ("A - B", "a---b"),
    ("`code` & more", "code--more"),
])
def test_github_slugger(text, slug):
    assert github_slug(text) == slug


def test_other_sluggers():
    assert vitepress_slug("Type system: traits") == "type-system-traits"
    assert vitepress_slug("1. Start") == "_1-start"
    assert mkdocs_slug("Привет, world") == "world"


def test_repeated_headings_are_numbered():
    assert unique_slugs(["Итоги", "Итоги", "Итоги"]) == ["итоги", "итоги-1", "итоги-2"]
    assert unique_slugs(["Setup", "Setup"], "mkdocs") == ["setup", "setup_1"]


def _lesson(text: str, path: str = "x.mdx"):
    return parse_lesson(SourceFile.from_text(path, text), mdx=path.endswith(".mdx"))


def test_links_in_code_are_not_links():
    lesson = _lesson("A [real](/a) and `[code](/b)`.\n\n```md\n[fenced](/c)\n```\n\n    [indented MDX is text](/d)\n")
    assert [r.target for r in references(lesson)] == ["/a", "/d"]


def test_every_way_of_writing_a_link():
    text = ('import X from "./x.js";\n\n[a](/a "title") ![b](./b.png) <a href="/c">c</a>\n\n'
            '<Card to="/d" href={dynamic} />\n\n[e]: </e e>\n')
    found = [(r.kind, r.target) for r in references(_lesson(text))]
    assert found == [("import", "./x.js"), ("link", "/a"), ("image", "./b.png"), ("link", "/c"),
                     ("link", "/d"), ("link", "/e e")]


def test_html_links_in_markdown_files():
    found = [(r.kind, r.target) for r in references(_lesson('See <a href="/x">x</a> <img src="y.png">.\n', "a.md"))]
    assert found == [("link", "/x"), ("image", "y.png")]


def test_anchors_explicit_ids_and_uncertainty():
    anchors = anchors_of(_lesson("## Clay {#clay}\n\n<div id=\"lab\" />\n\n## Plain\n"), "github")
    assert {"clay", "lab", "plain"} <= anchors.names and anchors.certain
    assert not anchors_of(_lesson("## Hello <Badge />\n"), "github").certain
    assert not anchors_of(_lesson("<div id={name} />\n"), "github").certain
