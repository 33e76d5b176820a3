"""``command``: items that are shell commands ("grep -c X file", "`test -f x`", "`wc -l f` should be > 200").

Simple file checks (grep, wc -l, test, ls, head, cat, find, jq .) are interpreted natively, never executed
(``lessonlint.checklist.native``); the expectation comes from the words around the command ("returns no
results", "returns 0", "shows 24 occurrences", "should be > 200"), else the command must succeed. Other
commands (npm run build, npx tsc, docker, curl) need review, with the command shown.

Groups: ``cmd`` (the command line), ``comment`` (a ``# ...`` line: judged by the commands under it),
``grepfor`` ("grep for \"A\" or \"B\"": the item's lessons must contain the quoted text).
"""
from __future__ import annotations

import regex

from ...checks.common import at_file, at_plan, quote
from ...diagnostic import Status
from ..api import ItemContext, ItemVerdict, review
from ..native import Files, Output, Unsupported, run_line
from ..paths import clean, local_tail
from ..shell import Unreadable
from ._expect import Expect, expectation, holds, value, zero

PARAMS = {"json_files": bool}
MISSING, FAILED, PRESENT, UNREADABLE = "CHK001", "CHK010", "CHK011", "CHK012"
_PROSE = regex.compile(r"\s+(?=(?:for each file|returns?|shows?|should|must|outputs?|prints?|gives?|confirms?|"
                       r"to verify|[-—–]\s|→|->|\(|#))", regex.I)
_EXPECTED_LINES = regex.compile(r"^#\s*expected:?\s*(?P<n>\d+)\+?\s*lines", regex.I)
def check(ctx: ItemContext) -> ItemVerdict:
    if ctx.params.get("json_files"):
        return _json_files(ctx)
    if ctx.groups.get("comment") is not None:
        return _comment(ctx)
    if ctx.groups.get("grepfor"):
        return _grep_for(ctx, ctx.groups["grepfor"])
    line, prose = split_command(ctx.groups.get("cmd", ""), ctx.text)
    return evaluate(ctx, line, prose)


def split_command(cmd: str, text: str) -> tuple[str, str]:
    """(command line, the words around it that say what is expected)."""
    cmd = cmd.strip()
    found = _PROSE.search(cmd)
    if found and not _inside_quotes(cmd, found.start()):
        return cmd[:found.start()].strip(), cmd[found.start():] + " " + text.replace(cmd, " ")
    return cmd, text.replace(cmd, " ")


def evaluate(ctx: ItemContext, line: str, prose: str) -> ItemVerdict:
    """Interpret ``line`` over the project's files and compare its output with what ``prose`` expects."""
    expect = expectation(prose)
    files = Files(ctx.plan.run, lambda raw: _localize(raw, ctx), ctx.lessons or ctx.files)
    try:
        out = run_line(line, files)
    except Unsupported as exc:
        if exc.needs != "missing":
            return review(str(exc), needs=exc.needs)
        if expect.kind == "missing":
            return ItemVerdict(Status.PASSED, f"{exc} (as expected)")
        return ItemVerdict(Status.FAILED, str(exc), (), (at_plan(ctx.plan, MISSING, str(exc), ctx.item.line),))
    except (Unreadable, regex.error, ValueError) as exc:
        message = f"cannot read the command {quote(line)}: {exc}"
        diag = at_plan(ctx.plan, UNREADABLE, message, ctx.item.line, "quote or escape the pattern")
        return ItemVerdict(Status.NEEDS_REVIEW, message, (), (diag,))
    except TimeoutError:
        return review(f"{quote(line)}: the pattern took too long")
    if expect.kind == "default" and _is_wc(line):
        expect = _lines_from_neighbour(ctx) or expect
        if expect.kind == "default":
            return review(f"{quote(line)} counts {', '.join(map(str, out.counts))} lines; the item gives no threshold",
                          out.evidence)
    return _compare(ctx, line, out, expect)


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
    if expect.kind == "number":
        values = list(out.counts) if expect.each else [value(out)]
        wanted = list(expect.each) if expect.each else [expect.n]
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
    if out.code == 0 and (not out.counts or all(out.counts) or not _is_grep_count(line)):
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
    statuses = [v.status for _, v in verdicts]
    status = Status.FAILED if Status.FAILED in statuses else (
        Status.NEEDS_REVIEW if Status.NEEDS_REVIEW in statuses else Status.PASSED)
    reason = "judged by the commands under it: " + "; ".join(f"line {i.line}: {v.status.value}" for i, v in verdicts)
    evidence = tuple(e for _, v in verdicts for e in v.evidence)
    return ItemVerdict(status, reason, evidence)


def _grep_for(ctx: ItemContext, text: str) -> ItemVerdict:
    """"grep for \"A\" or \"B\"": any of the quoted texts (all, with "and") in the item's lessons."""
    wanted = regex.findall(r'"([^"]+)"', text) or [w.strip() for w in regex.split(r",|\band\b", text) if w.strip()]
    if not wanted:
        return review("nothing quoted to grep for")
    any_of = bool(regex.search(r'"\s+or\s+"', text))
    hits = {}
    for needle in wanted:
        line = f"grep -E {_shell_quote(needle)}"
        verdict = evaluate(ctx, line, "")
        hits[needle] = verdict
    passed = [n for n, v in hits.items() if v.status is Status.PASSED]
    ok = bool(passed) if any_of else len(passed) == len(wanted)
    if any(v.status is Status.NEEDS_REVIEW for v in hits.values()) and not ok:
        return review("; ".join(v.reason for v in hits.values()))
    evidence = tuple(e for v in hits.values() for e in v.evidence[:1])
    reason = f"found {', '.join(quote(p) for p in passed) or 'none'} of {', '.join(quote(w) for w in wanted)}"
    if ok:
        return ItemVerdict(Status.PASSED, reason, evidence)
    return ItemVerdict(Status.FAILED, reason, evidence, (at_plan(ctx.plan, FAILED, reason, ctx.item.line),))


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
                ctx.plan, FAILED, message, rel, line, column, plan_line=ctx.item.line, hint="fix the JSON syntax"),))
    return ItemVerdict(Status.PASSED, f"valid JSON: {', '.join(files)}")


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
    if regex.match(r"^(?:/|~|[A-Za-z]:[\\/])", text):
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
