"""Exceptions raised by govscan.

Our exception hierarchy::

    GovscanError
    ├── LexiconError   a lexicon file is unreadable or invalid (names file, line, field)
    ├── InputError     an input cannot be read or decoded (names the file)
    └── ConfigError    a configuration value is invalid

The library raises these; only the command line turns them into exit codes.
"""

from __future__ import annotations


class GovscanError(Exception):
    """Base class of every error govscan raises on purpose."""


class LexiconError(GovscanError):
    """A lexicon file cannot be loaded; says where, so the author can fix it."""

    def __init__(self, path: str, message: str, *, line: int | None = None, field: str | None = None):
        self.path = path
        self.line = line
        self.field = field
        self.message = message
        where = path if line is None else f"{path}:{line}"
        if field:
            where = f"{where}: {field}"
        super().__init__(f"{where}: {message}")


class InputError(GovscanError):
    """An input file or stream cannot be turned into text."""

    def __init__(self, path: str, message: str):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class ConfigError(GovscanError):
    """A configuration value is invalid."""
