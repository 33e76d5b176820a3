"""An edit that finds the server idle is checked at once: the debounce only gathers edits typed during a check.
The server here debounces for 60 s, longer than any wait below, so only the immediate check can answer."""
from __future__ import annotations

import os
import sys

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .conftest import LESSON, change_line, open_doc, wait_until
from .test_diagnostics import LESSON_FINDINGS

SLOW_DEBOUNCE = ClientServerConfig(
    server_command=[sys.executable, "-m", "lessonlint", "server"],
    server_env={**os.environ, "LESSONLINT_NO_CACHE": "1", "LESSONLINT_SERVER_DEBOUNCE": "60"})


@pytest_lsp.fixture(config=SLOW_DEBOUNCE)
async def slow_client(lsp_client: LanguageClient, course):
    params = lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"),
                                  workspace_folders=[lsp.WorkspaceFolder(uri=course.as_uri(), name="course")],
                                  root_uri=course.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_an_edit_to_an_idle_server_is_checked_at_once(slow_client, course):
    uri = open_doc(slow_client, course / LESSON)
    await wait_until(slow_client, uri, LESSON_FINDINGS)
    text = (course / LESSON).read_text(encoding="utf-8")
    change_line(slow_client, uri, 2, 12, "<3", "three", text)
    await wait_until(slow_client, uri, [f for f in LESSON_FINDINGS if f != ("MDX001", 12)], timeout=20)
