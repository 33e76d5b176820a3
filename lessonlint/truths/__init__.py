"""Truths (``must_haves.truths``) judged by code: claims, evidence from the plan's verdicts, glossary packs
and the truth's own tokens, and a verdict with its reason. Entry point: ``judge.judge_truths``."""
