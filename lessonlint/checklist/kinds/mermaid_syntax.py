"""``mermaid_syntax``: "Mermaid diagrams render (proper syntax)", "Mermaid diagrams are properly formatted".

Every Mermaid diagram of the item's lessons (fences and ``chart={`…`}`` literals) must pass the checks of
``checklist.code.mermaid`` (diagram type, node shapes and quotes, blocks closed by ``end``); on the real corpus
they agree with Mermaid's own parser. Params: ``unproven`` (text): what the phrase asks beyond syntax ("rendering
in a browser"), named in the reason of a passed item. No diagram at all: needs review (the ``diagram`` kind
judges presence).
"""
from __future__ import annotations

from ...diagnostic import Status
from ...results import CERTAIN, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..code.mermaid import diagnostics, diagrams

PARAMS = {"unproven": str}

def check(ctx: ItemContext) -> ItemVerdict:
    found, problems, evidence = 0, [], []
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None:
            continue
        sources = diagrams(lesson)
        found += len(sources)
        evidence += [Evidence(rel, d.line, None, None, d.form) for d in sources]
        problems += diagnostics(lesson)
    if problems:
        where = ", ".join(f"{d.path}:{d.line}" for d in problems[:5])
        return ItemVerdict(Status.FAILED, f"{len(problems)} Mermaid syntax problem(s): {where}",
                           tuple(Evidence(d.path, d.line, None, d.column, d.message) for d in problems),
                           tuple(problems), basis=CERTAIN)
    if not found:
        return review("no Mermaid diagram in " + (", ".join(ctx.lessons) or "the item's files"))
    unproven = ctx.params.get("unproven")
    note = f"; not checked: {unproven}" if unproven else ""
    return ItemVerdict(Status.PASSED, f"{found} Mermaid diagram(s) pass the syntax checks{note}", tuple(evidence))
