"""Checks: pure functions from (plan item, parsed files, context) to verdicts and diagnostics."""
