"""Suppression comments silence exactly their line and code; bad or unused ones are reported."""
from __future__ import annotations

import json

from .conftest import make_course

HEAD = '---\ntitle: "Rows"\n---\n'
BAD = "Fewer than <3 rows.\n"  # MDX001


def _run(cli, root, *paths, extra=()):
    code, out, err = cli("check", "--root", root, "--format", "json", *extra, *paths)
    assert err == "", err
    return code, [(d["code"], d["path"].rsplit("/", 1)[-1], d["line"]) for d in json.loads(out)["diagnostics"]]


def _course(tmp_path, body: str, name: str = "c"):
    return make_course(tmp_path / name, lesson=HEAD + body)


def test_without_comment_both_lines_are_reported(cli, tmp_path):
    root = _course(tmp_path, "SELECT\n" + BAD + BAD)
    assert _run(cli, root)[1] == [("MDX001", "01-select.mdx", 5), ("MDX001", "01-select.mdx", 6)]


def test_next_line_silences_exactly_its_line_and_code(cli, tmp_path):
    body = "SELECT\n{/* lessonlint-disable-next-line MDX001 -- a heart, not a tag */}\n" + BAD + BAD
    code, found = _run(cli, _course(tmp_path, body))
    assert found == [("MDX001", "01-select.mdx", 7)]  # line 6 silenced, line 7 (same code) still reported
    assert code == 1


def test_next_line_with_another_code_silences_nothing_and_is_unused(cli, tmp_path):
    body = "SELECT\n{/* lessonlint-disable-next-line MDX009 */}\n" + BAD
    found = _run(cli, _course(tmp_path, body))[1]
    assert ("MDX001", "01-select.mdx", 6) in found
    assert ("SUP001", "01-select.mdx", 5) in found


def test_range_and_unused_code_in_it(cli, tmp_path):
    body = ("SELECT\n{/* lessonlint-disable MDX001, MDX009 */}\n" + BAD + BAD
            + "{/* lessonlint-enable MDX001 MDX009 */}\n" + BAD)
    found = _run(cli, _course(tmp_path, body))[1]
    assert found == [("SUP001", "01-select.mdx", 5), ("MDX001", "01-select.mdx", 9)]
    # SUP001 names the unused code only
    code, out, _ = cli("check", "--root", tmp_path / "c", "--format", "concise")
    assert "`lessonlint-disable MDX009` suppresses nothing" in out


def test_file_level_silences_plan_checks_in_the_lesson(cli, tmp_path):
    body = "{/* lessonlint-disable-file ART004 ART003 -- planned for the next sprint */}\nno keyword here\n"
    root = make_course(tmp_path / "c", lesson=HEAD + body, plan=_plan_min_lines(50))
    code, found = _run(cli, root)
    assert found == [] and code == 0
    (root / "lessons" / "01-select.mdx").write_text(HEAD + "no keyword here\n", encoding="utf-8")
    assert [c for c, _, _ in _run(cli, root)[1]] == ["ART004", "ART003"]


def _plan_min_lines(n: int) -> str:
    from .conftest import PLAN

    return PLAN.replace("min_lines: 3", f"min_lines: {n}")


def test_malformed_directives_are_reported(cli, tmp_path):
    body = ("SELECT\n"
            "{/* lessonlint-disable-next-line */}\n"  # 5: no code
            "{/* lessonlint-disable-next-line MDX -- prefix */}\n"  # 6: not a code
            "{/* lessonlint-disable-next-line ART04 */}\n"  # 7: unknown
            "{/* lessonlint-disabel MDX001 */}\n"  # 8: unknown directive
            "{/* lessonlint-enable MDX001 */}\n"  # 9: closes nothing
            "{/* lessonlint-disable MDX009 */}\n"  # 10: never closed (and unused)
            "{/* lessonlint-disable-next-line SUP001 */}\n")  # 11: SUP cannot be suppressed
    found = _run(cli, _course(tmp_path, body))[1]
    assert [(c, line) for c, _, line in found] == [
        ("SUP004", 5), ("SUP002", 6), ("SUP002", 7), ("SUP006", 8), ("SUP005", 9),
        ("SUP001", 10), ("SUP003", 10), ("SUP002", 11)]


def test_comments_in_code_and_inline_code_are_not_directives(cli, tmp_path):
    body = ("SELECT\n```mdx\n{/* lessonlint-disable-next-line MDX001 */}\n```\n"
            "Write `{/* lessonlint-disable-file MDX001 */}` to silence it.\n" + BAD)
    found = _run(cli, _course(tmp_path, body))[1]
    assert found == [("MDX001", "01-select.mdx", 9)]


def test_markdown_files_use_html_comments(cli, tmp_path):
    root = _course(tmp_path, "SELECT\n")
    plan = root / ".planning" / "phases" / "01-basics" / "01-01-PLAN.md"
    text = plan.read_text(encoding="utf-8").replace(
        '    - path: "lessons/01-select.mdx"',
        '    - path: "lessons/01-select.mdx"\n    - path: "lessons/02-missing.mdx"')
    plan.write_text(text, encoding="utf-8")
    assert [c for c, _, _ in _run(cli, root)[1]] == ["ART001"]
    suppressed = text.replace("<tasks>", "<!-- lessonlint-disable-file ART001 -- written next week -->\n<tasks>")
    plan.write_text(suppressed, encoding="utf-8")
    assert _run(cli, root)[1] == []
    # the MDX form means nothing in a .md file
    plan.write_text(text.replace("<tasks>", "{/* lessonlint-disable-file ART001 */}\n<tasks>"), encoding="utf-8")
    assert [c for c, _, _ in _run(cli, root)[1]] == ["ART001"]


def test_unused_is_not_reported_for_disabled_codes(cli, tmp_path):
    body = "SELECT\n{/* lessonlint-disable-next-line MDX009 */}\nplain\n"
    root = _course(tmp_path, body)
    assert ("SUP001", "01-select.mdx", 5) in _run(cli, root)[1]
    assert _run(cli, root, extra=("--ignore", "MDX009"))[1] == []


def test_unused_plan_suppression_is_not_judged_when_another_plan_was_not_run(cli, tmp_path):
    root = _course(tmp_path, "SELECT\n{/* lessonlint-disable-file ART004 */}\n")
    other = root / ".planning" / "phases" / "02-more"
    other.mkdir(parents=True)
    plan = (root / ".planning" / "phases" / "01-basics" / "01-01-PLAN.md").read_text(encoding="utf-8")
    (other / "02-01-PLAN.md").write_text(plan.replace('contains: "SELECT"', 'contains: "JOIN"'), encoding="utf-8")
    assert _run(cli, root)[1] == []  # used: silences the second plan's ART004
    only_first = root / ".planning" / "phases" / "01-basics" / "01-01-PLAN.md"
    assert _run(cli, root, only_first)[1] == []  # second plan not run: "unused" cannot be known
    (other / "02-01-PLAN.md").unlink()
    assert _run(cli, root)[1] == [("SUP001", "01-select.mdx", 5)]  # every plan ran: truly unused


def test_pre_commit_style_run_on_the_lesson_applies_suppressions(cli, tmp_path):
    body = "no keyword\n{/* lessonlint-disable-next-line MDX001 */}\n" + BAD
    root = _course(tmp_path, body)
    code, found = _run(cli, root, root / "lessons" / "01-select.mdx")
    assert found == [("ART004", "01-select.mdx", 1)] and code == 1
