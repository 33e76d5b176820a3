"""Checklist items (verify, verification, acceptance, done, success criteria) judged by rule packs."""
