"""Items nested under an item that ends with ':' ("File contains checklist items for:" and its sub-bullets)."""
from __future__ import annotations

from ..plan.model import ChecklistItem, Plan


def siblings(item: ChecklistItem, plan: Plan) -> list[ChecklistItem]:
    """Items of the same element (task and section), in file order."""
    same = [i for i in plan.checklist if i.task == item.task and i.section == item.section]
    return sorted(same, key=lambda i: (i.line, i.column))


def children(item: ChecklistItem, plan: Plan) -> list[ChecklistItem]:
    """The items right after ``item`` that are indented deeper (its sub-bullets)."""
    if not item.text.rstrip("*_ ").endswith(":"):
        return []
    rows = siblings(item, plan)
    after = rows[rows.index(item) + 1:] if item in rows else []
    out = []
    for row in after:
        if row.column <= item.column:
            break
        out.append(row)
    return out


def parent(item: ChecklistItem, plan: Plan) -> ChecklistItem | None:
    """The item ending with ':' that ``item`` is a sub-bullet of."""
    rows = siblings(item, plan)
    index = rows.index(item) if item in rows else 0
    for row in reversed(rows[:index]):
        if row.column < item.column:
            return row if row.text.rstrip("*_ ").endswith(":") else None
    return None
