"""``lessonlint checklist``: every checklist item with its verdict, rule and evidence, and the coverage line."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from ..diagnostic import Status
from ..results import ChecklistResult, RunResult

MARKS = {Status.PASSED: "✓", Status.FAILED: "✗", Status.NEEDS_REVIEW: "?"}
_BACKTICKED = regex.compile(r"`[^`]*`")
_PATH = regex.compile(r"(?:[\w.@-]+/)+[\w.@\-\[\]*]*")
_NUMBER = regex.compile(r"\d+")


@dataclass(frozen=True)
class Coverage:
    items: int
    passed: int
    failed: int
    needs_review: int
    by_need: dict  # human | browser | command | runtime | unmapped | open -> count

    @property
    def judged(self) -> int:
        return self.passed + self.failed

    @property
    def file_checkable(self) -> int:
        """Items a file could decide: all but those a rule says need a person, a browser, a command or a system."""
        return self.items - sum(n for need, n in self.by_need.items() if need not in ("unmapped", "open"))


def coverage(items: list[ChecklistResult]) -> Coverage:
    """Counts over ``items``: an item needing review is ``unmapped`` (no rule), ``open`` (a rule, but no
    verdict: no term, kind missing) or what would judge it (``human``, ``browser``, ``command``, ``runtime``)."""
    needs: Counter = Counter()
    for item in items:
        if item.status is Status.NEEDS_REVIEW:
            needs[item.needs or ("unmapped" if item.code is None else "open")] += 1
    statuses = Counter(item.status for item in items)
    return Coverage(len(items), statuses[Status.PASSED], statuses[Status.FAILED], statuses[Status.NEEDS_REVIEW],
                    dict(needs))


FORMATS = ("text", "json", "markdown")


def render_checklist(result: RunResult, unmapped: bool = False, sections: tuple[str, ...] = (),
                     fmt: str = "text") -> str:
    """The report: per plan, each item and its verdict; then the coverage lines (or the unmapped phrasings).
    ``fmt``: ``text`` (the terminal), ``json`` (``check``'s item objects plus coverage) or ``markdown``."""
    items = [(plan.path, item) for plan in result.plans for item in plan.checklist
             if not sections or item.section in sections]
    if fmt == "json":
        return _json(result, items, unmapped)
    if fmt == "markdown":
        return _markdown(items, unmapped)
    if unmapped:
        return _unmapped([item for _, item in items])
    out: list[str] = []
    current = None
    for path, item in items:
        if path != current:
            out.append(("\n" if current else "") + path)
            current = path
        out.append(f"  {item.line:>5}  {MARKS[item.status]} {item.status.value:<12} {item.section:<19} "
                   f"{item.code or '-':<34} {item.text}")
        detail = item.reason + (f" [needs: {item.needs}]" if item.needs else "")
        out.append(f"{'':>9}{detail}")
        if item.evidence:
            shown = ", ".join(f"{e.path}:{e.line}" for e in item.evidence[:6])
            more = f" (+{len(item.evidence) - 6})" if len(item.evidence) > 6 else ""
            out.append(f"{'':>9}evidence: {shown}{more}")
    out.append("")
    out += summary_lines(coverage([item for _, item in items]))
    return "\n".join(out) + "\n"


def summary_lines(found: Coverage) -> list[str]:
    share = f"{100 * found.judged / found.items:.0f}%" if found.items else "-"
    checkable = found.file_checkable
    file_share = f"{100 * found.judged / checkable:.0f}%" if checkable else "-"
    lines = [f"items: {found.items} · judged {found.judged} ({share}) · needs-review {found.needs_review}",
             f"judged: {found.passed} passed, {found.failed} failed · file-checkable {checkable}, "
             f"judged {found.judged} ({file_share})"]
    if found.by_need:
        parts = ", ".join(f"{n} {need}" for need, n in sorted(found.by_need.items(), key=lambda p: (-p[1], p[0])))
        lines.append(f"needs-review: {parts}")
    return lines


def shape(text: str) -> str:
    """A phrasing with its particulars masked: code spans, paths and numbers."""
    text = _BACKTICKED.sub("`…`", text)
    text = _PATH.sub("<path>", text)
    return _NUMBER.sub("N", " ".join(text.split()))


def _unmapped(items: list[ChecklistResult]) -> str:
    rows = _phrasings(items)
    if not rows:
        return "every item matched a rule\n"
    lines = [f"{count:>5}×  {text}" for text, count in rows]
    lines.append(f"\n{sum(n for _, n in rows)} items in {len(rows)} phrasings matched no rule")
    return "\n".join(lines) + "\n"


def _phrasings(items: list[ChecklistResult]) -> list[tuple[str, int]]:
    shapes = Counter(shape(item.text) for item in items if item.code is None)
    return sorted(shapes.items(), key=lambda p: (-p[1], p[0]))


def _json(result: RunResult, items: list[tuple[str, ChecklistResult]], unmapped: bool) -> str:
    from .json_format import checklist_item_data, dumps

    found = coverage([item for _, item in items])
    plans: dict[str, list] = {}
    for path, item in items:
        plans.setdefault(path, []).append({**checklist_item_data(item), "needs": item.needs})
    doc = {"version": result.version, "root": result.root,
           "plans": [{"path": path, "checklist": found_items} for path, found_items in plans.items()],
           "coverage": {"items": found.items, "passed": found.passed, "failed": found.failed,
                        "needs_review": found.needs_review, "judged": found.judged,
                        "file_checkable": found.file_checkable, "by_need": dict(sorted(found.by_need.items()))}}
    if unmapped:
        doc["unmapped"] = [{"phrasing": text, "count": count} for text, count in _phrasings([i for _, i in items])]
    return dumps(doc) + "\n"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _markdown(items: list[tuple[str, ChecklistResult]], unmapped: bool) -> str:
    if unmapped:
        rows = _phrasings([item for _, item in items])
        if not rows:
            return "Every checklist item matched a rule.\n"
        out = ["| count | phrasing |", "|---:|---|"] + [f"| {n} | {_cell(text)} |" for text, n in rows]
        return "\n".join(out) + "\n"
    out: list[str] = []
    current = None
    for path, item in items:
        if path != current:
            out += ["" if current else "", f"### `{path}`", "", "| line | status | section | rule | item | reason |",
                    "|---:|---|---|---|---|---|"]
            current = path
        out.append(f"| {item.line} | {MARKS[item.status]} {item.status.value} | {item.section} | "
                   f"{_cell(item.code or '-')} | {_cell(item.text)} | {_cell(item.reason)} |")
    out += ["", *(f"- {line}" for line in summary_lines(coverage([item for _, item in items])))]
    return "\n".join(out).lstrip("\n") + "\n"
