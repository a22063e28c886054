"""Masked copies of large JSON Lines and CSV exports, written a chunk of whole records at a time.

CI archives hold exports of 10^5–10^7 articles; reading one whole would need
several times its size in memory. Here the file is read in chunks of whole
records (about :data:`CHUNK` bytes, more when one record is longer), each chunk
masked by the same writer that masks a whole file (``jsonl.redact_decoded``,
``csv.redact_decoded``: the same checks, line numbers carried on) and written
before the next is read. The copy is the same, byte for byte, as the whole-file
writer's; memory stays bounded by the chunk plus the longest record.

Records are cut in the raw bytes, which is sound only for codecs whose multi-byte
characters never contain the bytes that structure a record (``\\t \\n \\r " ,``):
UTF-8 (lead bytes C2–F4, continuation bytes 80–BF), GB18030 (first byte 81–FE;
then 40–7E or 80–FE, or 30–39 81–FE 30–39) and Big5 (first byte 81–FE, second
40–7E or A1–FE): every structural byte is below 0x30. UTF-16 and UTF-32 are not
(their characters hold 0x0A and 0x22 bytes), so those files take the whole-file path.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from typing import BinaryIO

import regex

from govscan.errors import InputError
from govscan.sources import csv, jsonl
from govscan.sources.decode import DETECT, Decoded, sniff_encoding
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions
from govscan.sources.splice import Masker

# Bytes of whole records masked and written at a time. A CSV chunk costs about 60 times its size while masked
# (csv._rows keeps each character's span), so 1 MiB: peak RSS 120 MB on a 200 MB CSV, 67 MB on a 200 MB JSON
# Lines export, 55 MB for a tiny file (measured once, /usr/bin/time -v).
CHUNK = 1024 * 1024
STREAMED = frozenset({".jsonl", ".csv", ".tsv"})
# Codecs (``codecs.lookup`` names) in which the structural bytes only ever encode themselves (module docstring).
LINE_SAFE = frozenset({"utf-8", "gb18030", "big5"})
# Bytes a record's structure is made of: line ends, CSV quotes and both delimiters.
STRUCTURAL = b'\t\n\r",'


def redact_stream(
    name: str, stream: BinaryIO, out: BinaryIO, suffix: str, masker: Masker, options: ReadOptions = DEFAULT_OPTIONS
) -> None:
    """Write the masked copy of the JSON Lines or CSV export read from ``stream`` to ``out``, a chunk at a time.

    The encoding is sniffed once from the head, as ``check`` reads exports. Files in
    other encodings (UTF-16, UTF-32) and empty files are masked whole.
    """
    head = _read(name, stream, DETECT)
    encoding = codecs.lookup(sniff_encoding(name, head)).name if head else ""
    bom = b""
    if encoding == "utf-8-sig":
        bom, encoding = codecs.BOM_UTF8, "utf-8"
    if encoding not in LINE_SAFE:
        whole = jsonl.redact if suffix == ".jsonl" else csv.redact
        out.write(whole(name, head + _read(name, stream, -1), masker, options))
        return
    cut = _line_cut if suffix == ".jsonl" else _csv_cut(b"\t" if suffix == ".tsv" else b",")
    header = None
    line, offset = 1, 0
    exact, edited = True, False
    for chunk in _chunks(name, stream, head, len(bom), cut):
        start = len(bom) if offset == 0 else 0
        try:
            text = chunk[start:].decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                name, f"not valid {encoding} at byte {offset + start + error.start}; cannot decode"
            ) from error
        decoded = Decoded(text=text, encoding=encoding, bom=chunk[:start])
        if suffix == ".jsonl":
            masked = jsonl.redact_decoded(name, chunk, decoded, masker, options, first_line=line)
        else:
            masked, header = csv.redact_decoded(name, chunk, decoded, masker, options, header, first_line=line)
        if masked != chunk:
            edited = True
        elif exact:
            exact = decoded.encode(text) == chunk
        out.write(masked)
        line += chunk.count(b"\n")
        offset += len(chunk)
    # As the whole-file writer: a file that does not encode back is refused when anything in it is masked.
    if edited and not exact:
        raise InputError(name, f"does not encode back to the same bytes in {encoding}; cannot redact it byte for byte")


def _chunks(name: str, stream: BinaryIO, head: bytes, skip: int, cut: Callable[[bytes, int], int]) -> Iterator[bytes]:
    """Pieces of whole records: each the shortest run of records from where the last ended reaching :data:`CHUNK`
    bytes, the rest of the file at its end. ``skip``: bytes before the first record (a BOM).

    ``cut(buffer, start)``, scanning ``buffer`` from the record boundary ``start`` (at least one record), is the
    first record boundary at or past :data:`CHUNK`, else the last one found before the buffered bytes ran out
    (scanning resumes there).
    """
    buffer, scanned, first = head, skip, skip
    while True:
        end = cut(buffer, scanned)
        if end >= CHUNK and end > first:
            yield buffer[:end]
            buffer, scanned, first = buffer[end:], 0, 0
            continue
        scanned = end
        # A record longer than what is buffered: read as much again, so a long record is scanned a few times only.
        more = _read(name, stream, max(CHUNK, len(buffer)))
        if not more:
            if buffer:
                yield buffer
            return
        buffer += more


def _line_cut(buffer: bytes, start: int) -> int:
    """JSON Lines: a record is a line, so past the first line feed at or after byte ``CHUNK - 1``."""
    at = buffer.find(b"\n", max(start, CHUNK - 1))
    return start if at < 0 else at + 1


def _csv_cut(delimiter: bytes) -> Callable[[bytes, int], int]:
    """CSV: rows are matched one by one, each up to the line feed that ends it, as ``csv._rows`` and
    ``csv.reader`` read rows.

    A line feed ends a row unless it is inside a quoted cell; a quote opens one only at the start of a cell
    (after a delimiter, a CR or a line feed, or at the start of the row): elsewhere ``csv.reader`` (not strict)
    keeps it as a character. An unclosed quoted cell runs to the end of what is buffered: the row is not complete.
    """
    d = regex.escape(delimiter)
    row = regex.compile(rb"(?:(?:\G|(?<=[" + d + rb'\r\n]))"(?:[^"]|"")*+(?:"|\Z)|[^"\r\n' + d + rb"]++|[^\n])*+\n")

    def cut(buffer: bytes, start: int) -> int:
        end = start
        while match := row.match(buffer, end):
            end = match.end()
            if end >= CHUNK:
                break
        return end

    return cut


def _read(name: str, stream: BinaryIO, size: int) -> bytes:
    try:
        return stream.read(size)
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from error
