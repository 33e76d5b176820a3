"""The JSON renderer's own encoder writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lessonlint.render.json_format import dumps

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner,
                                                                                              max_size=4), max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_dumps_is_json_dumps_with_indent_2(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_tuples_non_string_keys_and_escapes():
    value = {"a": (1, 2.5, None), 1: True, None: [], "\u2028\x00\"\\": {}, "кириллица": "é\n"}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
