"""``lessonlint server``: a language server over stdio (pygls 2), a thin shell over the engine.

Open plans and lessons are judged from their unsaved buffers (an overlay on the source cache) on open, on
change (at once when idle, debounced while a check runs) and on save; checks run one at a time in a worker thread, so hover and code actions answer
while a check runs, and the last publish always reflects the last edit.
"""
from __future__ import annotations

import asyncio
import logging
import os
import threading
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from .. import __version__
from ..text.source import SourceFile
from . import actions, convert
from .project import Outcome, Project

DEBOUNCE = float(os.environ.get("LESSONLINT_SERVER_DEBOUNCE", "0.15"))
CONFIG_NAMES = ("pyproject.toml", "lessonlint.toml", ".lessonlint.toml")
log = logging.getLogger("lessonlint.server")


class LessonlintServer(LanguageServer):
    """The pygls server plus lessonlint's state: projects by root, published findings by document."""

    def __init__(self) -> None:
        super().__init__("lessonlint", __version__)
        self.projects: dict[Path, Project] = {}
        self._roots: dict[Path, Path | None] = {}  # a document's folder -> its project root (None: no project)
        self.published: dict[str, list[tuple]] = {}  # uri -> (range, finding, mirrored?, LSP diagnostic)
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._dirty: dict[str, None] = {}
        self._running = False
        self._logged: set[str] = set()

    # -- which project a document belongs to -------------------------------------------------------------------
    def locate(self, uri: str) -> tuple[Project, str] | None:
        """(project, root-relative path) of a document; None for a file lessonlint leaves alone."""
        path = self.workspace.get_text_document(uri).path if uri.startswith("file:") else None
        if not path:
            return None
        folder = Path(os.path.realpath(path)).parent
        if folder not in self._roots:
            self._roots[folder] = self._project_root(folder)
        root = self._roots[folder]
        project = self.projects.get(root) if root is not None else None
        return None if project is None else ((project, rel) if (rel := project.relative(path)) else None)

    def _project_root(self, folder: Path) -> Path | None:
        from ..cli.support import load_settings

        try:
            settings, config = load_settings(None, [str(folder)], cache=False)
        except Exception as exc:  # noqa: BLE001 - a bad config: said once, the documents are left alone
            self.error(f"{folder}: {type(exc).__name__}: {exc}")
            return None
        root = Path(os.path.realpath(settings.root))
        if config is None and not (root / ".planning").is_dir():
            return None  # not a lessonlint project: its Markdown is left alone
        if root not in self.projects:
            self.projects[root] = Project(settings)
        return root

    def reset(self) -> None:
        """A config file changed: settings and packs are read again."""
        self.projects.clear()
        self._roots.clear()

    # -- scheduling ------------------------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float = DEBOUNCE) -> None:
        """Check ``uri`` after ``delay`` seconds without another edit. An edit that finds the server idle is
        checked at once (the debounce only gathers the edits typed while a check runs, so that one check
        answers them all and the last publish reflects the last edit)."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        elif not self._running and not self._timers:
            delay = 0
        loop = asyncio.get_running_loop()
        if delay <= 0:
            self._mark(uri)
        else:
            self._timers[uri] = loop.call_later(delay, self._mark, uri)

    def _mark(self, uri: str) -> None:
        self._timers.pop(uri, None)
        self._dirty[uri] = None
        if not self._running:
            self._running = True
            asyncio.ensure_future(self._drain())

    async def _drain(self) -> None:
        try:
            while self._dirty:
                batch = list(self._dirty)
                self._dirty.clear()
                by_project: dict[Project, list[str]] = {}
                for uri in batch:
                    found = self.locate(uri) if uri in self.workspace.text_documents else None
                    if found is not None:
                        by_project.setdefault(found[0], []).append(found[1])
                for project, changed in by_project.items():
                    await self._check(project, changed)
        finally:
            self._running = False

    async def _check(self, project: Project, changed: list[str]) -> None:
        docs = {}
        for uri, doc in list(self.workspace.text_documents.items()):
            found = self.locate(uri)
            if found is not None and found[0] is project:
                docs[found[1]] = (uri, doc.version, doc.source)
        overlay = {rel: text for rel, (_, _, text) in docs.items()}
        encoding = str(self.workspace.position_encoding or "utf-16")
        try:
            outcome = await _in_thread(project.check, overlay, changed, set(docs))
            published = await _in_thread(_convert, outcome, docs, project, encoding)
        except Exception as exc:  # noqa: BLE001 - a check that fails is logged; the server keeps serving
            self.error(f"{', '.join(changed)}: internal error: {type(exc).__name__}: {exc}")
            return
        for error in outcome.result.errors:
            self.error(error)
        for rel, entries in published.items():
            uri, version, _ = docs[rel]
            if uri not in self.workspace.text_documents:
                continue  # closed meanwhile
            self.published[uri] = entries
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri, version=version, diagnostics=[_with_data(e) for e in entries]))

    def clear(self, uri: str) -> None:
        self.published.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def error(self, text: str) -> None:
        """One line in the client's log (and on stderr), once per distinct text."""
        if text in self._logged:
            return
        self._logged.add(text)
        log.error("lessonlint: %s", text)
        try:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"lessonlint: {text}"))
        except Exception:  # noqa: BLE001 - no client to tell (closing)
            pass


def _with_data(entry: tuple) -> lsp.Diagnostic:
    return entry[3]


def _convert(outcome: Outcome, docs: dict, project: Project, encoding: str) -> dict[str, list]:
    """Per published document: (range, finding, mirrored?, LSP diagnostic), in the engine's order."""

    def uri_of(rel: str) -> str:
        return docs[rel][0] if rel in docs else convert.file_uri(project.root / rel)

    out: dict[str, list] = {}
    for rel in outcome.publish:
        source = outcome.sources.get(rel) or SourceFile.from_text(rel, docs[rel][2] if rel in docs else "")
        entries = []
        for diag in outcome.diagnostics_for(rel):
            item = convert.to_lsp(diag, source, encoding, uri_of)
            entries.append((item.range, diag, False, item))
        for diag in outcome.mirrored_into(rel):
            item = convert.mirror(diag, source, encoding, uri_of, outcome.sources.get(diag.path))
            entries.append((item.range, diag, True, item))
        out[rel] = entries
    return out


async def _in_thread(function, *args):
    """``function(*args)`` in a daemon thread (an exit never waits for a check to end)."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def settle(value, error) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(value)

    def work() -> None:
        try:
            value, error = function(*args), None
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
            value, error = None, exc
        try:
            loop.call_soon_threadsafe(settle, value, error)
        except RuntimeError:
            pass  # the loop closed: the server is exiting

    threading.Thread(target=work, name="lessonlint-check", daemon=True).start()
    return await future


def build() -> LessonlintServer:
    """The server with its features registered (``start_io`` runs it)."""
    server = LessonlintServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: LessonlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: LessonlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: LessonlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        if params.text_document.uri.rsplit("/", 1)[-1] in CONFIG_NAMES:
            ls.reset()
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0)
            return
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: LessonlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if uri in ls.published:
            ls.clear(uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: LessonlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        at = (params.position.line, params.position.character)
        for where, diag, _, _ in ls.published.get(params.text_document.uri, ()):
            if (where.start.line, where.start.character) <= at <= (where.end.line, where.end.character):
                return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown,
                                                            value=convert.hover_text(diag)), range=where)
        return None

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: LessonlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction | lsp.Command]:
        return fix_actions(ls, params) + suppress_actions(ls, params) + plan_item_actions(ls, params)

    @server.command(OPEN_PLAN_ITEM)
    async def open_plan_item(ls: LessonlintServer, uri: str, line: int) -> None:
        """Show the plan at the item's line (``window/showDocument``; the client opens and focuses it)."""
        at = lsp.Position(line=max(int(line), 0), character=0)
        await ls.window_show_document_async(lsp.ShowDocumentParams(uri=str(uri), take_focus=True,
                                                                   selection=lsp.Range(at, at)))

    return server


OPEN_PLAN_ITEM = "lessonlint.openPlanItem"


def fix_actions(ls: LessonlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """The finding's own fix (what ``check --fix`` would apply; unsafe ones say so), for findings here."""
    uri = params.text_document.uri
    found = ls.locate(uri)
    if found is None:
        return []
    source = SourceFile.from_text(found[1], ls.workspace.get_text_document(uri).source)
    encoding = str(ls.workspace.position_encoding or "utf-16")
    wanted, out = params.range, []
    for where, diag, mirrored, item in ls.published.get(uri, ()):
        if mirrored or (where.end.line, where.end.character) < (wanted.start.line, wanted.start.character) \
                or (where.start.line, where.start.character) > (wanted.end.line, wanted.end.character):
            continue
        edits = convert.fix_edits(diag, source, encoding)
        if edits is None:
            continue
        safe = diag.fix.applicability.value == "safe"
        title = f"Fix {diag.code}: {diag.fix.message}" + ("" if safe else " (unsafe)")
        out.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[item],
                                  is_preferred=safe, edit=lsp.WorkspaceEdit(changes={uri: edits})))
    return out


def plan_item_actions(ls: LessonlintServer, params: lsp.CodeActionParams) -> list[lsp.Command]:
    """"Open the plan item" for each finding here that a plan item requires (the plan at the item's line)."""
    found = ls.locate(params.text_document.uri)
    if found is None:
        return []
    project, _ = found
    wanted, out, seen = params.range, [], set()
    for where, diag, mirrored, item in ls.published.get(params.text_document.uri, ()):
        if mirrored or not diag.plan or not diag.plan_line or diag.plan == diag.path or (diag.plan, diag.plan_line) in seen \
                or (where.end.line, where.end.character) < (wanted.start.line, wanted.start.character) \
                or (where.start.line, where.start.character) > (wanted.end.line, wanted.end.character):
            continue
        seen.add((diag.plan, diag.plan_line))
        title = f"Open the plan item ({diag.plan}:{diag.plan_line})"
        target = convert.file_uri(project.root / diag.plan)
        # a bare Command (allowed as a code action result): every client runs it; no edit, so no CodeAction needed
        out.append(lsp.Command(title=title, command=OPEN_PLAN_ITEM, arguments=[target, diag.plan_line - 1]))
    return out


def suppress_actions(ls: LessonlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    """One "suppress" quick fix per finding of this document touching the requested range."""
    uri = params.text_document.uri
    found = ls.locate(uri)
    if found is None:
        return []
    doc = ls.workspace.get_text_document(uri)
    source = SourceFile.from_text(found[1], doc.source)
    encoding = str(ls.workspace.position_encoding or "utf-16")
    wanted = params.range
    out, seen = [], set()
    for where, diag, mirrored, item in ls.published.get(uri, ()):
        if mirrored or (where.end.line, where.end.character) < (wanted.start.line, wanted.start.character) \
                or (where.start.line, where.start.character) > (wanted.end.line, wanted.end.character):
            continue
        made = actions.suppression(diag, source)
        if made is None or (diag.code, diag.line) in seen:
            continue
        seen.add((diag.code, diag.line))
        title, insertions = made
        edits = [lsp.TextEdit(range=lsp.Range(at, at), new_text=ins.text)
                 for ins in insertions for at in [_insertion_point(source, ins.line, encoding)]]
        out.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[item],
                                  edit=lsp.WorkspaceEdit(changes={uri: edits})))
    return out


def _insertion_point(source: SourceFile, line: int, encoding: str) -> lsp.Position:
    if line <= source.line_count:
        return lsp.Position(line=line - 1, character=0)
    last = max(source.line_count, 1)
    text = source.line(last)
    if source.text.endswith(("\n", "\r")):
        return lsp.Position(line=last, character=0)
    return lsp.Position(line=last - 1, character=convert.units(text, encoding))


def serve() -> None:
    """Run the server on stdin/stdout until ``exit`` or the end of stdin."""
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    build().start_io()
