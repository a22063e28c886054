"""Read inputs into Documents: decoding, format extraction, directory walking.

Only this package reads files. Three kinds of format:

- **single-text** formats (``READERS``: txt, md, html, docx): bytes → a few
  Documents (body, and fields such as ``#field=title``);
- **exports** (``EXPORTS``: jsonl, csv, tsv): a stream → one Document per
  record, yielded lazily so a huge export never sits in memory;
- **archives** (``.zip``): members read one at a time (see :mod:`.zip`).

Masked copies are written here too (:mod:`.redaction`): each format edits only
the bytes of masked characters, in the encoding :func:`decode_as` reports.

Errors become :class:`~govscan.errors.InputError` (a whole file) or
:class:`RecordError` (one record or member) naming where, so a batch can report
them and go on.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath
from typing import BinaryIO

from govscan.errors import InputError
from govscan.sources import csv, docx, jsonl, text
from govscan.sources.decode import Decoded, decode, decode_as
from govscan.sources.document import Document, HiddenLink
from govscan.sources.locate import locate
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions, RecordFields
from govscan.sources.records import RecordError

Reader = Callable[[str, bytes, ReadOptions], list[Document]]
ExportReader = Callable[[str, BinaryIO, RecordFields], Iterator["Document | RecordError"]]


def _read_html(name: str, data: bytes, options: ReadOptions | None = None) -> list[Document]:
    """:func:`govscan.sources.html.read`, imported on first use: lxml costs a plain-text run ~30 ms of start-up."""
    from govscan.sources import html

    return html.read(name, data, options)


# Format readers by file suffix (lower case).
READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".html": _read_html,
    ".htm": _read_html,
    ".shtml": _read_html,
    ".docx": docx.read,
}
EXPORTS: dict[str, ExportReader] = {
    ".jsonl": jsonl.iter_documents,
    ".csv": csv.iter_documents,
    ".tsv": csv.iter_documents,
}
ARCHIVES = frozenset({".zip"})
SUFFIXES = frozenset(READERS) | frozenset(EXPORTS) | ARCHIVES

__all__ = [
    "ARCHIVES",
    "EXPORTS",
    "READERS",
    "SUFFIXES",
    "Decoded",
    "Document",
    "HiddenLink",
    "InputError",
    "ReadOptions",
    "RecordError",
    "RecordFields",
    "decode",
    "decode_as",
    "expand_path",
    "locate",
    "read_bytes",
    "read_path",
    "suffix_of",
]


def suffix_of(name: str) -> str:
    """Lower-case suffix of a file or member name (``.html``): ``Path(name).suffix``, without a Path per name."""
    _, _, last = name.rpartition("/")
    if os.altsep or last in ("", ".", ".."):  # Windows separators, a trailing slash or dot: let Path decide
        return PurePath(name).suffix.lower()
    dot = last.rfind(".")
    return last[dot:].lower() if 0 < dot < len(last) - 1 else ""


def expand_path(path: Path) -> list[Path]:
    """Single-text files (``READERS``) to handle for one argument: the file itself, or a folder walked in sorted
    order. Batch scans walk with :mod:`govscan.batch` instead, which also takes exports and archives.

    A path that does not exist is returned as is, so reading it reports the
    error in its place in the run.
    """
    if not path.is_dir():
        return [path]
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
    if not found:
        raise InputError(str(path), f"no files to scan ({', '.join(sorted(READERS))}) in this folder")
    return found


def read_path(path: Path, options: ReadOptions = DEFAULT_OPTIONS) -> list[Document]:
    """Documents in the (single-text or export) file at ``path``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InputError(str(path), "no such file") from error
    except IsADirectoryError as error:
        raise InputError(str(path), "is a directory") from error
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror or error}") from error
    return read_bytes(str(path), data, suffix_of(path.name), options)


def read_bytes(name: str, data: bytes, suffix: str = ".txt", options: ReadOptions = DEFAULT_OPTIONS) -> list[Document]:
    """Documents in ``data`` read under ``name`` (stdin and files alike); the first bad record raises."""
    if suffix in EXPORTS:
        documents = []
        for item in EXPORTS[suffix](name, io.BytesIO(data), options.fields):
            if isinstance(item, RecordError):
                raise InputError(item.path, item.message)
            documents.append(item)
        return documents
    reader = READERS.get(suffix, READERS[".txt"])
    return reader(name, data, options)
