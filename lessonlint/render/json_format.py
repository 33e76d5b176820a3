"""The JSON contract (documented in README; additive changes only)."""
from __future__ import annotations

import json

from ..diagnostic import Diagnostic, Fix, Severity
from ..registry.codes import RULES, doc_url
from ..results import Evidence, RunResult, Tally


def render_json(result: RunResult, lines=None, options=None) -> str:
    return "".join(json_parts(result))


def json_parts(result: RunResult):
    """``render_json``'s text in pieces, one plan at a time: a large project's report is written as it is
    encoded, never held whole (nor its data) in memory."""
    inner = "\n  "
    yield "{" + inner + '"version": ' + _encode(result.version, inner) + "," + inner + '"root": ' \
        + _encode(result.root, inner) + "," + inner + '"plans": '
    yield from _items((_plan(p) for p in result.plans), bool(result.plans), inner)
    yield "," + inner + '"diagnostics": '
    yield from _items((diagnostic_data(d) for d in result.diagnostics), bool(result.diagnostics), inner)
    yield "," + inner + '"summary": ' + _encode(summary_data(result), inner) + "\n}\n"


def _items(values, any_values: bool, newline: str):
    """A JSON list written one item at a time, as ``_encode`` writes a list."""
    if not any_values:
        yield "[]"
        return
    inner = newline + "  "
    first = True
    for value in values:
        yield ("[" if first else ",") + inner + _encode(value, inner)
        first = False
    yield newline + "]"


def dumps(value) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, about three times faster: with ``indent`` the standard
    library leaves its C encoder for a Python one; here only strings go through (C) escaping."""
    return _encode(value, "\n")


_STRING = json.encoder.encode_basestring  # the C escaper when available, as json.dumps(ensure_ascii=False) uses
_PLAIN = {type(None): lambda v: "null", bool: lambda v: "true" if v else "false", int: int.__repr__}


def _encode(value, newline: str) -> str:
    kind = type(value)
    if kind is str:
        return _STRING(value)
    plain = _PLAIN.get(kind)
    if plain is not None:
        return plain(value)
    inner = newline + "  "
    if kind is dict or (kind is not list and kind is not tuple and isinstance(value, dict)):
        if not value:
            return "{}"
        return "{" + inner + ("," + inner).join(
            (_STRING(k) if type(k) is str else _STRING(_key(k))) + ": "
            + (_STRING(v) if type(v) is str else _encode(v, inner)) for k, v in value.items()) + newline + "}"
    if kind is list or kind is tuple or isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join(
            _STRING(v) if type(v) is str else _encode(v, inner) for v in value) + newline + "]"
    if isinstance(value, str):
        return _STRING(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__repr__(value)
    return json.dumps(value)  # floats (nan, inf) and anything else: exactly as json writes them


def _key(key) -> str:
    """A non-string key as json writes it (``true``, ``null``, ``1.5``)."""
    if isinstance(key, str):
        return key
    if key is True or key is False or key is None or isinstance(key, (int, float)):
        return json.dumps(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def to_data(result: RunResult) -> dict:
    return {
        "version": result.version,
        "root": result.root,
        "plans": [_plan(p) for p in result.plans],
        "diagnostics": [diagnostic_data(d) for d in result.diagnostics],
        "summary": summary_data(result),
    }


def summary_data(result: RunResult) -> dict:
    return {
        "plans": len(result.plans),
        "files": len(result.files),
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
        "must_haves": _tally(result.must_haves),
        "internal_errors": list(result.errors),
        "fixable": result.fixable(),
        "fixed": len(result.fixed),
    }


def diagnostic_data(d: Diagnostic) -> dict:
    rule = RULES.get(d.code)
    return {
        "code": d.code,
        "name": rule.name if rule else None,
        "severity": d.severity.value,
        "message": d.message,
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "plan": d.plan,
        "plan_line": d.plan_line,
        "hint": d.hint,
        "url": doc_url(d.code),
        "fix": fix_data(d.fix),
    }


def fix_data(fix: Fix | None) -> dict | None:
    """A finding's fix: applicability, what it does and its edits (1-based, end exclusive, in characters)."""
    if fix is None:
        return None
    return {
        "applicability": fix.applicability.value,
        "message": fix.message,
        "edits": [{"line": e.line, "column": e.column, "end_line": e.end_line, "end_column": e.end_column,
                   "content": e.content} for e in fix.edits],
        "remove_bom": fix.remove_bom,
    }


def _tally(t: Tally) -> dict:
    return {"passed": t.passed, "failed": t.failed, "needs_review": t.needs_review, "total": t.total}


def _evidence(e: Evidence) -> dict:
    return {"path": e.path, "line": e.line, "end_line": e.end_line, "column": e.column}


def _plan(p) -> dict:
    return {
        "path": p.path,
        "phase": p.phase,
        "plan": p.plan_id,
        "status": p.status.value,
        "must_haves": _tally(p.must_haves),
        "truths": [
            {"text": t.text, "line": t.line, "status": t.status.value, "basis": t.basis, "reason": t.reason,
             "evidence": [_evidence(e) for e in t.evidence],
             "claims": [{"text": c.text, "kind": c.kind, "status": c.status.value, "basis": c.basis, "reason": c.reason,
                         "expected": list(c.expected), "sources": list(c.sources),
                         "evidence": [_evidence(e) for e in c.evidence]} for c in t.claims]}
            for t in p.truths
        ],
        "artifacts": [
            {"path": a.path, "line": a.line, "status": a.status.value, "basis": a.basis, "resolved_path": a.resolved_path,
             "resolved_paths": list(a.resolved_paths), "suggestion": a.suggestion, "reason": a.reason,
             "checks": [{"kind": c.kind, "status": c.status.value, "basis": c.basis, "detail": c.detail,
                         "evidence": [_evidence(e) for e in c.evidence]} for c in a.checks]}
            for a in p.artifacts
        ],
        "key_links": [
            {"from": k.source, "to": k.target, "via": k.via, "pattern": k.pattern, "line": k.line,
             "status": k.status.value, "basis": k.basis, "resolved_from": k.resolved_source, "reason": k.reason,
             "matches": [_evidence(e) for e in k.matches]}
            for k in p.key_links
        ],
        "checklist": [checklist_item_data(c) for c in p.checklist],
    }


def checklist_item_data(c) -> dict:
    """One checklist item of the JSON contract (``check`` and ``checklist --format json`` share it)."""
    return {"section": c.section, "text": c.text, "line": c.line, "status": c.status.value, "basis": c.basis,
            "code": c.code, "task": c.task, "reason": c.reason, "evidence": [_evidence(e) for e in c.evidence]}
