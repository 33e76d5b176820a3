"""The process: `shutdown` + `exit` end it with code 0, so does a closed stdin; `check` does not import pygls."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

from .conftest import LESSON

SERVER = [sys.executable, "-m", "lessonlint", "server"]


@pytest.mark.asyncio
async def test_shutdown_then_exit_ends_the_process_with_code_0(course):
    client = LanguageClient("test", "1")
    await client.start_io(*SERVER, env={**os.environ, "LESSONLINT_NO_CACHE": "1"})
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(),
                                                       root_uri=course.as_uri()))
    client.initialized(lsp.InitializedParams())
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=(course / LESSON).as_uri(), language_id="mdx", version=1, text=(course / LESSON).read_text())))
    await client.shutdown_async(None)
    client.exit(None)
    assert await client._server.wait() == 0
    await client.stop()


def test_a_closed_stdin_ends_the_process_with_code_0():
    process = subprocess.run(SERVER, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert process.returncode == 0, process.stderr


def test_check_does_not_import_the_server_stack():
    code = "import sys; from lessonlint.cli import app; print(any(m.split('.')[0] in ('pygls', 'lsprotocol') " \
           "or m.startswith('lessonlint.server') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
