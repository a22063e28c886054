"""Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""

from __future__ import annotations

import codecs

from govscan.errors import InputError

# Bytes inspected to tell text from binary.
SNIFF = 8192


def decode(name: str, data: bytes) -> str:
    """Decode a text file, or raise InputError saying why it is not text."""
    if not data:
        raise InputError(name, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(name, f"invalid UTF-16 at byte {error.start}") from error
    if b"\x00" in data[:SNIFF]:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                name, f"not valid UTF-8 (byte {utf8_error.start}) nor GB18030; cannot decode"
            ) from utf8_error
