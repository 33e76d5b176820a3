"""A real client over stdio (pytest-lsp) talking to `lessonlint server`, and a copy of the small fixture course."""
from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "fixtures" / "server" / "course"
LESSON = "src/content/course/01-intro/01-streams.mdx"
PLAN = ".planning/phases/01-intro/01-01-PLAN.md"
BROKEN_PLAN = ".planning/phases/01-intro/01-02-PLAN.md"
TIMEOUT = 20.0  # generous: the machine is shared; a passing run takes well under a second per wait

SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "lessonlint", "server"],
                            server_env={**os.environ, "LESSONLINT_NO_CACHE": "1"})


@pytest.fixture
def course(tmp_path) -> Path:
    target = tmp_path / "course"
    shutil.copytree(COURSE, target)
    return Path(os.path.realpath(target))


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, course):
    params = lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                  workspace_folders=[lsp.WorkspaceFolder(uri=course.as_uri(), name="course")],
                                  root_uri=course.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def open_doc(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="mdx" if path.suffix == ".mdx" else "markdown", version=1,
        text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change_line(client: LanguageClient, uri: str, version: int, line: int, old: str, new: str, text: str) -> str:
    """Replace ``old`` on 1-based ``line`` (ASCII before it) by ``new`` with an incremental change; the new text."""
    lines = text.split("\n")
    column = lines[line - 1].index(old)
    start = lsp.Position(line=line - 1, character=column)
    end = lsp.Position(line=line - 1, character=column + len(old))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangePartial(range=lsp.Range(start, end), text=new)]))
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\n".join(lines)


def replace_all(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [lsp.TextDocumentContentChangeWholeDocument(text=text)]))


def found(client: LanguageClient, uri: str) -> list[tuple[str, int]]:
    """(code, 1-based line) of what is published for ``uri``."""
    return sorted((str(d.code), d.range.start.line + 1) for d in client.diagnostics.get(uri, []))


async def wait_until(client: LanguageClient, uri: str, expected, timeout: float = TIMEOUT):
    """Poll until the published (code, line) pairs of ``uri`` equal ``expected``; the diagnostics."""
    deadline = asyncio.get_running_loop().time() + timeout
    while found(client, uri) != sorted(expected):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{uri}: published {found(client, uri)}, expected {sorted(expected)}")
        await asyncio.sleep(0.02)
    return client.diagnostics[uri]
