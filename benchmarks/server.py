"""The language server's edit loop against a cold `check`: `python benchmarks/server.py [COURSE [LESSON]]`.

Opens one lesson of the corpus (default: debezium-course/head, a module-1 lesson) in `lessonlint server`, makes 20
edits to its unsaved buffer (one at a time, each waiting for its publishDiagnostics) and takes the median round
trip, didChange sent → diagnostics for that version received (an edit that finds the server idle is checked at
once; the debounce, 150 ms by default, gathers only the edits typed while a check runs). Then it times
`lessonlint check --no-cache LESSON` (a fresh process, median of 5) in the same run and prints both and their
ratio (the target: ≤ 0.3×). Nothing is written to the corpus.
"""
from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO.parent / "shared" / "corpus" / "debezium-course" / "head"
LESSON = "src/content/course/01-module-1/03-lab-setup.mdx"
EDITS = 20
LESSONLINT = [sys.executable, "-m", "lessonlint"]


async def edit_round_trips(course: Path, lesson: str, debounce: str) -> list[float]:
    client = LanguageClient("benchmark", "1")
    received: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: lsp.PublishDiagnosticsParams) -> None:
        received[params.version] = time.perf_counter()
        arrived.set()

    env = {**os.environ, "LESSONLINT_NO_CACHE": "1", "LESSONLINT_SERVER_DEBOUNCE": debounce}
    await client.start_io(*LESSONLINT, "server", env=env)
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(),
                                                       root_uri=course.as_uri()))
    client.initialized(lsp.InitializedParams())
    path = course / lesson
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "mdx", 1, text)))
    await _wait(received, arrived, 1)
    times = []
    for version in range(2, EDITS + 2):
        text = text + ("\nOne more sentence of the lab." if version % 2 else "\n")  # a real edit each time
        sent = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            [lsp.TextDocumentContentChangeWholeDocument(text=text)]))
        await _wait(received, arrived, version)
        times.append(received[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client._server.wait()
    await client.stop()
    return times


async def _wait(received: dict, arrived: asyncio.Event, version: int) -> None:
    while version not in received:
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), 60)


def cold_check(course: Path, lesson: str, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*LESSONLINT, "check", "--no-cache", "--quiet", lesson], cwd=course,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str]) -> int:
    course = Path(argv[0]).resolve() if argv else COURSE
    lesson = argv[1] if len(argv) > 1 else LESSON
    if not (course / lesson).is_file():
        print(f"benchmark: {course / lesson} is absent", file=sys.stderr)
        return 2
    debounce = os.environ.get("LESSONLINT_SERVER_DEBOUNCE", "0.15")
    edits = asyncio.run(edit_round_trips(course, lesson, debounce))
    cold = cold_check(course, lesson)
    edit, check = statistics.median(edits), statistics.median(cold)
    print(f"lesson: {course.name}/{lesson}")
    print(f"didChange -> publishDiagnostics, median of {len(edits)} edits: {edit * 1000:.0f} ms "
          f"(each edit finds the server idle, so the {float(debounce) * 1000:.0f} ms debounce does not apply; min {min(edits) * 1000:.0f}, "
          f"max {max(edits) * 1000:.0f})")
    print(f"cold `lessonlint check --no-cache`, median of {len(cold)}: {check * 1000:.0f} ms")
    print(f"ratio: {edit / check:.2f}x (target <= 0.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
