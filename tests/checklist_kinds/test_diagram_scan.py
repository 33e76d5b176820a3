""""No diagram left in Module N" reads every lesson of such folders: a lesson that cannot hold a diagram is not
parsed, and in a run that drops parsed files between chunks the others are not kept parsed either."""
from __future__ import annotations

from lessonlint.diagnostic import Status
from lessonlint.lesson import parser

from .project import judge

PLAIN = "# A lesson\n\nProse with `code` and a <Callout>note</Callout>.\n"
FENCE = "# B\n\n```Mermaid\nflowchart LR\n  A --> B\n```\n"
IMPORTED = "import Flow from '../../components/Diagrams/Flow.astro'\n\n# C\n\n<Flow />\n"


def _absent(tmp_path, monkeypatch, files: dict[str, str], settings=None):
    parsed = []
    real = parser.classify
    monkeypatch.setattr(parser, "classify", lambda source, *a, **k: parsed.append(source.path) or real(source, *a, **k))
    verdict = judge(tmp_path, "diagram", "No diagram left in Module 3", files, groups={"module": "3"},
                    params={"absent": True}, lessons=[], settings=settings)
    return verdict, sorted(set(parsed))


def test_lessons_without_a_trace_of_a_diagram_are_not_parsed(tmp_path, monkeypatch):
    verdict, parsed = _absent(tmp_path, monkeypatch, {"src/03-module-3/a.mdx": PLAIN, "src/03-module-3/b.mdx": PLAIN})
    assert verdict.status is Status.PASSED and "2 lesson(s)" in verdict.reason
    assert parsed == []


def test_a_fence_or_an_import_from_a_diagrams_folder_is_still_found(tmp_path, monkeypatch):
    verdict, parsed = _absent(tmp_path, monkeypatch, {"src/03-module-3/a.mdx": PLAIN, "src/03-module-3/b.mdx": FENCE,
                                                      "src/03-module-3/c.mdx": IMPORTED})
    assert verdict.status is Status.FAILED
    assert sorted((d.path, d.line) for d in verdict.diagnostics) == [("src/03-module-3/b.mdx", 3),
                                                                     ("src/03-module-3/c.mdx", 5)]
    assert parsed == ["src/03-module-3/b.mdx", "src/03-module-3/c.mdx"]


def test_a_configured_component_name_is_a_trace(tmp_path, monkeypatch):
    files = {"src/03-module-3/a.mdx": "# A\n\n<FlowChart steps={3} />\n"}
    verdict, parsed = _absent(tmp_path, monkeypatch, files, settings={"diagram_components": ("FlowChart",)})
    assert verdict.status is Status.FAILED and parsed == ["src/03-module-3/a.mdx"]
