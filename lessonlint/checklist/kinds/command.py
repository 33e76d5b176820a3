"""``command``: items that are shell commands ("grep -c X file", "`test -f x`", "`wc -l f` should be > 200").

Simple file checks (grep, wc -l, test, ls, head, cat, find, jq .) are interpreted natively, never executed
(``lessonlint.checklist.native``); the expectation comes from the words around the command ("returns no
results", "returns 0", "shows 24 occurrences", "should be > 200"), else the command must succeed. Other
commands (npm run build, npx tsc, docker, curl) need review, with the command shown.

Groups: ``cmd`` (the command line), ``comment`` (a ``# ...`` line: judged by the commands under it),
``grepfor`` ("grep for \"A\" or \"B\"": the item's lessons must contain the quoted text).
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ...checks.common import at_file, at_plan, quote, worst
from ...checks.policy import combined, not_the_plans_to_write
from ...diagnostic import Status
from ...results import CERTAIN, HEURISTIC
from ...text.patterns import timed_out
from ..api import ItemContext, ItemVerdict, review
from ..search.paths import clean, local_tail, planned_in
from ..shell.native import Files, Output, Unsupported, run_line
from ..shell.parse import Unreadable
from ._expect import Expect, expectation, for_command, holds, value, zero

PARAMS = {"json_files": bool}
MISSING, FAILED, PRESENT, UNREADABLE = "CHK001", "CHK010", "CHK011", "CHK012"
_PROSE = regex.compile(r"\s+(?=(?:for each file|returns?|shows?|should|must|outputs?|prints?|gives?|confirms?|"
                       r"to verify|[-—–]\s|→|->|\(|#))", regex.I)
_EXPECTED_LINES = regex.compile(r"^#\s*expected:?\s*(?P<n>\d+)\+?\s*lines", regex.I)
_BACKTICKED = regex.compile(r"`((?:cd\s[^`]*?&&\s*)?(?:grep|egrep|fgrep|rg|git\s+grep|test|\[|wc|head|tail|cat|find|jq|ls)\b"
                            r"[^`]*)`")


def check(ctx: ItemContext) -> ItemVerdict:
    if ctx.params.get("json_files"):
        return _json_files(ctx)
    if ctx.groups.get("comment") is not None:
        return _comment(ctx)
    if ctx.groups.get("grepfor"):
        return _grep_for(ctx, ctx.groups["grepfor"])
    segments = _segments(ctx.groups.get("cmd", ""), ctx.text)
    verdicts = [evaluate(ctx, line, prose) for line, prose in segments]
    if len(verdicts) == 1:
        return verdicts[0]
    status = worst(v.status for v in verdicts)
    reason = "; ".join(v.reason for v in verdicts)
    return ItemVerdict(status, reason, tuple(e for v in verdicts for e in v.evidence),
                       tuple(d for v in verdicts for d in v.diagnostics),
                       next((v.needs for v in verdicts if v.status is Status.NEEDS_REVIEW), None),
                       combined((v.status, v.basis) for v in verdicts))


def _segments(cmd: str, text: str) -> list[tuple[str, str]]:
    """(command line, the words that say what it should give) for each command of the item. Several
    backticked commands each take the words after them up to the next ("`grep A f` present; `grep B g`
    returns nothing"); the first also takes the words before it ("No imports remain: `grep ...`")."""
    spans = [m for m in _BACKTICKED.finditer(text)]
    if f"`{cmd.strip()}`" not in text or len(spans) < 2:
        return [split_command(cmd, text)]
    out = []
    for k, span in enumerate(spans):
        after = text[span.end():spans[k + 1].start() if k + 1 < len(spans) else len(text)]
        line, prose = split_command(span.group(1), span.group(1))
        out.append((line, prose + " " + (text[:span.start()] if k == 0 else "") + " " + after))
    return out


def split_command(cmd: str, text: str) -> tuple[str, str]:
    """(command line, the words around it that say what is expected)."""
    cmd = cmd.strip()
    found = _PROSE.search(cmd)
    if found and not _inside_quotes(cmd, found.start()):
        return cmd[:found.start()].strip(), cmd[found.start():] + " " + text.replace(cmd, " ")
    return cmd, text.replace(cmd, " ")


def evaluate(ctx: ItemContext, line: str, prose: str) -> ItemVerdict:
    """Interpret ``line`` over the project's files and compare its output with what ``prose`` expects.

    Certain when the command is read exactly: every operand a file under the root (or a path whose folder
    exists), the expectation stated or the command's own exit status. A command that names no file reads
    the item's files (a guess: heuristic); words that are no file show prose, not a command (review)."""
    expect = for_command(expectation(prose), line)
    if regex.fullmatch(r"ls(?:\s+-\w+)*", line.strip()) and prose.strip():
        # "ls confirms 4 files in module4/: …": which folder is listed is in the prose, not the command
        return review(f"{quote(line)} names no folder; the item describes the listing in words", needs="human")
    files = Files(ctx.plan.run, lambda raw: _localize(raw, ctx), ctx.lessons or ctx.files)
    try:
        out = run_line(line, files)
    except Unsupported as exc:
        if exc.needs == "prose":
            return review(str(exc), needs="human")
        if exc.needs != "missing":
            return review(str(exc), needs=exc.needs)
        basis = CERTAIN if _folder_exists(exc.path, ctx) and not_the_plans_to_write(exc.path or "") is None \
            else HEURISTIC
        if expect.kind == "missing":
            return ItemVerdict(Status.PASSED, f"{exc} (as expected)", basis=basis)
        return ItemVerdict(Status.FAILED, str(exc), (), (at_plan(ctx.plan, MISSING, str(exc), ctx.item.line),),
                           basis=basis)
    except (Unreadable, regex.error, ValueError) as exc:
        message = f"cannot read the command {quote(line)}: {exc}"
        diag = at_plan(ctx.plan, UNREADABLE, message, ctx.item.line, "quote or escape the pattern")
        return ItemVerdict(Status.NEEDS_REVIEW, message, (), (diag,))
    except TimeoutError:
        timed_out()
        return review(f"{quote(line)}: the pattern took too long")
    if expect.kind == "default" and _is_wc(line):
        expect = _lines_from_neighbour(ctx) or expect
        if expect.kind == "default":
            return review(f"{quote(line)} counts {', '.join(map(str, out.counts))} lines; the item gives no threshold",
                          out.evidence)
    if expect.kind == "human":
        return review(f"{quote(line, 80)} gathers what a person is asked to check{_summary(out)}", out.evidence,
                      needs="human")
    if expect.kind == "ambiguous":
        return review(f"{quote(line, 80)} \"returns {expect.n}\": an exit status or a number of lines? "
                      f"It exits {out.code}{_summary(out)}", out.evidence, needs="human")
    verdict = _compare(ctx, line, out, expect)
    return replace(verdict, basis=HEURISTIC if files.guessed or _beyond_the_plan(line, expect, ctx) else CERTAIN)


def _beyond_the_plan(line: str, expect: Expect, ctx: ItemContext) -> bool:
    """"`ls src/diagrams/` shows 8 files" where the plan names 2 there: the count rests on other plans' work."""
    if expect.kind != "number" or not expect.n:
        return False
    listed = regex.match(r"\s*(?:ls|find)\s+(?:-\w+\s+)*([^\s|;&]+)", line)
    return listed is not None and ctx.plan.run.files.is_dir(_localize(listed.group(1), ctx) or "") and \
        planned_in(_localize(listed.group(1), ctx) or "", ctx) < expect.n


def _folder_exists(path: str | None, ctx: ItemContext) -> bool:
    """A missing path is certain when its folder exists under the root; a folder the project does not have
    (a relative path from another working folder, a part of the repository not here) may be elsewhere."""
    rel = _localize(path or "", ctx)
    if not rel or rel.endswith("/") or "." not in rel.rsplit("/", 1)[-1]:
        return False  # a folder: a checkout may lack a whole part of the repository; a file in its folder may not
    folder = rel.rstrip("/").rsplit("/", 1)[0] if "/" in rel.rstrip("/") else ""
    return bool(folder) and ctx.plan.run.files.is_dir(folder)


def _compare(ctx: ItemContext, line: str, out: Output, expect: Expect) -> ItemVerdict:
    shown = quote(line, 80)
    if expect.kind == "empty":
        if not out.lines and (not out.counts or not any(out.counts)) or zero(out):
            return ItemVerdict(Status.PASSED, f"{shown} finds nothing, as expected", tuple(out.evidence))
        first = out.evidence[0] if out.evidence else None
        message = f"{shown} should find nothing but finds {sum(out.counts) or len(out.lines)}"
        if first is not None:
            diag = at_file(ctx.plan, PRESENT, message, first.path, first.line, plan_line=ctx.item.line,
                           hint="remove what the checklist says must be gone")
        else:
            diag = at_plan(ctx.plan, FAILED, message, ctx.item.line)
        return ItemVerdict(Status.FAILED, message, tuple(out.evidence), (diag,))
    if expect.kind == "every":  # each file the command reads has a match
        files = {e.path for e in out.evidence}
        counted = len(out.counts) if out.counts else len(files)
        lacking = [n for n, c in enumerate(out.counts) if not c] if out.counts else []
        ok = out.code == 0 and not lacking and (not expect.n or max(counted, len(files)) >= expect.n)
        detail = f"{shown} matches in {len(files)} file(s)" + (f" (expected all {expect.n})" if expect.n else "")
        return ItemVerdict(Status.PASSED if ok else Status.FAILED, detail, tuple(out.evidence),
                           () if ok else (at_plan(ctx.plan, FAILED, detail, ctx.item.line),))
    if expect.kind == "status":
        ok = (out.code == 0) == (expect.n == 0)
        detail = f"{shown} exits {out.code} (expected {expect.n})"
        return ItemVerdict(Status.PASSED if ok else Status.FAILED, detail + _summary(out), tuple(out.evidence),
                           () if ok else (at_plan(ctx.plan, FAILED, detail, ctx.item.line),))
    if expect.kind == "shows":
        ok = out.code == 0 and any(expect.text in text for text in out.lines)
        detail = f"{shown} {'shows' if ok else 'does not show'} {quote(expect.text)}"
        return ItemVerdict(Status.PASSED if ok else Status.FAILED, detail, tuple(out.evidence),
                           () if ok else (at_plan(ctx.plan, FAILED, detail, ctx.item.line),))
    if expect.kind == "number":
        values = list(out.counts) if expect.each else [value(out)]
        wanted = list(expect.each) if expect.each else [expect.n]
        if len(wanted) == 1 and len(values) > 1:
            wanted = wanted * len(values)  # "returns 1 per file"
        if expect.each and len(values) != len(wanted):
            return review(f"{shown} gives {len(values)} counts for {len(wanted)} expected values", out.evidence)
        bad = [(v, w) for v, w in zip(values, wanted) if not holds(v, expect.op, w)]
        detail = f"{shown} gives {', '.join(map(str, values))} (expected {expect.op} {', '.join(map(str, wanted))})"
        if not bad:
            return ItemVerdict(Status.PASSED, detail, tuple(out.evidence))
        return ItemVerdict(Status.FAILED, detail, tuple(out.evidence), (at_plan(ctx.plan, FAILED, detail,
                                                                                 ctx.item.line),))
    if expect.kind == "missing":
        ok = out.code != 0
        detail = f"{shown} " + ("finds no such file, as expected" if ok else "finds the file the item says is gone")
        return ItemVerdict(Status.PASSED if ok else Status.FAILED, detail, tuple(out.evidence),
                           () if ok else (at_plan(ctx.plan, FAILED, detail, ctx.item.line),))
    if out.code == 0:
        return ItemVerdict(Status.PASSED, f"{shown} succeeds" + _summary(out), tuple(out.evidence))
    detail = f"{shown} fails" + (": no match" if _is_grep(line) else f" (exit {out.code})")
    return ItemVerdict(Status.FAILED, detail, tuple(out.evidence), (at_plan(ctx.plan, FAILED, detail, ctx.item.line),))


def _comment(ctx: ItemContext) -> ItemVerdict:
    """A ``# caption`` over commands: its verdict is theirs (the commands up to the next comment)."""
    following = []
    for item in _siblings(ctx, after=True):
        if item.text.lstrip().startswith("#"):
            break
        following.append(item)
    verdicts = []
    for item in following:
        line, prose = split_command(item.text, item.text)
        if regex.match(r"(?:grep|egrep|git grep|wc|test|\[|ls|head|cat|find)\b", line):
            sub = ItemContext(item, ctx.task, ctx.plan, ctx.lessons, ctx.params, {"cmd": line}, ctx.rule_id,
                              ctx.files, item.text)
            verdicts.append((item, evaluate(sub, line, prose)))
    if not verdicts:
        return review("a comment with no file command under it")
    status = worst(v.status for _, v in verdicts)
    reason = "judged by the commands under it: " + "; ".join(f"line {i.line}: {v.status.value}" for i, v in verdicts)
    evidence = tuple(e for _, v in verdicts for e in v.evidence)
    return ItemVerdict(status, reason, evidence, basis=combined((v.status, v.basis) for _, v in verdicts))


# quoted or backticked text, the first delimiter deciding: "```json" is the text ```json
_QUOTED = regex.compile(r"([`\"])((?:(?!\1).)+)\1")
_GREP_WHERE = regex.compile(r"\b(?:in|across|under|within)\s+(?:`(?P<a>[^`\s]+)`|(?P<b>[\w.\-]+/[\w./\-*]*|[\w.\-*]+\.\w{1,6}))")


def _grep_for(ctx: ItemContext, text: str) -> ItemVerdict:
    """"grep for `A` or `B` in `src/` returns ≥ 2 lines": each backticked or double-quoted text is a grep pattern
    run over the path the item names (else the item's files, a guess); the words after say what to expect.
    Unquoted words ("grep for percentage patterns") are a description, not a pattern: review."""
    wanted = [m.group(2) for m in _QUOTED.finditer(text)]
    where = _GREP_WHERE.search(text)
    operand = (where.group("a") or where.group("b")) if where else None
    wanted = [w for w in wanted if w != operand]
    if not wanted:
        return review("the item describes a search but quotes no pattern to grep for", needs="human")
    any_of = bool(regex.search(r'[`"]\s+or\s+[`"]', text))
    prose = _QUOTED.sub(" ", text)
    hits = {}
    for needle in wanted:
        line = f"grep -rE {_shell_quote(needle)} {_shell_quote(operand)}" if operand else \
            f"grep -E {_shell_quote(needle)}"  # no path: the item's files
        hits[needle] = evaluate(ctx, line, prose)
    passed = [n for n, v in hits.items() if v.status is Status.PASSED]
    ok = bool(passed) if any_of else len(passed) == len(wanted)
    verdicts = list(hits.values())
    if any(v.status is Status.NEEDS_REVIEW for v in verdicts) and not ok:
        return review("; ".join(v.reason for v in verdicts))
    evidence = tuple(e for v in verdicts for e in v.evidence[:1])
    reason = "; ".join(v.reason for v in verdicts)
    basis = combined((v.status, v.basis) for v in verdicts)
    if ok:
        return ItemVerdict(Status.PASSED, reason, evidence, basis=basis)
    return ItemVerdict(Status.FAILED, reason, evidence, (at_plan(ctx.plan, FAILED, reason, ctx.item.line),),
                       basis=basis)


def _json_files(ctx: ItemContext) -> ItemVerdict:
    """Every JSON file of the item parses (what ``jq .`` would say)."""
    import json

    files = [f for f in ctx.files if f.endswith(".json")]
    if not files:
        return review("the item is about no .json file")
    for rel in files:
        source = ctx.plan.run.read(rel)
        try:
            json.loads(source.text if hasattr(source, "text") else "")
        except ValueError as exc:
            line, column = getattr(exc, "lineno", 1), getattr(exc, "colno", 1)
            message = f"not valid JSON: {getattr(exc, 'msg', exc)}"
            return ItemVerdict(Status.FAILED, f"{rel}: {message}", (), (at_file(
                ctx.plan, FAILED, message, rel, line, column, plan_line=ctx.item.line, hint="fix the JSON syntax"),),
                basis=CERTAIN)
    return ItemVerdict(Status.PASSED, f"valid JSON: {', '.join(files)}", basis=CERTAIN)


def _lines_from_neighbour(ctx: ItemContext) -> Expect | None:
    """``wc -l file`` followed by ``# Expected: 400+ lines``."""
    for item in _siblings(ctx, after=True)[:1]:
        found = _EXPECTED_LINES.match(item.text.strip())
        if found:
            return Expect("number", "≥", int(found.group("n")))
    return None


def _siblings(ctx: ItemContext, after: bool):
    items = [i for i in ctx.plan.plan.checklist if i.task == ctx.item.task and i.section == ctx.item.section]
    items.sort(key=lambda i: (i.line, i.column))
    return [i for i in items if (i.line > ctx.item.line if after else i.line < ctx.item.line)]


def _localize(raw: str, ctx: ItemContext) -> str | None:
    text = clean(raw)
    if regex.match(r"^(?:~|\$HOME\b|\$\{HOME\})", text):
        return None  # the author's home folder is not the project: any tail of it would be a guess
    if regex.match(r"^(?:/|[A-Za-z]:[\\/])", text):
        return local_tail(text, ctx)
    return text[2:] if text.startswith("./") else text


def _summary(out: Output) -> str:
    if out.counts:
        return f" ({', '.join(map(str, out.counts))})"
    return f": {out.lines[0][:80]}" if out.lines else ""


def _is_wc(line: str) -> bool:
    return bool(regex.search(r"(?:^|\|)\s*wc\s+-l\b", line)) and "[" not in line


def _is_grep(line: str) -> bool:
    return bool(regex.match(r"\s*(?:git\s+)?[ef]?grep\b", line))


def _is_grep_count(line: str) -> bool:
    return _is_grep(line) and bool(regex.search(r"\s-\w*c", line)) and "|" not in line


def _inside_quotes(text: str, at: int) -> bool:
    return text[:at].count('"') % 2 == 1 or text[:at].count("'") % 2 == 1


def _shell_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
