"""Where the built-in ``rules/`` folder is: the checkout's top level, or ``lessonlint/_rules`` in a wheel."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def rules_root() -> Path:
    """The built-in rules folder (the wheel's copy first, else the source checkout's)."""
    installed = _PACKAGE / "_rules"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "rules"


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
