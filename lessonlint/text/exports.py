"""Names a code file exports: JS/TS/MDX ``export`` statements, Python top-level names."""
from __future__ import annotations

import re

_JS_DECL = re.compile(
    r"^[ \t]*export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?"
    r"(?:function\s*\*?|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)",
    re.M,
)
_JS_DESTRUCTURE = re.compile(r"^[ \t]*export\s+(?:const|let|var)\s*\{([^}]*)\}", re.M)
_JS_LIST = re.compile(r"^[ \t]*export\s+(?:type\s+)?\{([^}]*)\}", re.M)
_JS_DEFAULT = re.compile(r"^[ \t]*export\s+default\b", re.M)
_JS_STAR = re.compile(r"^[ \t]*export\s+\*", re.M)
_CJS = re.compile(r"\bexports\.([A-Za-z_$][\w$]*)\s*=|module\.exports\s*=\s*\{([^}]*)\}")
_PY_DEF = re.compile(r"^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)", re.M)
_PY_ASSIGN = re.compile(r"^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=(?!=)", re.M)
_PY_IMPORT = re.compile(r"^from\s+\S+\s+import\s+\(?([^)\n]*)", re.M)
_PY_ALL = re.compile(r"^__all__\s*=\s*[\[(]([^\])]*)", re.M)
_NAME = re.compile(r"[A-Za-z_$][\w$]*")

JS_SUFFIXES = (".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".astro", ".mdx", ".svelte", ".vue")


def exported_names(path: str, text: str) -> dict[str, int] | None:
    """Exported name → offset of its statement; None when the language is unknown."""
    if path.endswith(JS_SUFFIXES):
        return _js(text)
    if path.endswith(".py"):
        return _python(text)
    return None


def has_star_export(path: str, text: str) -> bool:
    return path.endswith(JS_SUFFIXES) and bool(_JS_STAR.search(text))


def _js(text: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for match in _JS_DECL.finditer(text):
        names.setdefault(match.group(1), match.start())
    for pattern in (_JS_DESTRUCTURE, _JS_LIST):
        for match in pattern.finditer(text):
            for item in match.group(1).split(","):
                words = _NAME.findall(item.replace("type ", " "))
                if words:
                    names.setdefault(words[-1], match.start())  # `a as b` exports b; `a: b` binds b
    for match in _JS_DEFAULT.finditer(text):
        names.setdefault("default", match.start())
    for match in _CJS.finditer(text):
        for name in [match.group(1)] if match.group(1) else _NAME.findall(match.group(2)):
            names.setdefault(name, match.start())
    return names


def _python(text: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for pattern in (_PY_DEF, _PY_ASSIGN):
        for match in pattern.finditer(text):
            names.setdefault(match.group(1), match.start())
    for match in _PY_IMPORT.finditer(text):
        for item in match.group(1).split(","):
            words = _NAME.findall(item)
            if words:
                names.setdefault(words[-1], match.start())
    for match in _PY_ALL.finditer(text):
        for name in re.findall(r"['\"]([A-Za-z_]\w*)['\"]", match.group(1)):
            names.setdefault(name, match.start())
    return names
