"""The package's import graph, read from the source with ``ast`` (nothing is imported): every import statement,
at module level or inside a function, ``TYPE_CHECKING`` blocks included, resolved to the module it names."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lessonlint"


@dataclass(frozen=True)
class Module:
    name: str  # dotted: lessonlint.config.load
    path: Path
    is_package: bool


def modules(package: Path = PACKAGE) -> dict[str, Module]:
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts.pop()
        found[".".join(parts)] = Module(".".join(parts), path, is_package)
    return found


def imports(module: Module, known: dict[str, Module]) -> set[str]:
    """Dotted names ``module`` imports: lessonlint modules resolved (``from . import x`` is module ``x`` when it is
    one), other packages by their top-level name."""
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name if a.name.startswith("lessonlint") else a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("lessonlint"):
                names.add(target.split(".")[0])
                continue
            for alias in node.names:
                names.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
    return names


def graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the lessonlint modules it imports (itself left out)."""
    known = modules(package)
    return {name: {n for n in imports(m, known) if n in known and n != name} for name, m in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found
