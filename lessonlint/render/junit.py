"""JUnit XML for CI test reports: a testsuite per plan, a testcase per must-have and checklist item,
and a suite ``files`` for what no plan item owns (MDX hazards, frontmatter, suppressions...).

failed → ``<failure>`` (when an error-severity finding of the item survives suppressions and config),
needs_review → ``<skipped>``, passed → an empty testcase.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..diagnostic import Diagnostic, Severity, Status
from ..registry.codes import doc_url
from ..results import PlanResult, RunResult
from . import fix_note


def render_junit(result: RunResult, lines=None, options=None) -> str:
    prefix = options.path_prefix if options is not None else ""
    final = {_key(d): d for d in result.diagnostics}
    owned: set[tuple] = set()
    root = ET.Element("testsuites", name="lessonlint")
    for plan in result.plans:
        suite = _suite(root, prefix + plan.path)
        for kind, label, item, diags in _items(plan):
            keys = [_key(d) for d in diags]
            owned.update(keys)
            case = _case(suite, prefix + plan.path, f"{kind}: {label}", prefix + plan.path, item.line)
            _verdict(case, item.status, getattr(item, "reason", ""), [final[k] for k in keys if k in final],
                     bool(diags), prefix)
    _files_suite(root, result, final, owned, prefix)
    _count(root)
    _xml_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# characters XML 1.0 cannot hold even escaped; ElementTree writes them raw (ill-formed XML)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(root: ET.Element) -> None:
    """Replace what XML cannot hold (a control character in a plan or a file name) with U+FFFD."""
    for element in root.iter():
        for name, value in element.attrib.items():
            element.attrib[name] = _NOT_XML.sub("\ufffd", value)
        if element.text:
            element.text = _NOT_XML.sub("\ufffd", element.text)


def _items(plan: PlanResult):
    for t in plan.truths:
        yield "truth", t.text, t, tuple(getattr(t, "diagnostics", ()))
    for a in plan.artifacts:
        yield "artifact", a.path or "(no path)", a, tuple(d for c in a.checks for d in c.diagnostics)
    for k in plan.key_links:
        yield "key link", f"{k.source} → {k.target}", k, tuple(d for c in k.checks for d in c.diagnostics)
    for c in plan.checklist:
        yield f"{c.section}", c.text, c, tuple(getattr(c, "diagnostics", ()))


def _verdict(case, status: Status, reason: str, surviving: list[Diagnostic], had_diags: bool, prefix: str):
    errors = [d for d in surviving if d.severity is Severity.ERROR]
    if status is Status.NEEDS_REVIEW:
        ET.SubElement(case, "skipped", message=f"needs review: {reason}".rstrip(": "))
    elif status is Status.FAILED and (errors or not had_diags):
        first = errors[0] if errors else None
        failure = ET.SubElement(case, "failure", message=first.message if first else reason or "failed",
                                type=first.code if first else "failed")
        failure.text = _describe(errors, prefix) or reason
    elif status is Status.FAILED and not surviving:
        ET.SubElement(case, "skipped", message="failed, but its findings are suppressed or ignored")
    if surviving and not errors:
        ET.SubElement(case, "system-out").text = _describe(surviving, prefix)


def _files_suite(root, result: RunResult, final: dict, owned: set, prefix: str) -> None:
    loose: dict[str, list[Diagnostic]] = {}
    for key, d in final.items():
        if key not in owned:
            loose.setdefault(d.path, []).append(d)
    paths = sorted(set(result.files) | set(loose))
    if not paths and not result.errors:
        return
    suite = _suite(root, "files")
    for path in paths:
        diags = loose.get(path, [])
        case = _case(suite, "files", prefix + path, prefix + path, None)
        errors = [d for d in diags if d.severity is Severity.ERROR]
        if errors:
            failure = ET.SubElement(case, "failure", message=errors[0].message, type=errors[0].code)
            failure.text = _describe(diags, prefix)
        elif diags:
            ET.SubElement(case, "system-out").text = _describe(diags, prefix)
    for error in result.errors:
        case = _case(suite, "files", "internal error", None, None)
        ET.SubElement(case, "error", message=error, type="internal-error")


def _suite(root, name: str):
    return ET.SubElement(root, "testsuite", name=name)


def _case(suite, classname: str, name: str, file: str | None, line: int | None):
    attrs = {"classname": classname, "name": name}
    if file:
        attrs["file"] = file
    if line:
        attrs["line"] = str(line)
    return ET.SubElement(suite, "testcase", attrs)


def _count(root) -> None:
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for suite in root:
        counts = {
            "tests": len(suite.findall("testcase")),
            "failures": len(suite.findall("testcase/failure")),
            "errors": len(suite.findall("testcase/error")),
            "skipped": len(suite.findall("testcase/skipped")),
        }
        for name, value in counts.items():
            suite.set(name, str(value))
            totals[name] += value
    for name, value in totals.items():
        root.set(name, str(value))


def _describe(diags: list[Diagnostic], prefix: str) -> str:
    out = []
    for d in diags:
        out.append(f"{prefix}{d.path}:{d.line or 1}:{d.column or 1}: {d.code} [{d.severity.value}] {d.message}")
        if d.hint:
            out.append(f"  help: {d.hint}")
        if d.fix is not None:
            out.append(f"  {fix_note(d)}")
        out.append(f"  docs: {doc_url(d.code)}")
    return "\n".join(out)


def _key(d: Diagnostic) -> tuple:
    return (d.code, d.path, d.line, d.column, d.message)
