"""SARIF 2.1.0 for code-scanning services: one run, the rules that fired, 1-based code-point regions."""
from __future__ import annotations

import json
from urllib.parse import quote

from .. import __version__
from ..diagnostic import Diagnostic, Severity
from ..registry.codes import RULES, Rule, doc_url
from ..results import RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT = "%SRCROOT%"


def render_sarif(result: RunResult, lines=None, options=None) -> str:
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"


def sarif_log(result: RunResult) -> dict:
    """The SARIF log of ``result`` as plain data."""
    codes = sorted({d.code for d in result.diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {"driver": {
            "name": "lessonlint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": "https://github.com/lessonlint/lessonlint",
            "rules": [_rule(RULES.get(code), code) for code in codes],
        }},
        "originalUriBaseIds": {ROOT: {"uri": _root_uri(result.root)}},
        "columnKind": "unicodeCodePoints",
        "invocations": [_invocation(result)],
        "results": [_result(d, index[d.code]) for d in result.diagnostics],
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(rule: Rule | None, code: str) -> dict:
    from ..registry.docs import load_doc, what_it_does

    if rule is None:  # a code from a rule pack that registry/codes.py does not list
        return {"id": code, "helpUri": doc_url(code)}
    doc = load_doc(code)
    data = {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what_it_does(rule)},
        "helpUri": doc_url(code),
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"category": code.rstrip("0123456789")},
    }
    if doc is not None:
        data["help"] = {"text": doc.body, "markdown": doc.body}
    return data


def _result(d: Diagnostic, rule_index: int) -> dict:
    text = d.message + (f"\nhelp: {d.hint}" if d.hint else "")
    out = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [_location(d.path, d.line, d.column, d.end_line, d.end_column)],
    }
    if d.fix is not None and d.fix.edits:
        out["fixes"] = [_fix(d)]
    related = [r for r in d.related if r.line is not None]
    if related:
        out["relatedLocations"] = [
            {**_location(r.path, r.line, r.column, None, None), "id": i, "message": {"text": r.message}}
            for i, r in enumerate(related, start=1)
        ]
    return out


def _fix(d: Diagnostic) -> dict:
    """SARIF's ``fix``: the replacements of the finding's file (``--fix`` applies safe ones; the description
    says which kind this is)."""
    fix = d.fix
    return {
        "description": {"text": f"{fix.message} ({fix.applicability.value} fix)"},
        "artifactChanges": [{
            "artifactLocation": {"uri": quote(d.path), "uriBaseId": ROOT},
            "replacements": [{
                "deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line,
                                  "endColumn": e.end_column},
                "insertedContent": {"text": e.content},
            } for e in fix.edits],
        }],
    }


def _location(path: str, line, column, end_line, end_column) -> dict:
    physical: dict = {"artifactLocation": {"uri": quote(path), "uriBaseId": ROOT}}
    if line is not None:  # no line: the diagnostic is about the whole file, so no region
        region = {"startLine": line}
        if column is not None:
            region["startColumn"] = column
        if end_line is not None and end_line >= line:
            region["endLine"] = end_line
        if end_column is not None and column is not None and (end_line or line) >= line:
            if (end_line or line) > line or end_column > column:
                region["endColumn"] = end_column
        physical["region"] = region
    return {"physicalLocation": physical}


def _invocation(result: RunResult) -> dict:
    data: dict = {"executionSuccessful": not result.errors}
    if result.errors:
        data["toolExecutionNotifications"] = [{"level": "error", "message": {"text": e}} for e in result.errors]
    return data


def _root_uri(root: str) -> str:
    from pathlib import Path

    uri = Path(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"
