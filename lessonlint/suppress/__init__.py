"""Suppression comments: finding ``lessonlint-disable`` directives in lessons and applying them to diagnostics."""
