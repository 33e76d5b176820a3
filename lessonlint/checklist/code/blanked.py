"""Code with its comments and string literals blanked (same length, same line breaks): what is left is the
code a language rule can judge ("English code": no Cyrillic identifiers or keywords)."""
from __future__ import annotations

HASH = {"python", "py", "python3", "bash", "sh", "shell", "zsh", "dockerfile", "r", "ruby", "rb", "perl",
        "makefile", "make", "powershell", "ps1"}
C_LIKE = {"js", "javascript", "ts", "typescript", "jsx", "tsx", "java", "go", "golang", "c", "cpp", "c++", "cs",
          "csharp", "kotlin", "kt", "scala", "groovy", "rust", "rs", "php", "swift", "dart", "proto", "protobuf"}
SQL = {"sql", "pgsql", "postgresql", "postgres", "mysql", "plsql", "tsql", "flinksql", "hql", "cql", "sparksql"}
KEY_VALUE = {"yaml", "yml", "toml", "ini", "properties", "conf", "cfg", "env", "dotenv", "hcl", "terraform", "tf"}
CHECKED = HASH | C_LIKE | SQL | KEY_VALUE


def code_only(lang: str | None, text: str) -> str | None:
    """``text`` with comments and strings turned into spaces; None when ``lang`` is not a checked language."""
    lang = (lang or "").casefold()
    if lang in KEY_VALUE:
        return _keys_only(text)
    if lang in ("python", "py", "python3"):
        return _scan(text, line_comments=("#",), block=None, quotes=("'''", '"""', "'", '"'))
    if lang in HASH:  # shells also hold SQL fed to psql / mysql: its "--" comments are comments too
        return _scan(text, line_comments=("#", "-- "), block=None, quotes=("'", '"', "`"), multiline=True)
    if lang in C_LIKE:
        return _scan(text, line_comments=("//",), block=("/*", "*/"), quotes=("`", "'", '"'))
    if lang in SQL:
        return _scan(text, line_comments=("--", "#") if lang == "mysql" else ("--",), block=("/*", "*/"),
                     quotes=("'", '"', "`", "$$"))
    return None


def _keys_only(text: str) -> str:
    """YAML / TOML / properties: values, block scalars and comments are text; keys are code."""
    out, scalar_indent = [], None
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip())
        if scalar_indent is not None and (not line.strip() or indent > scalar_indent):
            out.append(" " * len(line))
            continue
        scalar_indent = indent if line.rstrip().endswith(("|", ">", "|-", ">-", "|+", ">+")) else None
        out.append(_key_only(line))
    return "\n".join(out)


def _key_only(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith(("#", ";", "//")):
        return " " * len(line)
    for sep in (": ", ":\t", "=", " = "):
        at = line.find(sep)
        if at >= 0:
            return line[:at] + " " * (len(line) - at)
    if stripped.startswith("- ") or not stripped.endswith(":"):
        return " " * len(line)  # a list item or a continued value
    return line


def _scan(text: str, line_comments: tuple[str, ...], block: tuple[str, str] | None, quotes: tuple[str, ...],
          multiline: bool = False) -> str:
    out = list(text)
    k, n = 0, len(text)

    def blank(a: int, b: int) -> None:
        for i in range(a, min(b, n)):
            if out[i] != "\n":
                out[i] = " "

    while k < n:
        if block and text.startswith(block[0], k):
            end = text.find(block[1], k + len(block[0]))
            end = n if end < 0 else end + len(block[1])
            blank(k, end)
            k = end
            continue
        comment = next((c for c in line_comments if text.startswith(c, k)), None)
        if comment and (comment not in ("#", "-- ") or k == 0 or text[k - 1] in " \t\n;("):
            end = text.find("\n", k)
            end = n if end < 0 else end
            blank(k, end)
            k = end
            continue
        quote = next((q for q in quotes if text.startswith(q, k)), None)
        if quote:
            end = _string_end(text, k + len(quote), quote, multiline)
            blank(k, end)
            k = end
            continue
        k += 1
    return "".join(out)


def _string_end(text: str, k: int, quote: str, multiline: bool = False) -> int:
    """Offset after the string's closing quote; a one-line string ends at the line break if unclosed."""
    multiline = multiline or len(quote) == 3 or quote in ("`", "$$")
    n = len(text)
    while k < n:
        if text.startswith(quote, k):
            return k + len(quote)
        if text[k] == "\\" and quote not in ("$$",):
            k += 2
            continue
        if text[k] == "\n" and not multiline:
            return k
        k += 1
    return n
