"""Imports flow one way: the ecosystem modules never reach up to the engine, the CLI or heavy UI libraries."""
from __future__ import annotations

import ast

import pytest

from .conftest import REPO

PACKAGE = REPO / "lessonlint"
UP = {"engine", "cli", "discover", "checks", "checklist", "truths", "__main__"}

# module -> what it must not import (lessonlint modules by first component, or third-party top-level names)
RULES = {
    "tomlpos.py": UP | {"render", "config", "settings", "typer", "rich"},
    "config_options.py": UP | {"render", "typer", "rich"},
    "config.py": UP | {"render", "typer", "rich"},
    "config_text.py": UP | {"render", "typer", "rich"},
    "suppressions.py": UP | {"render", "settings", "typer", "rich"},
    "suppression_comments.py": UP | {"render", "settings", "suppressions", "typer", "rich"},
    "config_check.py": UP | {"render", "config", "typer", "rich"},
    "docs.py": UP | {"render", "typer", "rich"},
    "outputs.py": UP | {"typer", "rich"},
    "progress.py": UP | {"render", "typer"},
    "render/sarif.py": UP | {"typer", "rich"},
    "render/github.py": UP | {"typer", "rich"},
    "render/junit.py": UP | {"typer", "rich"},
    "cli_support.py": {"cli", "typer"},  # the commands' plumbing, usable without the CLI framework
}


def _imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: the lessonlint module it names
                parts = module.split(".") if module else [a.name for a in node.names]
                names.add(parts[0])
            else:
                names.add(module.split(".")[0])
    return names


@pytest.mark.parametrize("module", sorted(RULES))
def test_module_imports_only_downward(module):
    found = _imports(PACKAGE / module) & RULES[module]
    assert not found, f"lessonlint/{module} imports {sorted(found)}"
