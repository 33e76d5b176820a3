"""``language``: "Russian explanatory text, English code", "English for code, config", "All tooltips in Russian".

Groups ``prose`` and ``code`` name languages ("Russian", "English", "русский"); their scripts are the
expected ones (``settings.prose_script`` overrides the prose one). Prose: each paragraph, list item, quote
and table row, without inline code, links and quoted strings, fails only when clearly in another language
(see ``_language.judge``). Code: letters of the prose script outside comments and strings fail. Words that
mix scripts (``normально``) are reported as warnings. Params: ``scope: tooltips`` judges the tooltip texts
of the item's files instead (a tooltip with no letter of the script and three plain lower-case words or
more fails; SQL and identifiers are not words).
"""
from __future__ import annotations

import regex

from ...checks.common import at_file, quote
from ...diagnostic import Status
from ...results import CERTAIN, HEURISTIC, Evidence
from ..api import ItemContext, ItemVerdict, review
from ..prose.language import code_letters, judge, mixed_words
from ..prose.scripts import script_of_language, share
from ..prose.tooltips import tooltips
from ..prose.units import units

WRONG_PROSE, CODE_SCRIPT, MIXED, WRONG_TOOLTIP = "CHK028", "CHK029", "CHK030", "CHK042"


PARAMS = {"scope": str}

def check(ctx: ItemContext) -> ItemVerdict:
    settings = ctx.plan.settings
    prose_name, code_name = ctx.groups.get("prose"), ctx.groups.get("code")
    prose = settings.prose_script or (script_of_language(prose_name) if prose_name else None)
    code = (script_of_language(code_name) or settings.code_script) if code_name else None
    if ctx.params.get("scope") == "tooltips":
        return _tooltips(ctx, prose) if prose else review("no language named for the tooltips")
    if prose is None and code is None:
        return review("the item names no language this check knows")
    failures, warnings, diagnostics, judged = [], [], [], 0
    for rel in ctx.lessons:
        lesson = ctx.lesson(rel)
        if lesson is None:
            continue
        if prose:
            for unit in units(lesson):
                verdict = judge(unit.text, prose)
                judged += 1
                if verdict.other:
                    failures.append(f"{rel}:{unit.line}")
                    diagnostics.append(at_file(ctx.plan, WRONG_PROSE, f"this {unit.kind.replace('_', ' ')} is not "
                                               f"in the planned language ({verdict.share:.0%} of its letters are "
                                               f"{prose})", rel, unit.line, unit.column, plan_line=ctx.item.line,
                                               hint=f"write explanatory text in {prose_name or prose}"))
            for line, column, word in mixed_words(lesson, prose, "Latin" if prose != "Latin" else "Cyrillic"):
                warnings.append(f"{rel}:{line} {quote(word)}")
                diagnostics.append(at_file(ctx.plan, MIXED, f"{quote(word)} mixes two alphabets", rel, line,
                                           column, end_column=column + len(word), plan_line=ctx.item.line,
                                           hint="retype the word in one alphabet (a keyboard layout slip)"))
        if code:
            foreign = prose if prose and prose != code else None
            for line, column, letters in code_letters(lesson, foreign or code, None if foreign else code):
                failures.append(f"{rel}:{line} (code)")
                diagnostics.append(at_file(ctx.plan, CODE_SCRIPT, f"{quote(letters)} in code outside comments and "
                                           f"strings", rel, line, column, end_column=column + len(letters),
                                           plan_line=ctx.item.line, hint=f"code should be in {code_name}; "
                                           "explanations belong in comments or prose"))
    note = f"; mixed-alphabet words: {', '.join(warnings[:5])}" if warnings else ""
    if failures:
        return ItemVerdict(Status.FAILED, f"not in the planned language: {', '.join(failures[:8])}"
                           + (f" (+{len(failures) - 8} more)" if len(failures) > 8 else "") + note,
                           (), tuple(diagnostics))
    what = " and ".join(p for p in (f"{judged} text units in {prose}" if prose else "",
                                    f"code in {code} letters only" if code else "") if p)
    return ItemVerdict(Status.PASSED, (what or "nothing to judge") + note,
                       tuple(Evidence(rel, 1) for rel in ctx.lessons), tuple(diagnostics))


def _tooltips(ctx: ItemContext, script: str) -> ItemVerdict:
    failures, diagnostics, total, whole = [], [], 0, 0
    for rel in ctx.files or ctx.lessons:
        source = ctx.plan.run.read(rel)
        text = getattr(source, "text", None)
        if text is None:
            continue
        for offset, tip in tooltips(text):
            total += 1
            fraction, letters = share(tip, script)
            # plain words, not SQL keywords or identifiers ("MERGE ON primary_key" is code, not English), nor a
            # list of field names ("envelope: before, after, source, op")
            prose = regex.sub(r"[\w.-]+(?:\s*,\s*[\w.-]+){2,}", " ", tip)
            words = len(regex.findall(r"(?<![\w./])\p{Ll}{3,}(?![\w./])", prose))
            plain_phrase = fraction == 0 and letters >= 15 and words >= 3
            if judge(tip, script, 20).other or plain_phrase:
                whole += plain_phrase  # a phrase with no letter of the script: certain, not a mixed reading
                line, column = source.location(offset)
                failures.append(f"{rel}:{line}")
                diagnostics.append(at_file(ctx.plan, WRONG_TOOLTIP, f"tooltip {quote(tip, 50)} has no {script} "
                                           "text", rel, line, column, plan_line=ctx.item.line,
                                           hint="write the tooltip in the planned language"))
    if not total:
        return review("no tooltip found in " + (", ".join(ctx.files or ctx.lessons) or "the item's files"))
    if failures:
        return ItemVerdict(Status.FAILED, f"{len(failures)} of {total} tooltips are not in {script}: "
                           + ", ".join(failures[:8]), (), tuple(diagnostics), basis=CERTAIN if whole else HEURISTIC)
    return ItemVerdict(Status.PASSED, f"all {total} tooltips are in {script}")
