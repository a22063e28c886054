"""Read inputs into Documents: decoding, format extraction, directory walking.

Only this package reads files. A reader module per format turns bytes into
one or more Documents; errors become :class:`~govscan.errors.InputError`
naming the file, so a batch can report them and go on.
"""

from __future__ import annotations

from pathlib import Path

from govscan.errors import InputError
from govscan.sources import text
from govscan.sources.decode import decode
from govscan.sources.document import Document

# Format readers by file suffix (lower case).
READERS = {".txt": text.read, ".md": text.read}

__all__ = ["READERS", "Document", "InputError", "decode", "expand_path", "read_bytes", "read_path"]


def expand_path(path: Path) -> list[Path]:
    """Files to scan for one argument: the file itself, or a folder walked in sorted order.

    A path that does not exist is returned as is, so reading it reports the
    error in its place in the run.
    """
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
    if not found:
        raise InputError(str(path), f"no files to scan ({', '.join(sorted(READERS))}) in this folder")
    return found


def read_path(path: Path) -> list[Document]:
    """Documents in the file at ``path``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(str(path), "no such file") from error
    except IsADirectoryError as error:
        raise InputError(str(path), "is a directory") from error
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from error
    return read_bytes(str(path), data, path.suffix.lower())


def read_bytes(name: str, data: bytes, suffix: str = ".txt") -> list[Document]:
    """Documents in ``data`` read under ``name`` (stdin and files alike)."""
    reader = READERS.get(suffix, text.read)
    return reader(name, data)
