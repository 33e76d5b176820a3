"""The language server (``lessonlint server``): the engine's findings in the editor, from unsaved buffers.

Needs pygls and lsprotocol (``pip install 'lessonlint[server]'``); nothing else in lessonlint imports this package.
"""
