"""Results remembered between runs: looked up by what was computed, reused only when its inputs still hold.

A key names a computation (a plan's job, a lesson's own findings, the files a plan names) under one environment:
this lessonlint (version and code), the Python running it, the effective settings and the rule and glossary
packs. An entry holds the inputs the computation recorded and its result. A file's input is a content hash; to
avoid reading every file on every run, the hash is taken from the last run when the file's stat signature
(mode, size, mtime, ctime, inode) is unchanged and was not taken within ``RACY_NS`` of the file's last change
(git's "racy clean" rule: a change in the same clock tick would not show in the signature).
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import zlib
from pathlib import Path

from .. import __version__
from ..text.source import display_path
from . import inputs as quick
from .codec import CacheDataError, pack, unpack
from .store import Store, folder_for

_NOT_SETTINGS = ("cache", "cache_dir")  # settings that do not change a verdict
_NO_INPUTS = zlib.compress(b"[]", 1)


def open_cache(settings) -> "Cache | None":
    """The cache of ``settings.root`` (None when the settings or ``LESSONLINT_NO_CACHE`` turn it off)."""
    if not settings.cache or os.environ.get("LESSONLINT_NO_CACHE", "") not in ("", "0"):
        return None
    return Cache(Store(folder_for(settings.root, settings.cache_dir)), settings)


class Cache:
    """This run's view of one root's cache: lookups that check inputs, and the new entries to write."""

    def __init__(self, store: Store, settings) -> None:
        self.store = store
        self.settings = settings
        self._env: str | None = None
        self.pending: list[tuple[str, bytes, bytes]] = []
        self.used: list[str] = []
        self.known: list[tuple[str, str, str]] = []  # (read key, stat signature, digest) from forked workers
        self._signatures: dict[str, tuple[str, str, int]] | None = None
        self._now: dict[tuple[str, str], str] = {}
        self._tree: bool | None = None  # the last walk still holds (checked once, on the first lookup)
        self._unsafe: set[str] = set()
        self.hits = self.misses = 0

    # -- keys -----------------------------------------------------------------------------------------------
    def key(self, *parts) -> str | None:
        env = self.env()
        if env is None:
            return None
        return hashlib.sha256(json.dumps([env, *parts]).encode("utf-8", "surrogatepass")).hexdigest()

    def env(self) -> str | None:
        """A hash of everything besides the files that a verdict depends on (None: caching is off for the run)."""
        if self._env is None:
            try:
                self._env = hashlib.sha256("\0".join(_environment(self.settings)).encode()).hexdigest()
            except Exception:  # noqa: BLE001 - a bad rule pack is reported by the run itself, uncached
                self._env = ""
        return self._env or None

    # -- reading ------------------------------------------------------------------------------------------------
    def lookup(self, ctx, keys: list[str | None]) -> dict[str, object]:
        """{key: result} for the keys whose entry exists and whose every input is still what it was."""
        wanted = [k for k in dict.fromkeys(keys) if k is not None]
        found: dict[str, object] = {}
        for key, (inputs, value) in self.store.entries(wanted).items():
            try:
                recorded = json.loads(zlib.decompress(inputs))
                if all(self._holds(ctx, kind, argument, was) for kind, argument, was in recorded):
                    found[key] = unpack(value)
                    self.used.append(key)
                    for inputs in ctx.recorders:  # a whole command being remembered depends on these too
                        inputs.update(((kind, argument), was) for kind, argument, was in recorded)
            except (CacheDataError, ValueError, TypeError, zlib.error):
                continue  # a broken entry is a miss; this run writes it again
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def _holds(self, ctx, kind: str, argument: str, was: str) -> bool:
        if kind != "read" and self._tree_unchanged(ctx) and self._listed(kind, argument):
            return True  # no folder changed: what the listing decides is as it was
        return self.current(ctx, (kind, argument)) == was

    def _tree_unchanged(self, ctx) -> bool:
        """Is every folder of the last walk as it was then (so no listing changed)? Checked once per run."""
        if self._tree is None:
            self._tree = False
            try:
                text = self.store.tree()
                taken, stats, unsafe = json.loads(text) if text else (0, {}, [])
                if stats and all(quick.folder_holds(ctx.root, rel, was, taken) for rel, was in stats.items()):
                    self._tree, self._unsafe = True, set(unsafe)
            except (ValueError, TypeError):
                pass
        return self._tree

    def _listed(self, kind: str, argument: str) -> bool:
        """Does the answer to this input follow from the folder listings alone? File-list queries do; a path
        does unless it runs through a symlink, a folder that is not walked, or ``..``."""
        if kind in ("files", "under", "named", "is_dir", "glob"):
            return True
        path = quick.path_of(kind, argument)
        return path is not None and quick.listed_path(path, self._unsafe)

    def current(self, ctx, input_key: tuple[str, str]) -> str:
        """What an input is now (once per run)."""
        now = self._now.get(input_key)
        if now is None:
            kind, argument = input_key
            now = self._known_digest(ctx, argument) if kind == "read" else None
            if now is None:
                now = ctx.current(input_key)
            self._now[input_key] = now
        return now

    def _known_digest(self, ctx, key: str) -> str | None:
        """The last run's hash of the file ``key`` reads, when its stat signature says it is unchanged."""
        if self._signatures is None:
            self._signatures = self.store.files()
        row = self._signatures.get(key)
        if row is None:
            return None
        signature, digest, seen = row
        if self._tree_unchanged(ctx) and self._listed("probe", f"read:{key}") and not key.startswith(("~", "/")):
            where = Path(os.path.normpath(ctx.sources.root / key))  # no symlink on the way: its real path
        else:
            where = ctx.sources.locate(key)
        if not isinstance(where, Path):
            return None
        try:
            info = os.stat(where)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or max(info.st_mtime_ns, info.st_ctime_ns) >= seen - quick.RACY_NS:
            return None
        return digest if quick.signature(display_path(where, ctx.sources.root), info) == signature else None

    def classified(self, source, switches: tuple, compute):
        """A lesson's line classification from an earlier run of the same text, else ``compute()`` (then kept
        for the next run). Its key holds the path, a hash of the text and ``switches``: no inputs to check."""
        from . import lessons

        key = self.key(*lessons.key_parts(source, switches))
        if key is None:
            return compute()
        row = self.store.entries([key]).get(key)
        if row is not None:
            try:
                found = lessons.decode(row[1], source)
            except CacheDataError:
                pass  # written again below
            else:
                self.used.append(key)
                return found
        found = compute()
        self.pending.append((key, _NO_INPUTS, lessons.encode(found, source)))
        return found

    # -- writing --------------------------------------------------------------------------------------------------
    def add(self, key: str | None, inputs: dict, value) -> None:
        if key is None:
            return
        recorded = [[kind, argument, was] for (kind, argument), was in inputs.items()]
        self.pending.append((key, zlib.compress(json.dumps(recorded).encode("utf-8", "surrogatepass"), 1), pack(value)))

    def drain(self, ctx) -> tuple[list, list]:
        """What a forked worker computed, for the parent to write: its entries and the files it read."""
        pending, self.pending = self.pending, []
        return pending, list(_read_files(ctx))

    def absorb(self, drained: tuple[list, list]) -> None:
        pending, known = drained
        self.pending += pending
        self.known += known

    def flush(self, ctx) -> None:
        """Write this run's new entries and file hashes in one transaction."""
        files = list(_read_files(ctx)) + self.known
        tree = ctx.files.tree
        walked = json.dumps([tree[0], tree[1], sorted(tree[2])]) if tree is not None and not self._tree else None
        self.store.write(self.pending, self.used, files, walked)
        self.pending, self.used, self.known = [], [], []



def _read_files(ctx):
    """(key, stat signature, digest) of every file read from disk in this process."""
    for key, shown, info, digest in ctx.sources.known():
        yield key, json.dumps([shown, *info]), digest



def _environment(settings) -> list[str]:
    """Everything a verdict depends on besides the project's files."""
    from ..registry.pack_files import RulesFileError, yaml_files
    from ..registry.root import rules_root

    fields = {k: v for k, v in vars(settings).items() if k not in _NOT_SETTINGS}
    builtin = rules_root()  # the packs the run loads (checklist.packs, truths.packs), listed without loading them
    packs = [*yaml_files(settings.rule_packs, settings.root, builtin / "checklist", RulesFileError, "rule pack"),
             *yaml_files(settings.glossaries, settings.root, builtin / "glossary", RulesFileError, "glossary pack")]
    return [__version__, sys.version, repr(sorted(fields.items(), key=lambda kv: kv[0])), quick.files_fingerprint(packs),
            quick.code_fingerprint(), _dependencies()]



def _dependencies() -> str:
    """The libraries whose behaviour shows in verdicts, by the file each is loaded from (an upgrade changes it)."""
    from importlib.util import find_spec

    found = []
    for name in ("regex", "mistune", "yaml", "frontmatter"):
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None) if module is not None else None
        if origin is None:
            try:
                spec = find_spec(name)
            except (ImportError, ValueError):
                spec = None
            origin = spec.origin if spec is not None else None
        found.append(f"{name}:{origin}:{quick.files_fingerprint([origin] if origin else [])}")
    return ",".join(found)
