"""lessonlint: check MDX lessons against the GSD plans that promised them."""

__version__ = "0.1.0"
