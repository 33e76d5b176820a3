"""The rule registry: every diagnostic code, its documentation under ``rules/docs``, and the readers of the YAML
packs under ``rules/``.
"""
