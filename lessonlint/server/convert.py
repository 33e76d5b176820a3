"""lessonlint diagnostics as LSP values: ranges in the client's position units, the plan mirror, hover text.

lessonlint counts 1-based lines and code-point columns (``end_column`` exclusive); LSP counts 0-based lines and,
unless the client negotiated otherwise, UTF-16 code units. Everything here is pure: the server module does the I/O.
"""
from __future__ import annotations

from urllib.parse import quote

from lsprotocol import types as lsp

from ..diagnostic import Diagnostic, Severity
from ..registry.codes import RULES, doc_url
from ..text.source import SourceFile

SOURCE = "lessonlint"
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}


def units(text: str, encoding: str = "utf-16") -> int:
    """Length of ``text`` in the client's code units (utf-16 by default, as LSP requires)."""
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == "utf-32":
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def code_points(line: str, character: int, encoding: str = "utf-16") -> int:
    """0-based code-point index of the client's ``character`` offset on ``line`` (clamped to the line)."""
    count = 0
    for index, ch in enumerate(line):
        if count >= character:
            return index
        count += units(ch, encoding)
    return len(line)


def position(source: SourceFile, line: int, column: int, encoding: str) -> lsp.Position:
    """LSP position of a 1-based line and 1-based code-point column (clamped into the file)."""
    line = max(1, min(line, max(source.line_count, 1)))
    text = source.line(line)
    column = max(1, min(column, len(text) + 1))
    return lsp.Position(line=line - 1, character=units(text[: column - 1], encoding))


def edit_position(source: SourceFile, line: int, column: int, encoding: str) -> lsp.Position:
    """LSP position of a fix edit's end or start; (last line + 1, 1) is the end of the file."""
    if line > source.line_count:
        if source.line_count == 0 or source.text.endswith(("\n", "\r")):
            return lsp.Position(line=source.line_count, character=0)
        return lsp.Position(line=source.line_count - 1, character=units(source.line(source.line_count), encoding))
    return position(source, line, column, encoding)


def fix_edits(diag: Diagnostic, source: SourceFile, encoding: str) -> list[lsp.TextEdit] | None:
    """The text edits of a finding's fix in its own file, or None (no fix, or one that also drops a byte order
    mark, which an editor's buffer does not show)."""
    fix = diag.fix
    if fix is None or not fix.edits or fix.remove_bom:
        return None
    return [lsp.TextEdit(range=lsp.Range(edit_position(source, e.line, e.column, encoding),
                                         edit_position(source, e.end_line, e.end_column, encoding)),
                         new_text=e.content) for e in fix.edits]


def line_range(source: SourceFile, line: int, encoding: str) -> lsp.Range:
    """The text of a line without its indentation (a whole-line finding)."""
    text = source.line(line)
    first = len(text) - len(text.lstrip()) + 1
    return lsp.Range(position(source, line, first, encoding), position(source, line, len(text.rstrip()) + 1, encoding))


def diagnostic_range(diag: Diagnostic, source: SourceFile, encoding: str) -> lsp.Range:
    """Where ``diag`` is: no line = the file's start; no column = the line; no end = the token at the column."""
    if diag.line is None:
        return lsp.Range(lsp.Position(line=0, character=0), lsp.Position(line=0, character=0))
    if diag.column is None:
        return line_range(source, diag.line, encoding)
    start = position(source, diag.line, diag.column, encoding)
    if diag.end_line is not None and diag.end_column is not None:
        end = position(source, diag.end_line, diag.end_column, encoding)
        if (end.line, end.character) >= (start.line, start.character):
            return lsp.Range(start, end)
    text = source.line(diag.line)
    stop = diag.column
    while stop <= len(text) and not text[stop - 1].isspace():
        stop += 1
    return lsp.Range(start, position(source, diag.line, max(stop, diag.column + 1), encoding))


def message(diag: Diagnostic) -> str:
    return diag.message + (f"\nhint: {diag.hint}" if diag.hint else "")


def to_lsp(diag: Diagnostic, source: SourceFile, encoding: str, uri_of) -> lsp.Diagnostic:
    """The LSP diagnostic of a finding in its own file; a plan item's finding points back at the plan line."""
    related = []
    for other in diag.related:
        if other.path == diag.path and other.line:  # this file's text is at hand: an exact position
            at = position(source, other.line, other.column or 1, encoding)
            where = lsp.Range(at, at)
        else:
            where = _line_start(other.line or 1)
        related.append(lsp.DiagnosticRelatedInformation(lsp.Location(uri_of(other.path), where), other.message))
    if diag.plan and diag.plan_line and diag.plan != diag.path and \
            not any(r.path == diag.plan and r.line == diag.plan_line for r in diag.related):
        related.append(lsp.DiagnosticRelatedInformation(
            lsp.Location(uri_of(diag.plan), _line_start(diag.plan_line)), "required here"))
    return _make(diag, diagnostic_range(diag, source, encoding), message(diag), related)


def mirror(diag: Diagnostic, plan_source: SourceFile, encoding: str, uri_of,
           source: SourceFile | None = None) -> lsp.Diagnostic:
    """A finding in a lesson (``source``: its text), shown in its plan at the line of the item that requires it."""
    where = f"{diag.path}:{diag.line}" if diag.line else diag.path
    there = diagnostic_range(diag, source, encoding) if source is not None else _line_start(diag.line or 1)
    related = [lsp.DiagnosticRelatedInformation(lsp.Location(uri_of(diag.path), there), f"{diag.code} {diag.message}")]
    return _make(diag, line_range(plan_source, diag.plan_line, encoding), f"{where}: {message(diag)}", related)


def _make(diag: Diagnostic, where: lsp.Range, text: str, related) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=where, message=text, severity=_SEVERITY.get(diag.severity, lsp.DiagnosticSeverity.Error),
        code=diag.code, code_description=lsp.CodeDescription(href=doc_url(diag.code)), source=SOURCE,
        related_information=related or None,
    )


def _line_start(line: int) -> lsp.Range:
    # another file's columns cannot be converted without its text; its line is what the client needs
    at = lsp.Position(line=max(line - 1, 0), character=0)
    return lsp.Range(at, at)


def hover_text(diag: Diagnostic) -> str:
    """Markdown for a hover: the finding, its hint and evidence, then the rule's documentation."""
    from ..registry.docs import rule_markdown

    rule = RULES.get(diag.code)
    name = f" ({rule.name})" if rule else ""
    parts = [f"**lessonlint {diag.code}**{name}: {diag.message}"]
    if diag.hint:
        parts.append(f"*hint:* {diag.hint}")
    if diag.plan and diag.plan_line:
        parts.append(f"required by `{diag.plan}` line {diag.plan_line}")
    for other in diag.related:
        parts.append(f"- {other.message}: `{other.path}`" + (f" line {other.line}" if other.line else ""))
    if rule is not None:
        parts.append("---\n" + rule_markdown(rule))
    return "\n\n".join(parts)


def file_uri(path) -> str:
    """``file://`` URI of an absolute path (posix)."""
    return "file://" + quote(str(path).replace("\\", "/"), safe="/:")
