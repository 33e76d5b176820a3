"""Imports flow one way. Packages sit in layers and import only their own layer or lower ones; the ecosystem
modules (config, suppressions, docs, report outputs, some renderers) never reach up to the engine, the CLI or
heavy UI libraries."""
from __future__ import annotations

import pytest

from .import_graph import graph, imports, modules

# Lower layers first. A module's group is its first component under lessonlint (``config`` for lessonlint.config.load).
LAYERS = (
    {"text", "diagnostic"},  # files, sources, positions, regexes: no knowledge of plans or lessons
    {"registry", "results"},  # rule codes and docs; the verdict values renderers receive
    {"config", "suppress", "plan", "lesson"},  # settings; reading plans and lessons
    {"checks", "checklist", "truths", "discover", "links"},  # judging; finding the plans to judge
    {"engine", "parallel", "cache", "render"},  # running the pipeline, remembering it; results into text
    {"fix"},  # `check --fix`: wraps the engine (runs it, applies the fixes it offers, runs it again)
    {"cli", "__main__", "server"},  # the commands; the language server (wraps the engine like `check`)
)
LAYER = {group: rank for rank, groups in enumerate(LAYERS) for group in groups}

UP = {"lessonlint.engine", "lessonlint.cli", "lessonlint.discover", "lessonlint.checks", "lessonlint.checklist",
      "lessonlint.truths", "lessonlint.__main__"}
UI = {"typer", "rich"}
# module -> what it must not import (lessonlint module prefixes, or third-party top-level names)
RULES = {
    "lessonlint.config.tomlpos": UP | UI | {"lessonlint.render", "lessonlint.config"},
    "lessonlint.config.options": UP | UI | {"lessonlint.render"},
    "lessonlint.config.load": UP | UI | {"lessonlint.render"},
    "lessonlint.config.text": UP | UI | {"lessonlint.render"},
    "lessonlint.config.check": UP | UI | {"lessonlint.render", "lessonlint.config.load"},
    "lessonlint.suppress.apply": UP | UI | {"lessonlint.render", "lessonlint.config.settings"},
    "lessonlint.suppress.comments": UP | UI | {"lessonlint.render", "lessonlint.config.settings",
                                               "lessonlint.suppress.apply"},
    "lessonlint.registry.docs": UP | UI | {"lessonlint.render"},
    "lessonlint.cli.outputs": (UP - {"lessonlint.cli"}) | UI | {"lessonlint.cli.app"},
    "lessonlint.cli.progress": (UP - {"lessonlint.cli"}) | {"lessonlint.cli.app", "lessonlint.render", "typer"},
    "lessonlint.render.sarif": UP | UI,
    "lessonlint.render.github": UP | UI,
    "lessonlint.render.junit": UP | UI,
    "lessonlint.cli.support": {"lessonlint.cli.app", "typer"},  # the commands' plumbing, usable without typer
}
ALL = modules()
EDGES = graph()


def _group(name: str) -> str:
    return name.split(".")[1] if "." in name else ""


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("module", sorted(RULES))
def test_module_imports_only_downward(module):
    found = imports(ALL[module], ALL)
    wrong = sorted(n for n in found for banned in RULES[module] if _under(n, banned))
    assert not wrong, f"{module} imports {wrong}"


def test_every_package_has_a_layer():
    groups = {_group(name) for name in ALL} - {""}
    missing = {g for g in groups if g not in LAYER}
    assert missing == set(), f"packages without a layer in test_layers.LAYERS: {sorted(missing)}"


def test_packages_import_only_their_layer_or_lower():
    upward = []
    for name, targets in EDGES.items():
        if not _group(name):
            continue
        for target in targets:
            if _group(target) and LAYER[_group(target)] > LAYER[_group(name)]:
                upward.append(f"{name} -> {target}")
    assert upward == [], "imports up the layers:\n" + "\n".join(sorted(upward))


def test_the_rules_name_modules_that_exist():
    assert set(RULES) <= set(ALL)
