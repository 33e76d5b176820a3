"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per diagnostic.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=lessonlint CODE::message`` — data escapes
``%``, CR and LF; property values also ``:`` and ``,`` (the runner's workflow-command rules).
"""
from __future__ import annotations

from ..diagnostic import Diagnostic, Severity
from ..registry.codes import doc_url
from ..results import RunResult
from . import fix_note

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(result: RunResult, lines=None, options=None) -> str:
    prefix = options.path_prefix if options is not None else ""
    out = [annotation(d, prefix) for d in result.diagnostics]
    out += [f"::error title=lessonlint::{escape_data(e)}" for e in result.errors]
    return "".join(line + "\n" for line in out)


def annotation(d: Diagnostic, prefix: str = "") -> str:
    """One workflow command for ``d``; paths get ``prefix`` (the root relative to the workspace)."""
    props = [("file", prefix + d.path)]
    if d.line is not None:
        props.append(("line", str(d.line)))
        if d.column is not None:
            props.append(("col", str(d.column)))
        if d.end_line is not None:
            props.append(("endLine", str(d.end_line)))
            if d.end_column is not None:
                props.append(("endColumn", str(d.end_column)))
    props.append(("title", f"lessonlint {d.code}"))
    body = [d.message]
    if d.hint:
        body.append(f"help: {d.hint}")
    if d.fix is not None:
        body.append(fix_note(d))
    body += [f"note: {r.message}: {prefix}{r.path}:{r.line}" for r in d.related if r.line is not None]
    body.append(doc_url(d.code))
    properties = ",".join(f"{name}={escape_property(value)}" for name, value in props)
    return f"::{COMMAND[d.severity]} {properties}::{escape_data(chr(10).join(body))}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
