"""Bytes → text: BOMs first, then strict UTF-8, then a declared charset, then detection.

Government sites still publish GBK/GB18030 and (in Hong Kong, Macao, Taiwan
content) Big5 pages, and Word exports sometimes arrive as UTF-16 without a
BOM. Decoding is strict: a file that no candidate decodes cleanly is an
:class:`~govscan.errors.InputError`, never replacement characters in a report.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from govscan.errors import InputError

# Bytes inspected to tell text from binary and to guess an encoding.
SNIFF = 8192
# Bytes handed to the detector: enough for a stable guess, bounded for speed.
DETECT = 65536

# The encodings Chinese government content comes in; detection chooses among these only.
CANDIDATES = ("utf_8", "gb18030", "big5", "utf_16_le", "utf_16_be")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Aliases a page may declare that Python spells differently or that we widen.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5-hkscs": "big5hkscs"}


# A BOM's codec → the codec of the bytes after it, by the BOM itself (so UTF-16 keeps its byte order).
_AFTER_BOM = {
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
}
_BOM_CODECS = frozenset(encoding for _, encoding in _BOMS)


@dataclass(frozen=True)
class Decoded:
    """A decoded file and exactly how it was encoded: ``bom + text.encode(encoding)`` writes it back.

    ``encoding`` never includes a BOM (``utf-16-be``, not ``utf-16``); ``bom`` holds the bytes that
    preceded the text, empty when there were none.
    """

    text: str
    encoding: str
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """``text`` written the way this file was (same BOM, same codec); UnicodeEncodeError if it cannot be."""
        return self.bom + text.encode(self.encoding)


def decode(name: str, data: bytes, declared: str | None = None) -> str:
    """Decode a text file, or raise InputError saying why it is not text.

    ``declared`` is a charset the file names itself (an HTML ``<meta charset>``);
    it is tried after a BOM and strict UTF-8, before detection.
    """
    return decode_as(name, data, declared).text


def decode_as(name: str, data: bytes, declared: str | None = None) -> Decoded:
    """Like :func:`decode`, also reporting the encoding and BOM it read ``data`` with."""
    if not data:
        raise InputError(name, "empty file")
    return _decoded(name, data, sniff_encoding(name, data, declared))


def decode_lines_as(name: str, data: bytes) -> Decoded:
    """The whole of ``data`` decoded as :func:`text_lines` reads it (encoding chosen from the first chunk)."""
    return _decoded(name, data, sniff_encoding(name, data[:DETECT]))


def _decoded(name: str, data: bytes, encoding: str) -> Decoded:
    bom = next((b for b in _AFTER_BOM if data.startswith(b)), b"") if encoding in _BOM_CODECS else b""
    if bom:
        encoding = _AFTER_BOM[bom]
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(name, f"not valid {encoding} at byte {error.start + len(bom)}; cannot decode") from error
    return Decoded(text=text, encoding=codecs.lookup(encoding).name, bom=bom)


def sniff_encoding(name: str, data: bytes, declared: str | None = None) -> str:
    """The encoding of ``data`` (a whole file or its head), or InputError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    head = data[:SNIFF]
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16
    if b"\x00" in head:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    if _is_utf8(data):
        return "utf-8"
    if declared:
        encoding = _known(declared)
        if encoding and _decodes(data, encoding):
            return encoding
    from charset_normalizer import from_bytes  # only for the rare text that is neither UTF-8 nor declared

    guess = from_bytes(data[:DETECT], cp_isolation=list(CANDIDATES)).best()
    if guess is not None and _decodes(data, guess.encoding):
        return guess.encoding
    if _decodes(data, "gb18030"):
        return "gb18030"
    raise InputError(name, f"not valid UTF-8 (byte {_utf8_error(data)}) nor GB18030, Big5 or UTF-16; cannot decode")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        # A file cut in the middle of a character (a sniffed head) is still UTF-8.
        return error.start >= len(data) - 3 and error.reason == "unexpected end of data"
    return True


def _utf8_error(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return len(data)


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text has a NUL in the high byte of every ASCII character, always on the same side of the pair."""
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    for encoding, aligned, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if aligned >= pairs * 0.2 and other * 3 <= aligned and _decodes(head, encoding):
            return encoding
    return None


def _known(declared: str) -> str | None:
    label = declared.strip().lower()
    label = _WIDER.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def lines_with_ends(text: str) -> list[str]:
    """``text`` cut after each ``"\\n"`` as :func:`text_lines` cuts it (``str.splitlines`` also cuts at ``"\\r"``)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def text_lines(name: str, stream: BinaryIO) -> Iterator[str]:
    """Decoded lines (with their endings) of a large text stream, read in bounded chunks.

    The encoding is chosen from the first chunk; bytes that do not decode later
    raise InputError naming the line.
    """
    head = stream.read(DETECT)
    if not head:
        return
    encoding = sniff_encoding(name, head)
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    number = 0
    chunk = head
    while chunk:
        try:
            pending += decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise InputError(name, f"not valid {encoding} after line {number}; cannot decode the rest") from error
        # Only "\n" ends a line: JSON strings may hold U+2028 and CSV cells "\r".
        *lines, pending = pending.split("\n")
        for line in lines:
            number += 1
            yield line + "\n"
        chunk = stream.read(DETECT)
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending
