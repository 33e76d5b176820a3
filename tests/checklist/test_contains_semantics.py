""""Contains" items read by their grammar (issue 10): the whole file is searched, only literals fail an item,
negation and alternatives, each file of a named set, numbered files, terms that end where their script does."""
from __future__ import annotations

import pytest

from .project import run_case

SESSIONS = {
    "s/01-a.md": "---\ninstrument: cascadia\nmodule: \"Foundations\"\nprerequisite: null\n---\n# A\n\n## Warm-Up\n",
    "s/02-b.md": "---\ninstrument: cascadia\nmodule: Foundations\nprerequisite: 1\n---\n# B\n\n## Warm-Up\n",
    "s/03-c.md": "---\ninstrument: cascadia\nmodule: Foundations\nprerequisite: 2\n---\n# C\n",
}


def judged(tmp_path, item, files, task_files=None, strict=False, section="verify"):
    case = {"item": item, "files": files, "section": section}
    if task_files is not None:
        case["task_files"] = task_files
    return run_case(tmp_path, case, {"strict": True} if strict else None)


@pytest.mark.parametrize("item", [
    "Each file contains `instrument: cascadia` in frontmatter",
    'Each file contains `module: "Foundations"`',  # YAML quotes are optional either way
    "Session 01 contains `prerequisite: null`, Session 02 contains `prerequisite: 1`, "
    "Session 03 contains `prerequisite: 2`",
])
def test_frontmatter_is_searched(tmp_path, item):
    result, _ = judged(tmp_path, item, SESSIONS)
    assert result.status.value == "passed", result.reason


def test_each_file_needs_the_term_in_every_file(tmp_path):
    result, run = judged(tmp_path, "Each file contains `## Warm-Up`", SESSIONS)
    assert result.status.value == "failed" and result.basis == "certain"
    assert [d.path for d in run.diagnostics if d.code == "CHK003"] == ["s/03-c.md"]


def test_numbered_files_and_ranges(tmp_path):
    assert judged(tmp_path, "Session 02 contains `prerequisite: 1`", SESSIONS)[0].status.value == "passed"
    result, _ = judged(tmp_path, "Sessions 01-03 contain `## Warm-Up`", SESSIONS)
    assert result.status.value == "failed" and "03-c" in result.reason


@pytest.mark.parametrize("item, status", [
    ("No file contains `legacyApi`", "passed"),
    ("No file contains `renderChart`", "failed"),
    ("The lesson does NOT contain `renderChart`", "failed"),
    ("Contains `o'clock` or `noon`", "passed"),
    ('Contains `viewBox="0 0 9 9"` (or `0 0 1 1` in a template literal)', "passed"),
    ("Uses one of `bass`, `lead`, `pad`", "passed"),
    ("No use of `trait` in code examples", "passed"),  # "traits" in prose: neither code nor the word
])
def test_negation_and_alternatives(tmp_path, item, status):
    files = {"l/a.mdx": "# A\n\nrenderChart() at noon, traits of `0 0 1 1`.\n\n```js\nconst type = 'lead'\n```\n"}
    result, _ = judged(tmp_path, item, files)
    assert result.status.value == status, result.reason


@pytest.mark.parametrize("item", [
    "Contains Redis",  # a name
    "Uses CSS logical properties",  # an acronym
    "Has a two-column layout",  # a hyphenated descriptor
    "Contains payload.before",  # code written in prose, not in backticks
])
def test_prose_words_never_fail_alone(tmp_path, item):
    result, run = judged(tmp_path, item, {"l/a.mdx": "# A\n\nmargin-inline: 0;\n"})
    assert result.status.value == "needs_review" and result.basis == "heuristic", result.reason
    assert not [d for d in run.diagnostics if d.code.startswith("CHK")]
    assert judged(tmp_path, item, {"l/a.mdx": "# A\n\nmargin-inline: 0;\n"}, strict=True)[0].status.value == "failed"


@pytest.mark.parametrize("item, text", [
    ('Contains "interface keyword"', "Use the `interface` keyword.\n"),  # Markdown marks between the words
    ('Heading contains "Wave Fold"', "## Wave Folder\n"),  # a literal is a substring, as grep finds it
    ("Uses `readDir()`", "readDir({ root })\n"),  # a call written short
    ("Has `'retries: 3'`", "retries: 3\n"),  # the quotes are the plan's
    ("Lists all three `memory-*` extras", "pip install x[memory-pg]\n"),  # a glob the plan wrote
    ("Has two Callouts", "<Callout>tip</Callout>\n"),  # a plural of a component name
])
def test_a_literal_found_as_written_in_another_form(tmp_path, item, text):
    result, _ = judged(tmp_path, item, {"l/a.mdx": "# A\n\n" + text})
    assert result.status.value == "passed", result.reason


@pytest.mark.parametrize("text", ["설정은 `config.yaml`에서 읽는다.\n", "Смотрите в `Dockerfile`е.\n"])
def test_a_term_ends_where_its_script_ends(tmp_path, text):
    term = "config.yaml" if "config" in text else "Dockerfile"
    result, _ = judged(tmp_path, f"Contains `{term}`", {"l/a.mdx": "# A\n\n" + text.replace("`", "")})
    assert result.status.value == "passed", result.reason


def test_an_astro_component_script_is_searched(tmp_path):
    files = {"src/Card.astro": "---\ninterface Props { title: string }\n---\n<div>{Astro.props.title}</div>\n"}
    result, _ = judged(tmp_path, "src/Card.astro contains `interface Props`", files)
    assert result.status.value == "passed", result.reason


def test_each_over_files_the_item_does_not_name_is_left_for_review(tmp_path):
    """A task without <files>: "each file" would be a guess at which files (a pass there is not evidence)."""
    result, _ = judged(tmp_path, "Each file contains `instrument: cascadia`", SESSIONS, task_files=[],
                       section="acceptance_criteria")
    assert result.status.value in ("needs_review", "passed")


def test_several_sentences_are_each_judged(tmp_path):
    item = "l/a.mdx contains `renderChart`. l/b.mdx contains `drawChart`."
    result, _ = judged(tmp_path, item, {"l/a.mdx": "renderChart\n", "l/b.mdx": "other\n"})
    assert result.status.value == "failed" and "sentence 2" in result.reason


def test_a_pass_that_also_asks_what_files_cannot_show_needs_review(tmp_path):
    item = "Frontmatter has `title: A`, checked by the e2e tests"
    result, _ = judged(tmp_path, item, {"l/a.mdx": "---\ntitle: A\n---\n# A\n"})
    assert result.code == "core/frontmatter" and result.status.value == "needs_review"
    assert "`title`" in result.reason and "needs a project command" in result.reason


def test_files_of_a_kind_the_plan_does_not_have_are_not_searched(tmp_path):
    files = {"src/d/A.tsx": "export const A = 1;\n", "src/d/index.ts": "export * from './A';\n"}
    result, run = judged(tmp_path, "All 7 MDX files import from '../../components/d'", files,
                         section="verification")
    assert result.status.value == "needs_review" and not run.diagnostics, result.reason


def test_a_size_written_as_code_writes_it(tmp_path):
    files = {"qa.ts": "const viewports = [{ width: 390, height: 844 }];\n"}
    result, _ = judged(tmp_path, "qa.ts uses mobile `390x844`", files)
    assert result.status.value == "passed", result.reason


def test_a_conditional_item_needs_review(tmp_path):
    result, _ = judged(tmp_path, "If the gate fails, `test ! -f l/a.mdx` exits 0", {"l/a.mdx": "# A\n"})
    assert result.status.value == "needs_review" and "conditional" in result.reason


def test_the_absence_of_prose_words_is_no_pass(tmp_path):
    result, _ = judged(tmp_path, "Uses the accent colour without becoming loud or hype-driven", {"l/a.css": "a{}\n"})
    assert result.status.value == "needs_review", result.reason
