"""Write fixed files: atomically (temp file + rename, the file's mode kept), as UTF-8 with the byte order mark
the file had unless a fix removed it; line breaks are the text's own, so CRLF stays CRLF. A file that cannot be
written (read-only, changed on disk since it was read) is named in one line and the others are still written."""
from __future__ import annotations

import codecs
import os
import stat
import tempfile
from pathlib import Path

from ..text.source import decode


def write_fixed(root: Path, path: str, original: str, text: str, remove_bom: bool) -> str | None:
    """Write ``text`` over ``path`` (shown, relative to ``root``); the reason when it was not written."""
    target = Path(os.path.realpath(root / path))
    try:
        data = target.read_bytes()
    except OSError as exc:
        return f"{path}: cannot be read again, not fixed ({exc.strerror})"
    had_bom = data.startswith(codecs.BOM_UTF8)
    if decode(data)[0] != original:
        return f"{path}: changed on disk while it was being fixed, not fixed"
    if not os.access(target, os.W_OK) or not os.stat(target).st_mode & stat.S_IWUSR:
        return f"{path}: read-only, not fixed"  # (the mode bit too: root may write anything, but was told not to)
    payload = (codecs.BOM_UTF8 if had_bom and not remove_bom else b"") + text.encode("utf-8", "surrogatepass")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".lessonlint-fix", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.chmod(temp, mode)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:
        return f"{path}: cannot be written, not fixed ({exc.strerror})"
    return None
