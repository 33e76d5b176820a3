"""What the native commands read and return: the project's files, an output, and "not interpreted"."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ...results import Evidence

MAX_FILES = 5000
RUNTIME = frozenset("docker docker-compose curl kubectl gcloud psql mysql aws gsutil bq kafka-topics wget".split())


class Unsupported(Exception):
    """Not a command lessonlint interprets: ``needs`` says what would (command, runtime); ``missing``: an
    operand that is not under the root (``path``); ``prose``: the words are not a command at all."""

    def __init__(self, reason: str, needs: str = "command", path: str | None = None) -> None:
        super().__init__(reason)
        self.needs = needs
        self.path = path


_PATHLIKE = regex.compile(r"/|\.[A-Za-z0-9]{1,10}$|[*?]|^\.{1,2}$")


def missing(raw: str):
    """Raise for an operand that names nothing: a path-like word is a missing file; any other word ("grep for
    percentage patterns") shows the item is prose, not a command."""
    if raw.startswith(("~", "$HOME", "${HOME}")):
        raise Unsupported(f"`{raw}` is in the author's home folder, outside the project", "prose")
    if not _PATHLIKE.search(raw) or raw.startswith("("):
        raise Unsupported(f"`{raw}` is not a file: the item reads as prose, not as a command", "prose")
    raise Unsupported(f"`{raw}` does not exist under the project root", "missing", raw)


@dataclass
class Output:
    lines: list[str]
    code: int  # exit status: 0 success
    evidence: list[Evidence] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # grep -c / wc -l per file, in order


class Files:
    """What the commands may read: root-relative files through the run's cache."""

    def __init__(self, run, localize, default_files: tuple[str, ...] = ()) -> None:
        self.run, self.localize, self._default = run, localize, default_files
        self.guessed = False  # the command named no file: the item's files were read instead (a guess)

    @property
    def default_files(self) -> tuple[str, ...]:
        self.guessed = self.guessed or bool(self._default)
        return self._default

    def expand(self, raw: str) -> list[str]:
        """Files an operand names (a file, a glob, a bracket class as the shell reads it); [] when none exists."""
        rel = self.localize(raw)
        if rel is None:
            return []
        where = self.run.resolve(rel)
        if where.kind in ("file", "files"):
            return list(where.paths)
        return self._classes(rel)

    def kind(self, raw: str) -> str:
        rel = self.localize(raw)
        if rel is None:
            return "missing"
        kind = self.run.resolve(rel).kind
        return "files" if kind not in ("file", "files", "dir") and self._classes(rel) else kind

    def _classes(self, rel: str) -> list[str]:
        """``sessions/0[4-6]-*.md``: a shell expands the brackets as a class (plan globs keep them literal)."""
        if "[" not in rel or "]" not in rel:
            return []
        from ...text.files import shell_glob

        return shell_glob(self.run.files, rel)[:MAX_FILES]

    def under(self, raw: str) -> list[str]:
        rel = self.localize(raw) if raw not in (".", "./") else "."
        if rel is None:
            return []
        prefix = "" if rel in (".", "") else rel.rstrip("/") + "/"
        return self.run.files.under(prefix)[:MAX_FILES]

    def children(self, raw: str) -> list[str]:
        rel = self.localize(raw) if raw not in (".", "./") else "."
        prefix = "" if rel in (None, ".", "") else rel.rstrip("/") + "/"
        names = {p[len(prefix):].split("/", 1)[0] for p in self.under(raw)}
        return sorted(names)

    def text(self, rel: str) -> str | None:
        source = self.run.read(rel)
        return source.text if hasattr(source, "text") else None
