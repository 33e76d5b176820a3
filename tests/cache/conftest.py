"""The cache is the subject here: on, in a folder of each test's own."""
from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.delenv("LESSONLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("LESSONLINT_CACHE_DIR", str(folder))
    return folder
