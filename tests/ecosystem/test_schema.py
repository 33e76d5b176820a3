"""The JSON Schema for editors and the config loader describe the same keys and values."""
from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import jsonschema
import pytest

from lessonlint.config.load import ConfigError, load_config
from lessonlint.config.options import OPTIONS, json_schema
from lessonlint.config.settings import Settings
from lessonlint.config.text import starter_config

from .conftest import REPO

SCHEMA_FILE = REPO / "schema" / "lessonlint.schema.json"


def test_checked_in_schema_is_the_generated_one():
    # regenerate with: lessonlint schema > schema/lessonlint.schema.json
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


def test_schema_loader_and_settings_have_the_same_keys():
    schema_keys = set(json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["properties"])
    loader_keys = {o.key for o in OPTIONS}
    settings_keys = {f.name.replace("_", "-") for f in fields(Settings)}
    assert schema_keys == loader_keys == settings_keys  # a new Settings field needs a config key


def _agree(tmp_path: Path, toml: str, data: dict) -> tuple[bool, bool]:
    path = tmp_path / "lessonlint.toml"
    path.write_text(toml, encoding="utf-8")
    try:
        load_config(path)
        loader_ok = True
    except ConfigError:
        loader_ok = False
    schema_ok = jsonschema.Draft202012Validator(json_schema()).is_valid(data)
    return loader_ok, schema_ok


@pytest.mark.parametrize("toml, data, valid", [
    ('select = ["ART", "MDX001"]\n', {"select": ["ART", "MDX001"]}, True),
    ('select = ["ALL"]\n', {"select": ["ALL"]}, True),
    ('plan-glob = ["x"]\n', {"plan-glob": ["x"]}, False),
    ('key-link-span = 0\n', {"key-link-span": 0}, False),
    ('key-link-span = 2\n', {"key-link-span": 2}, True),
    ('severity = { ART003 = "off" }\n', {"severity": {"ART003": "off"}}, True),
    ('severity = { ART003 = "loud" }\n', {"severity": {"ART003": "loud"}}, False),
    ('lesson-suffixes = ["mdx"]\n', {"lesson-suffixes": ["mdx"]}, False),
    ('outline-word-share = 0.3\n', {"outline-word-share": 0.3}, True),
    ('exclude = "x"\n', {"exclude": "x"}, False),
])
def test_loader_and_schema_agree(tmp_path, toml, data, valid):
    assert _agree(tmp_path, toml, data) == (valid, valid)


def test_starter_config_loads_to_the_defaults(tmp_path):
    for pyproject in (False, True):
        path = tmp_path / ("pyproject.toml" if pyproject else "lessonlint.toml")
        path.write_text(starter_config(pyproject=pyproject), encoding="utf-8")
        config = load_config(path)
        assert config.values == {} and config.root is None
        text = path.read_text(encoding="utf-8")
        for option in OPTIONS:  # every key is listed, commented out
            assert f"# {option.key} = " in text
