"""MDX hazard diagnostics: what MDX does with the text, and what to write instead."""
from __future__ import annotations

from ..diagnostic import Diagnostic, Fix, Related
from .jsx import Crash

# Codes whose presence means the MDX compiler refuses the file. MDX005 and MDX006 are
# rendering hazards: the compiler accepts the file but shows something else than meant.
BUILD_BREAKING = frozenset({"MDX001", "MDX002", "MDX003", "MDX004", "MDX007", "MDX008", "MDX010", "MDX011"})

MAX_UNCLOSED = 50  # unclosed elements reported per file or paragraph (nesting can be 10,000 deep)

Where = tuple[int, int]  # 1-based line, column


def _shown(char: str) -> str:
    return "the end of the text" if char == "" else f"'{char}'"


def crash_code(crash: Crash, after_lt: str) -> str:
    """The code ``tag_crash`` reports for this crash."""
    if after_lt == "!":
        return "MDX007"
    return "MDX001" if crash.where == "before name" and after_lt != "/" else "MDX008"


def tag_crash(path: str, where: Where, crash: Crash, after_lt: str, fix: Fix | None = None) -> Diagnostic:
    """MDX read '<' as the start of a JSX tag and could not finish it (``fix``: for MDX001 and MDX007)."""
    line, column = where
    if after_lt == "!":
        return Diagnostic("MDX007", "HTML comments are a syntax error in MDX", path, line, column,
                          hint="write `{/* comment */}` instead of `<!-- comment -->`", fix=fix)
    if crash.where == "before name" and after_lt != "/":
        shown = "'<'" if crash.found == "" else f"'<{crash.found}'"
        return Diagnostic("MDX001", f"{shown} in text starts a JSX tag and breaks the MDX build", path, line, column,
                          hint=f"write `&lt;` instead of `<`, or wrap it in backticks (`{shown[1:-1]}`)", fix=fix)
    if crash.where == "in expression":
        return Diagnostic("MDX008", "an attribute expression of this JSX tag is not valid JavaScript: acorn stops at "
                          f"{_shown(crash.found)}", path, line, column,
                          hint="close every `[`, `{`, `(` and quote of the attribute value, then its `}`")
    return Diagnostic("MDX008", f"'<' starts a JSX tag that MDX cannot parse: unexpected {_shown(crash.found)} "
                      f"{crash.where}", path, line, column,
                      hint="if this is text, write `&lt;` or wrap it in backticks; if it is a tag, fix its syntax",
                      fix=fix)


def closing_tag_extra(path: str, where: Where, name: str, what: str) -> Diagnostic:
    return Diagnostic("MDX008", f"closing tag </{name}> cannot have {what}", path, *where,
                      hint=f"write `</{name}>` with nothing else inside it")


def unclosed_expression(path: str, where: Where, opened: Where | None = None, fix: Fix | None = None) -> Diagnostic:
    """``where``: where the compiler fails; ``opened``: the '{' that started the expression."""
    hint = "write `\\{` to show a literal brace, or wrap the text in backticks"
    if opened is None or opened == where:
        return Diagnostic("MDX002", "'{' starts a JavaScript expression that never ends", path, *where, hint=hint,
                          fix=fix)
    return Diagnostic("MDX002", f"the expression opened by '{{' at {opened[0]}:{opened[1]} is not valid JavaScript "
                      "here, so MDX never ends it", path, *where, hint=hint,
                      related=(Related(path, opened[0], "the expression starts here", opened[1]),), fix=fix)


def heading_id(path: str, where: Where, source: str, level: int, fix: Fix | None = None) -> Diagnostic:
    """``## Title {#id}``: MDX 3 reads ``{#id}`` as a JavaScript expression, which it is not."""
    ident = source[2:-1].strip()
    return Diagnostic("MDX010", f"heading id '{_clip(source)}' is not valid MDX: MDX reads it as a JavaScript "
                      "expression and the build fails", path, *where,
                      hint=f'write the heading as `<h{level} id="{ident}">…</h{level}>`, or set '
                      "`mdx-heading-ids = true` if your pipeline has a heading-id plugin", fix=fix)


def not_an_expression(path: str, where: Where, source: str, fix: Fix | None = None) -> Diagnostic:
    """Braces around prose: MDX finds no '}' that ends a valid expression, so the build fails."""
    return Diagnostic("MDX002", f"'{_clip(source)}' is not a JavaScript expression, so MDX never ends it "
                      "and the build fails", path, *where,
                      hint="write `\\{` and `\\}` (or use backticks) to show the braces as text", fix=fix)


def _clip(source: str) -> str:
    return source if len(source) <= 40 else source[:37] + "..."


def inline_expression(path: str, where: Where, source: str, fix: Fix | None = None) -> Diagnostic:
    return Diagnostic("MDX009", f"'{_clip(source)}' in text is evaluated as JavaScript, not shown", path, *where,
                      hint="write `\\{` and `\\}` (or use backticks) to show the braces as text", fix=fix)


def unclosed_element(path: str, where: Where, name: str, scope: str) -> Diagnostic:
    shown = f"<{name}>"
    return Diagnostic("MDX003", f"{shown} is never closed{' in this ' + scope if scope else ''}", path, *where,
                      hint=f"add `</{name}>` after its content, or write `<{name} />` if it has none")


def unexpected_close(path: str, where: Where, name: str, expected: tuple[str, int] | None,
                     in_text: bool = False) -> Diagnostic:
    if expected is None:
        message = f"closing tag </{name}> has no matching opening tag"
        hint = f"remove `</{name}>` or add `<{name}>` before it"
    elif in_text and expected[0] == name:
        message = f"</{name}> inside a paragraph cannot close the <{name}> opened at line {expected[1]}"
        hint = f"put `</{name}>` on its own line, after a blank line"
    else:
        message = f"closing tag </{name}> does not match <{expected[0]}> opened at line {expected[1]}"
        hint = f"close `<{expected[0]}>` first with `</{expected[0]}>`"
    return Diagnostic("MDX004", message, path, *where, hint=hint)


def fence_unclosed(path: str, where: Where, marker: str) -> Diagnostic:
    return Diagnostic("MDX005", f"code fence {marker} is never closed: everything after it is shown as code",
                      path, *where, hint=f"add a closing `` {marker} `` line after the code")


def fence_closed_early(path: str, where: Where, marker: str, open_line: int) -> Diagnostic:
    return Diagnostic("MDX006", f"this indented {marker} closes the code block opened at line {open_line} under "
                      "MDX (MDX has no indented code), so the lines after it are not code", path, *where,
                      hint=f"open the outer block with a longer fence (`` {marker[0] * (len(marker) + 1)} ``) "
                      "so the inner one stays content")


def esm_error(path: str, where: Where, what: str) -> Diagnostic:
    """An import/export block acorn cannot parse, or a statement MDX does not allow there."""
    if what == "duplicate":
        message = "this name is already imported (here or in an earlier import), which is a JavaScript error"
        hint = "import each name once, or rename it with `as`"
    elif what == "syntax":
        message = "this import/export block is not valid JavaScript, so the MDX build fails"
        hint = "fix the statement (`import Name from './file.js';`), or, if it is text, do not start the line " \
               "with `import ` / `export `"
    else:
        message = f"only import/export statements may follow `import`/`export` at the start of a line (found {what})"
        hint = "end the import/export block with a blank line before other text or code"
    return Diagnostic("MDX011", message, path, *where, hint=hint)
