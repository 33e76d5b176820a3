"""Machine formats: github (golden), json (golden), sarif (official schema), junit; several outputs per run."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from lessonlint import __version__
from lessonlint.diagnostic import Diagnostic, Related, Severity
from lessonlint.render import FORMATS, RenderOptions, render
from lessonlint.render.github import annotation, escape_data, escape_property
from lessonlint.render.sarif import sarif_log
from lessonlint.results import RunResult

from .conftest import CACHE, EXAMPLE, REPO, make_course

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SARIF_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"  # ships the official sarif-2.1.0-rtm.5.json
SARIF_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("LESSONLINT_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_github_golden(cli):
    # run from the repository: paths are made relative to the workspace, as GitHub needs them
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "github", cwd=REPO)
    assert code == 1
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in out.splitlines())
    _golden("example-github.txt", out)


def test_json_golden(cli):
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "json")
    root = str(EXAMPLE.resolve())
    text = out.replace(json.dumps(root)[1:-1], "<root>").replace(f'"version": "{__version__}"', '"version": "<v>"')
    _golden("example-json.json", text)
    data = json.loads(out)
    assert all(d["url"].endswith(f"/rules/docs/{d['code']}.md") and d["name"] for d in data["diagnostics"])


def test_github_escaping_follows_the_workflow_command_rules():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    d = Diagnostic("ART004", "`a,b` not found: 50%", "dir,x/a:b.mdx", 3, 2, end_line=3, end_column=5,
                   severity=Severity.WARNING, hint="add it\nhere",
                   related=(Related(".planning/p.md", 9, "required here"),))
    assert annotation(d, "course/") == (
        "::warning file=course/dir%2Cx/a%3Ab.mdx,line=3,col=2,endLine=3,endColumn=5,title=lessonlint ART004::"
        "`a,b` not found: 50%25%0Ahelp: add it%0Ahere%0Anote: required here: course/.planning/p.md:9"
        "%0Ahttps://github.com/lessonlint/lessonlint/blob/main/rules/docs/ART004.md")
    whole_file = Diagnostic("PLN009", "cannot read", "p.md", severity=Severity.INFO)
    assert annotation(whole_file).startswith("::notice file=p.md,title=lessonlint PLN009::cannot read%0A")


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema, fetched once from the npm registry into .cache/ (skip when offline)."""
    target = CACHE / "sarif" / "sarif-2.1.0-rtm.5.json"
    if not target.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot fetch the SARIF schema")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            done = subprocess.run([npm, "pack", SARIF_PACKAGE, "--pack-destination", str(target.parent), "--silent"],
                                  capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            pytest.skip("npm pack timed out (no network?)")
        if done.returncode != 0 or not done.stdout.strip():
            pytest.skip(f"npm pack {SARIF_PACKAGE} failed (no network?): {done.stderr.strip()[:200]}")
        tarball = target.parent / done.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as tar:
            target.write_bytes(tar.extractfile(SARIF_MEMBER).read())
    return json.loads(target.read_text(encoding="utf-8"))


def _validate(schema: dict, log: dict) -> None:
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_schema_really_rejects_bad_logs(sarif_schema):
    log = sarif_log(RunResult("0", "/r", (), (Diagnostic("MDX001", "m", "a.mdx", 1, 1),)))
    _validate(sarif_schema, log)
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(AssertionError):
        _validate(sarif_schema, log)


def test_sarif_of_the_seed_case_is_valid(cli, corpus_case, sarif_schema):
    root = corpus_case("debezium-course/cases/09-02")
    code, out, _ = cli("check", "--root", root, "--format", "sarif")
    log = json.loads(out)
    _validate(sarif_schema, log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["results"], "the seed case has findings"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    assert len(ids) == len(set(ids))


def test_sarif_of_a_failing_fixture_is_valid_and_complete(cli, sarif_schema):
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "sarif")
    log = json.loads(out)
    _validate(sarif_schema, log)
    run = log["runs"][0]
    assert code == 1 and log["version"] == "2.1.0"
    for rule in run["tool"]["driver"]["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "helpUri"} <= set(rule)
        assert rule["helpUri"].endswith(f"/rules/docs/{rule['id']}.md")
    lesson_results = [r for r in run["results"] if r["ruleId"] == "ART004"]
    assert lesson_results[0]["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] > 0
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")


def test_sarif_edge_cases_are_valid(sarif_schema):
    diags = (
        Diagnostic("PLN009", "unreadable", "plans/ä b.md"),  # whole file: no region
        Diagnostic("MDX001", "m", "урок.mdx", 3, None),  # no column
        Diagnostic("ART004", "m", "a.mdx", 2, 5, end_line=2, end_column=5,  # empty span: no endColumn
                   related=(Related("p.md", 7, "required here"), Related("p.md", None, "plan"))),
        Diagnostic("SUP001", "m", "a.mdx", 4, 1, end_line=6, end_column=3, severity=Severity.INFO),
    )
    log = sarif_log(RunResult("0", "/r o/t", (), diags, errors=("x: internal error: boom",)))
    _validate(sarif_schema, log)
    results = log["runs"][0]["results"]
    assert "region" not in results[0]["locations"][0]["physicalLocation"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/%C3%A4%20b.md"
    assert "endColumn" not in results[2]["locations"][0]["physicalLocation"]["region"]
    assert len(results[2]["relatedLocations"]) == 1 and results[3]["level"] == "note"
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_junit_suites_per_plan_and_cases_per_item(cli, tmp_path):
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "junit", cwd=tmp_path)
    suites = ET.fromstring(out)
    names = [s.get("name") for s in suites]
    assert names[:-1] == sorted(str(p.relative_to(EXAMPLE)) for p in EXAMPLE.glob(".planning/**/*PLAN.md"))
    assert names[-1] == "files"
    json_data = json.loads(cli("check", "--root", EXAMPLE, "--format", "json")[1])
    for suite, plan in zip(suites, json_data["plans"]):
        items = [*plan["truths"], *plan["artifacts"], *plan["key_links"], *plan["checklist"]]
        assert int(suite.get("tests")) == len(items) == len(suite.findall("testcase"))
        assert int(suite.get("skipped")) == sum(1 for i in items if i["status"] == "needs_review")
    failed = [c for c in suites.iter("testcase") if c.find("failure") is not None]
    assert any("ART004 [error]" in c.find("failure").text and "docs: https://" in c.find("failure").text
               for c in failed)
    assert int(suites.get("failures")) == len(failed) and int(suites.get("tests")) == len(list(suites.iter("testcase")))


def test_junit_failed_item_with_suppressed_finding_is_skipped(cli, tmp_path):
    root = make_course(tmp_path / "c", lesson='---\ntitle: "x"\n---\n{/* lessonlint-disable-file ART004 */}\n')
    code, out, _ = cli("check", "--root", root, "--format", "junit")
    case = next(c for c in ET.fromstring(out).iter("testcase") if c.get("name").startswith("artifact:"))
    assert case.find("failure") is None
    assert "suppressed" in case.find("skipped").get("message")
    assert code == 0


def test_several_outputs_in_one_run(cli, tmp_path):
    sarif, junit = tmp_path / "out" / "r.sarif", tmp_path / "r.xml"
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "concise", "--format", f"sarif={sarif}",
                       "-f", f"junit={junit}")
    assert code == 1 and out.startswith(".planning/")
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert ET.fromstring(junit.read_text(encoding="utf-8")).tag == "testsuites"
    report = tmp_path / "report.json"
    code, out, _ = cli("check", "--root", EXAMPLE, "--format", "json", "--output", report)
    assert out == "" and json.loads(report.read_text(encoding="utf-8"))["summary"]["errors"] > 0


@pytest.mark.parametrize("args, words", [
    (["--format", "xml"], "unknown format"),
    (["--format", "json", "--format", "sarif"], "only one --format can go to standard output"),
    (["--format", "json=a.json", "--output", "b.json"], "every format has one"),
    (["--format", "json=", ], "no file name"),
    (["--format", "json=x.out", "--format", "sarif=x.out"], "same file"),
])
def test_bad_output_options_exit_2(cli, args, words, tmp_path):
    code, out, err = cli("check", "--root", EXAMPLE, *args, cwd=tmp_path)
    assert code == 2 and words in err and out == ""


def test_every_format_renders_an_empty_run():
    empty = RunResult(__version__, "/r", (), ())
    for fmt in FORMATS:
        render(empty, fmt, lambda p, n: None, RenderOptions())
