"""What the native commands read and return: the project's files, an output, and "not interpreted"."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..results import Evidence

MAX_FILES = 5000
RUNTIME = frozenset("docker docker-compose curl kubectl gcloud psql mysql aws gsutil bq kafka-topics wget".split())


class Unsupported(Exception):
    """Not a command lessonlint interprets: ``needs`` says what would (command, runtime)."""

    def __init__(self, reason: str, needs: str = "command") -> None:
        super().__init__(reason)
        self.needs = needs


@dataclass
class Output:
    lines: list[str]
    code: int  # exit status: 0 success
    evidence: list[Evidence] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # grep -c / wc -l per file, in order


class Files:
    """What the commands may read: root-relative files through the run's cache."""

    def __init__(self, run, localize, default_files: tuple[str, ...] = ()) -> None:
        self.run, self.localize, self.default_files = run, localize, default_files

    def expand(self, raw: str) -> list[str]:
        """Files an operand names (a file, a glob); [] when nothing exists."""
        rel = self.localize(raw)
        if rel is None:
            return []
        where = self.run.resolve(rel)
        return list(where.paths) if where.kind in ("file", "files") else []

    def kind(self, raw: str) -> str:
        rel = self.localize(raw)
        return "missing" if rel is None else self.run.resolve(rel).kind

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
