"""Reading the YAML packs under ``rules/`` (checklist rule packs, glossary packs): which files, their
mapping with key lines, key and list checks. Every problem is a ``RulesFileError`` naming ``file:line``."""
from __future__ import annotations

from pathlib import Path


class RulesFileError(Exception):
    """A rule pack or glossary pack that cannot be used: the message names ``path:line`` (the CLI exits 2)."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(self.format_message())

    def format_message(self) -> str:
        """One line for the CLI (``lessonlint: error: <this>``)."""
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def yaml_files(extra: tuple[str, ...], root: Path | None, builtin: Path, error: type[RulesFileError],
               what: str) -> list[Path]:
    """Configured packs (files or folders, in the order given) first, then the built-in ones by file name."""
    out: list[Path] = []
    for raw in extra:
        path = Path(raw) if root is None or Path(raw).is_absolute() else root / raw
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
        elif path.is_file():
            out.append(path)
        else:
            raise error(raw, None, f"{what} not found")
    out += sorted(builtin.glob("*.yaml"))
    return out


def read_mapping(path: Path, error: type[RulesFileError], shape: str) -> tuple[str, dict]:
    """(the path as shown, the pack's top-level mapping with positions); ``shape`` says what a pack must be."""
    from ..text.yamlpos import load_yaml

    shown = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(shown, None, f"cannot read: {exc}") from None
    result = load_yaml(text)
    for problem in result.problems:
        raise error(shown, problem.line, f"not valid YAML: {problem.message}")
    if not isinstance(result.value, dict):
        raise error(shown, 1, shape)
    return shown, result.value


def check_keys(error: type[RulesFileError], shown: str, data: dict, allowed: dict, what: str,
               required: tuple[str, ...]) -> None:
    """Only ``allowed`` keys, each of its type (a YAML boolean is not an int), and every ``required`` one."""
    for key, value in data.items():
        line = data.key_pos.get(key, (data.line, 1))[0] if hasattr(data, "key_pos") else None
        if key not in allowed:
            raise error(shown, line, f"unknown key {key!r} in {what} (allowed: {', '.join(allowed)})")
        wanted = allowed[key]
        if not isinstance(value, wanted) or (isinstance(value, bool) and wanted is not bool):
            raise error(shown, line, f"{what} key {key!r} must be a {wanted.__name__}")
    for key in required:
        if key not in data:
            raise error(shown, getattr(data, "line", None) or 1, f"{what} is missing the required key {key!r}")


def value_line(data: dict, key: str) -> int:
    """The line of ``data[key]`` (of the key when the value has none; 1 without positions)."""
    if hasattr(data, "value_pos"):
        return data.value_pos.get(key, data.key_pos.get(key, (getattr(data, "line", 1), 1)))[0]
    return 1


def list_items(error: type[RulesFileError], shown: str, data: dict, key: str) -> list[tuple[object, int]]:
    """(item, line) of the list ``data[key]``."""
    value = data.get(key)
    if not isinstance(value, list):
        raise error(shown, value_line(data, key), f"{key!r} must be a list")
    positions = getattr(value, "item_pos", [])
    return [(item, positions[k][0] if k < len(positions) else value_line(data, key)) for k, item in enumerate(value)]


def display(path: Path) -> str:
    """A pack's path as messages show it: relative to the current folder when under it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
