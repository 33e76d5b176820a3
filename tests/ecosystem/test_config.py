"""Config discovery, validation (file:line: key on every error) and its effect on a run."""
from __future__ import annotations

import json

import pytest

from lessonlint.config.load import ConfigError, find_config, load_config, settings_for
from lessonlint.diagnostic import Severity

from .conftest import make_course

SHORT = """\
---
title: "Reading rows"
---
Use select to read rows. Fewer than <3 rows.
"""  # ART004 (case), MDX001, and 4 lines


def _pyproject(root, body: str) -> None:
    (root / "pyproject.toml").write_text('[project]\nname = "course"\n\n[tool.lessonlint]\n' + body,
                                         encoding="utf-8")


def _codes(cli, root, *extra):
    code, out, _ = cli("check", "--root", root, "--format", "json", *extra)
    return code, [(d["code"], d["severity"]) for d in json.loads(out)["diagnostics"]]


@pytest.fixture
def short_course(tmp_path):
    return make_course(tmp_path / "c", lesson=SHORT)


def test_defaults_report_both_codes(cli, short_course):
    code, found = _codes(cli, short_course)
    assert code == 1
    assert ("ART004", "error") in found and ("MDX001", "error") in found


def test_select_by_prefix(cli, short_course):
    _pyproject(short_course, 'select = ["MDX"]\n')
    code, found = _codes(cli, short_course)
    assert {c for c, _ in found} == {"MDX001"}


def test_ignore_by_prefix_and_more_specific_select_wins(cli, short_course):
    _pyproject(short_course, 'ignore = ["MDX", "ART"]\nextend-select = ["ART004"]\n')
    code, found = _codes(cli, short_course)
    assert {c for c, _ in found} == {"ART004"}


def test_severity_override_changes_the_exit_code(cli, short_course):
    _pyproject(short_course, '[tool.lessonlint.severity]\nART = "warning"\nMDX001 = "info"\n')
    code, found = _codes(cli, short_course)
    assert ("ART004", "warning") in found and ("MDX001", "info") in found
    assert code == 0  # warnings and infos do not fail the run


def test_severity_off_ignores_and_a_more_specific_level_turns_it_back_on(cli, short_course):
    _pyproject(short_course, 'severity = { MDX = "off", ART = "off", ART004 = "warning" }\n')
    code, found = _codes(cli, short_course)
    assert found == [("ART004", "warning")]


def test_command_line_select_replaces_and_ignore_adds(cli, short_course):
    _pyproject(short_course, 'select = ["MDX"]\n')
    assert {c for c, _ in _codes(cli, short_course, "--select", "ART")[1]} == {"ART004"}
    assert _codes(cli, short_course, "--ignore", "MDX001")[1] == []


def test_isolated_ignores_the_config(cli, short_course):
    _pyproject(short_course, 'select = ["MDX"]\n')
    assert "ART004" in {c for c, _ in _codes(cli, short_course, "--isolated")[1]}


@pytest.mark.parametrize("body, line, words", [
    ('plan-glob = ["x"]\n', 5, ["unknown key 'plan-glob'", "did you mean 'plan-globs'"]),
    ('select = ["ART"]\n\n[tool.lessonlint.severity]\nART003 = "warning"\nMDX00l = "off"\n', 9, ["MDX00l"]),
    ('select = [\n  "ART",\n  "XYZ",\n]\n', 5, ["select", "'XYZ'"]),
    ('key-link-span = 0\n', 5, ["key-link-span", "at least 1"]),
    ('key-link-span = "6"\n', 5, ["expected an integer, got a string"]),
    ('regex-timeout = true\n', 5, ["expected a number, got a boolean"]),
    ('severity = { ART003 = "fatal" }\n', 5, ["ART003 = 'fatal'", "error, warning, info, off"]),
    ('prose-script = "Cyrilic"\n', 5, ["not a Unicode script"]),
    ('lesson-suffixes = ["mdx"]\n', 5, ["not a file suffix"]),
    ('rule-packs = ["packs/missing.yaml"]\n', 5, ["does not exist"]),
    ('exclude = "drafts/**"\n', 5, ["expected a list of non-empty strings"]),
    ('x = """\nplan-glob = 1\n"""\n', 5, ["unknown key 'x'"]),
])
def test_bad_config_exits_2_naming_file_key_and_line(cli, course, body, line, words):
    _pyproject(course, body)
    code, out, err = cli("check", "--root", course)
    assert code == 2 and out == ""
    assert err.startswith(f"lessonlint: error: {course / 'pyproject.toml'}:{line}: ")
    for word in words:
        assert word in err
    assert len(err.strip().splitlines()) == 1


def test_dotted_and_inline_keys_are_located(tmp_path):
    path = tmp_path / "lessonlint.toml"
    path.write_text('# c\nseverity.ART003 = "warning"\nstub = 1\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.line == 3 and "unknown key 'stub'" in err.value.message
    path.write_text('severity = {\n ART003 = "warning", MDX = "loud" }\n', encoding="utf-8")  # TOML 1.0: one line
    with pytest.raises(ConfigError):
        load_config(path)


def test_invalid_toml_reports_its_line(tmp_path):
    path = tmp_path / "lessonlint.toml"
    path.write_text('select = ["ART"]\nignore = [\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert err.value.line is not None and "invalid TOML" in err.value.message


def test_nearest_config_wins_and_precedence_within_a_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.lessonlint]\nselect = ["ART"]\n', encoding="utf-8")
    sub = tmp_path / "course" / "lessons"
    sub.mkdir(parents=True)
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (tmp_path / "course" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "pyproject.toml"  # a pyproject without the table is skipped
    (tmp_path / "course" / "lessonlint.toml").write_text('select = ["MDX"]\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "course" / "lessonlint.toml"
    (tmp_path / "course" / ".lessonlint.toml").write_text('select = ["LES"]\n', encoding="utf-8")
    assert find_config(sub) == tmp_path / "course" / ".lessonlint.toml"


def test_root_key_is_relative_to_the_config(cli, tmp_path):
    make_course(tmp_path / "site" / "course", lesson=SHORT)
    (tmp_path / "site" / "lessonlint.toml").write_text('root = "course"\nselect = ["MDX"]\n', encoding="utf-8")
    code, out, _ = cli("check", "--format", "json", cwd=tmp_path / "site")
    data = json.loads(out)
    assert data["root"] == str((tmp_path / "site" / "course").resolve())
    assert [d["code"] for d in data["diagnostics"]] == ["MDX001"]


def test_paths_in_the_config_are_resolved_against_its_folder(tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "extra.yaml").write_text("pack: extra\nrules: []\n", encoding="utf-8")
    path = tmp_path / "lessonlint.toml"
    path.write_text('rule-packs = ["packs/extra.yaml"]\nseverity = { MDX009 = "error" }\n', encoding="utf-8")
    settings = settings_for(load_config(path), tmp_path)
    assert settings.rule_packs == (str(tmp_path / "packs" / "extra.yaml"),)
    assert settings.severity == {"MDX009": Severity.ERROR}


def test_show_settings_prints_the_effective_values(cli, course):
    _pyproject(course, 'select = ["ART"]\nkey-link-span = 3\n')
    code, out, _ = cli("check", "--root", course, "--show-settings", "--ignore", "ART008")
    assert code == 0
    assert f"# config file: {course / 'pyproject.toml'}" in out
    assert 'select = ["ART"]' in out and "key-link-span = 3" in out and 'ignore = ["ART008"]' in out
    import tomllib

    tomllib.loads(out)  # what it prints is TOML


def test_config_option_and_unknown_command_line_code(cli, course, tmp_path):
    other = tmp_path / "strict.toml"
    other.write_text('select = ["MDX"]\n', encoding="utf-8")
    code, out, _ = cli("check", "--root", course, "--config", other, "--show-settings")
    assert f"# config file: {other}" in out
    code, out, err = cli("check", "--root", course, "--select", "ART,NOPE")
    assert code == 2 and "--select: unknown code or code prefix 'NOPE'" in err
