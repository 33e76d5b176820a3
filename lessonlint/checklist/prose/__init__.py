"""Prose of lessons: units of text, words, scripts and languages, placeholders, tooltips."""
