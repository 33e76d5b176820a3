"""Rule documentation: ``rules/docs/<CODE>.md``, one file per code, printed by ``lessonlint rule``.

Every doc has the title ``# <name> (<CODE>)`` and the sections What it does / Why it matters /
Example (with ``### Failing`` and ``### Passing``) / How to fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .codes import CATEGORIES, RULES, Rule, doc_url
from .fixes import FIXES, fix_sentence
from .root import rules_root

SECTIONS = ("What it does", "Why it matters", "Example", "How to fix")
EXAMPLE_PARTS = ("Failing", "Passing")
_HEADING = re.compile(r"^(#{1,3}) +(.+?) *#*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")


@dataclass(frozen=True)
class RuleDoc:
    rule: Rule
    title: str  # the text of the first-level heading
    sections: dict[str, str] = field(compare=False)  # second-level title -> body (markdown)
    parts: dict[str, str] = field(compare=False)  # third-level titles under Example -> body
    body: str = ""  # everything after the title line


def docs_dir() -> Path:
    """Folder of the rule docs (the checkout's rules/docs, or the installed wheel's copy)."""
    return rules_root() / "docs"


def load_doc(code: str) -> RuleDoc | None:
    """The parsed doc of ``code``, or None when the file is absent."""
    rule = RULES.get(code)
    path = docs_dir() / f"{code}.md"
    if rule is None or not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    title, sections, parts = "", {}, {}
    section = part = None
    fence = ""  # the open code fence, if any: headings inside code are content
    for line in text.splitlines():
        marker = _FENCE.match(line)
        if marker and not fence:
            fence = marker.group(1)
        elif marker and marker.group(1)[0] == fence[0] and len(marker.group(1)) >= len(fence) \
                and not marker.group(2).strip():
            fence = ""
        heading = None if fence or marker else _HEADING.match(line)
        level = len(heading.group(1)) if heading else 0
        if level == 1 and not title:
            title = heading.group(2).strip()
        elif level == 2:
            section, part = heading.group(2).strip(), None
            sections[section] = ""
        elif level == 3 and section == "Example":
            part = heading.group(2).strip()
            parts[part] = ""
        elif section is not None:
            sections[section] += line + "\n"
            if part is not None:
                parts[part] += line + "\n"
    body = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
    return RuleDoc(rule, title, {k: v.strip() for k, v in sections.items()},
                   {k: v.strip() for k, v in parts.items()}, body)


def doc_problems(code: str) -> list[str]:
    """What is missing from the doc of ``code`` (empty: complete)."""
    doc = load_doc(code)
    if doc is None:
        return [f"{docs_dir() / (code + '.md')} is missing"]
    problems = []
    expected = f"{doc.rule.name} ({code})"
    if doc.title != expected:
        problems.append(f"title is {doc.title!r}, expected {expected!r}")
    for name in SECTIONS:
        if not doc.sections.get(name):
            problems.append(f"section '## {name}' is missing or empty")
    for name in EXAMPLE_PARTS:
        if not doc.parts.get(name):
            problems.append(f"'### {name}' under '## Example' is missing or empty")
    return problems


def summary_line(rule: Rule) -> str:
    category = rule.code.rstrip("0123456789")
    return (f"Category: {category} ({CATEGORIES.get(category, '?')}) · default severity: {rule.severity.value} · "
            f"{doc_url(rule.code)}")


def rule_markdown(rule: Rule) -> str:
    """The text ``lessonlint rule CODE`` prints."""
    doc = load_doc(rule.code)
    head = f"# {rule.name} ({rule.code})\n\n{rule.summary}.\n\n{summary_line(rule)}\n"
    fix = fix_sentence(rule.code)
    if fix is not None:
        head += f"\n{fix}\n"
    if doc is None:
        return head + "\n(No documentation for this rule yet.)\n"
    return head + "\n" + doc.body.rstrip() + "\n"


def what_it_does(rule: Rule) -> str:
    """The first paragraph of What it does (the rule summary when there is no doc)."""
    doc = load_doc(rule.code)
    text = doc.sections.get("What it does", "") if doc else ""
    return text.split("\n\n", 1)[0].replace("\n", " ").strip() or rule.summary + "."


def rule_data(rule: Rule) -> dict:
    """One rule for ``lessonlint rule --format json``."""
    doc = load_doc(rule.code)
    return {
        "code": rule.code,
        "name": rule.name,
        "summary": rule.summary,
        "category": rule.code.rstrip("0123456789"),
        "severity": rule.severity.value,
        "url": doc_url(rule.code),
        "explanation": doc.body if doc else None,
        "fix": ({"applicability": FIXES[rule.code].applicability.value, "description": FIXES[rule.code].does}
                if rule.code in FIXES else None),
    }
