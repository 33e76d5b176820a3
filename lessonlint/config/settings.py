"""Effective settings of a run. Defaults here; config files are read by ``lessonlint.config.load``."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostic import Severity

CONFIG_NAMES = (".lessonlint.toml", "lessonlint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    root: Path
    plan_globs: tuple[str, ...] = (".planning/**/*PLAN.md",)
    exclude: tuple[str, ...] = ()
    lesson_suffixes: tuple[str, ...] = (".mdx", ".md")
    select: tuple[str, ...] = ()  # code prefixes; empty = all
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    key_link_span: int = 6  # lines a key-link pattern may span ("lines N–M")
    regex_timeout: float = 0.5  # seconds per pattern and file
    regex_budget: float = 20.0  # seconds of regex time for the whole run
    max_file_bytes: int = 5 * 1024 * 1024  # ~80x the largest real lesson; parsing costs ~50 bytes a byte
    rule_packs: tuple[str, ...] = ()  # extra checklist packs (files or folders) besides rules/checklist
    glossaries: tuple[str, ...] = ()  # extra glossary packs besides rules/glossary
    prose_script: str | None = None  # e.g. "Cyrillic": the script of explanatory text (None: from the plan)
    code_script: str = "Latin"  # script allowed in code outside comments and strings
    diagram_components: tuple[str, ...] = ("Mermaid",)  # JSX components that count as diagrams
    stub_exceptions: tuple[str, ...] = ()  # heading words where TODO/TBD are allowed (lab exercises)
    outline_word_share: float = 0.5  # share of an outline section's ~word target the prose must reach
    outline_default: bool = True  # compare every task's numbered outline even when no checklist item asks
    mdx_heading_ids: bool = False  # the MDX pipeline has a heading-id plugin: `## Title {#id}` is no MDX010
    strict: bool = False  # heuristic misses fail too (lessonlint.checks.policy); default: they need review
    cache: bool = True  # remember verdicts between runs (lessonlint.cache); --no-cache turns it off
    cache_dir: str | None = None  # where (LESSONLINT_CACHE_DIR wins; default: the user cache folder)
    routes: dict[str, str] = field(default_factory=dict)  # URL prefix -> content folder (lessonlint.links)
    base: str | None = None  # the site's base path, tolerated in front of internal links ("/my-course")
    fix: bool = False  # `check` applies safe fixes (lessonlint.fix); --fix / --no-fix
    unsafe_fixes: bool = False  # and unsafe ones too; --unsafe-fixes / --no-unsafe-fixes
    fixable: tuple[str, ...] = ()  # code prefixes whose fixes may be applied; empty = all
    unfixable: tuple[str, ...] = ()  # code prefixes whose fixes are never applied (nor offered)

    def enabled(self, code: str) -> bool:
        """ruff semantics: the most specific prefix among select/extend-select/ignore wins."""
        # (specificity, ignore-wins-ties): the largest decides
        chosen = [(len(p), 0) for p in (*self.select, *self.extend_select) if code.startswith(p)]
        chosen += [(len(p), 1) for p in self.ignore if code.startswith(p)]
        if not self.select:
            chosen.append((0, 0))
        return bool(chosen) and max(chosen)[1] == 0

    def can_fix(self, code: str) -> bool:
        """May ``code``'s fixes be offered and applied? The most specific of fixable and unfixable wins; unfixable
        wins ties."""
        chosen = [(len(p), 0) for p in self.fixable if code.startswith(p)]
        chosen += [(len(p), 1) for p in self.unfixable if code.startswith(p)]
        if not self.fixable:
            chosen.append((0, 0))
        return bool(chosen) and max(chosen)[1] == 0


def find_root(start: Path) -> Path:
    """Nearest ancestor holding ``.planning/``, else one holding ``.git``, else ``start``."""
    start = start.resolve()
    chain = [start, *start.parents]
    for marker in (".planning", ".git"):
        for folder in chain:
            if (folder / marker).exists():
                return folder
    return start


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upward, or None."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _mentions_table(candidate)):
                return candidate
    return None


def _mentions_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "lessonlint" not in text:  # cheap test before parsing someone else's file
        return False
    import tomllib

    try:
        return isinstance(tomllib.loads(text).get("tool", {}).get("lessonlint"), dict)
    except tomllib.TOMLDecodeError:
        return True  # it means to configure us: load_config reports the error with its line


def config_start(root: Path | None, paths: list[str]) -> Path:
    """The folder the config search starts from: --root, else the first path's folder, else here."""
    if root is not None:
        return root
    if paths and Path(paths[0]).exists():
        first = Path(paths[0])
        return first if first.is_dir() else first.parent
    return Path.cwd()
