"""Masked copies of input files: each format masks values inside its own bytes, never re-serialising.

The caller supplies a :data:`~govscan.sources.splice.Masker` (scan a Document,
return its text masked in place); each format's ``redact`` hands it the
Documents its reader would scan and edits only the bytes of the characters
that changed. Formats where that cannot be done soundly are refused by name.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from govscan.errors import InputError
from govscan.sources import csv, html_redact, jsonl, text
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions
from govscan.sources.redact_stream import STREAMED, redact_stream
from govscan.sources.splice import Masker

Redactor = Callable[[str, bytes, Masker, ReadOptions], bytes]

REDACTORS: dict[str, Redactor] = {
    ".txt": text.redact,
    ".md": text.redact,
    ".html": html_redact.redact,
    ".htm": html_redact.redact,
    ".shtml": html_redact.redact,
    ".jsonl": jsonl.redact,
    ".csv": csv.redact,
    ".tsv": csv.redact,
}
# Formats that are read for scanning but cannot be masked in place, and why.
UNREDACTABLE = {
    ".docx": "Word files cannot be masked in place (a value may be split across formatted runs); "
    "redact a text or HTML export instead",
    ".zip": "archives are not redacted; unpack them and redact the members",
}


def redaction_inputs(path: Path) -> list[Path]:
    """Files to redact for one argument: the file itself, or a folder's files of known formats in sorted order
    (formats that cannot be redacted included, so each is reported)."""
    if not path.is_dir():
        return [path]
    known = REDACTORS.keys() | UNREDACTABLE.keys()
    found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in known)
    if not found:
        raise InputError(str(path), f"no files to redact ({', '.join(sorted(REDACTORS))}) in this folder")
    return found


def redact_bytes(name: str, data: bytes, suffix: str, masker: Masker, options: ReadOptions = DEFAULT_OPTIONS) -> bytes:
    """``data`` (a file named ``name``) with what ``masker`` masks replaced; other suffixes are read as plain text."""
    if suffix in UNREDACTABLE:
        raise InputError(name, UNREDACTABLE[suffix])
    return REDACTORS.get(suffix, text.redact)(name, data, masker, options)


def redact_path(source: Path, destination: Path, masker: Masker, options: ReadOptions = DEFAULT_OPTIONS) -> None:
    """Write the masked copy of ``source`` to ``destination`` (folders created); never over ``source`` itself.

    JSON Lines and CSV exports are masked and written a chunk of records at a time (``redact_stream``), other
    files whole; the copy goes to a temporary file beside ``destination``, renamed over it only when complete.
    """
    if destination.resolve() == source.resolve():
        raise InputError(str(source), "the masked copy would overwrite the input; choose another --out")
    suffix = source.suffix.lower()
    if suffix in UNREDACTABLE:
        raise InputError(str(source), UNREDACTABLE[suffix])
    try:
        stream = source.open("rb")
    except OSError as error:
        raise InputError(str(source), f"cannot read: {error.strerror or error}") from error
    with stream:
        if suffix in STREAMED:
            write_replacing(destination, lambda out: redact_stream(str(source), stream, out, suffix, masker, options))
            return
        try:
            data = stream.read()
        except OSError as error:
            raise InputError(str(source), f"cannot read: {error.strerror or error}") from error
    masked = redact_bytes(str(source), data, suffix, masker, options)
    write_replacing(destination, lambda out: out.write(masked))


def write_replacing(destination: Path, write: Callable[[BinaryIO], object]) -> None:
    """Run ``write`` on a new temporary file in ``destination``'s folder, then rename it over ``destination``.

    On any error the temporary file is deleted, and the folders made for it when empty: a failed copy leaves
    nothing behind (an older ``destination`` stays as it was). An OSError of the writing is an InputError.
    """
    missing = [folder for folder in (destination.parent, *destination.parent.parents) if not folder.exists()]
    temporary = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.part")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        # os.open with mode 0o666 so the copy gets the usual permissions (umask applied), as write_bytes gave it.
        with os.fdopen(
            os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), "wb"
        ) as out:
            write(out)
        os.replace(temporary, destination)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        for folder in missing:
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(error, OSError):
            raise InputError(str(destination), f"cannot write: {error.strerror or error}") from error
        raise
