"""CSV/TSV exports with a header row; each row is a document named ``export.csv#line=N&id=ID``.

``line`` is the physical line where the row starts (a quoted cell may span
lines). Field options name columns of the header.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from govscan.errors import InputError
from govscan.sources.decode import Decoded, decode_lines_as, lines_with_ends, text_lines
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions, RecordFields
from govscan.sources.records import RecordError, documents
from govscan.sources.splice import Edit, Masker, changes, splice


def iter_documents(name: str, stream: BinaryIO, fields: RecordFields) -> Iterator[Document | RecordError]:
    """Documents of the export read from ``stream``, one row at a time."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    try:
        reader = csv.reader(text_lines(name, stream), delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            yield RecordError(name, "empty CSV file (no header row)")
            return
        if fields.text not in header:
            yield RecordError(name, f"no column {fields.text!r} in the header (choose it with --text-field)")
            return
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                yield from documents(name, start, dict(zip(header, row, strict=False)), fields)
            start = reader.line_num + 1
    except csv.Error as error:
        yield RecordError(locate(name, line=reader.line_num), f"malformed CSV: {error}")
    except InputError as error:
        yield RecordError(error.path, error.message)


@dataclass(frozen=True)
class _Cell:
    """A cell's value and, for each of its characters, the slice of the file's text that wrote it."""

    text: str
    ranges: tuple[tuple[int, int], ...]


def redact(name: str, data: bytes, masker: Masker, options: ReadOptions = DEFAULT_OPTIONS) -> bytes:
    """The export with the masked characters of each row's text and title cells replaced in place; quoting,
    delimiters, line endings and every other cell kept byte for byte.

    A row the scan could not read makes the whole file an InputError: a copy must not carry unscanned text.
    """
    return redact_decoded(name, data, decode_lines_as(name, data), masker, options)[0]


def redact_decoded(
    name: str,
    data: bytes,
    decoded: Decoded,
    masker: Masker,
    options: ReadOptions = DEFAULT_OPTIONS,
    header: list[str] | None = None,
    first_line: int = 1,
) -> tuple[bytes, list[str]]:
    """:func:`redact` of ``data`` as ``decoded`` reads it, and the header row. ``data`` is a whole file (its first
    row the header), or a chunk of whole rows of a large one (``redact_stream``) that starts on line
    ``first_line``, after the file's ``header``."""
    delimiter = "\t" if name.lower().endswith(".tsv") else ","
    text = decoded.text
    rows = _rows(text, delimiter)
    values = [[cell.text for cell in row] for _, row in rows]
    try:
        read_as = list(csv.reader(lines_with_ends(text), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(name, f"malformed CSV: {error}") from error
    if values != read_as:
        raise InputError(name, "cannot locate the cells of this CSV byte for byte; not written")
    first = 0
    if header is None:
        if not rows:
            raise InputError(name, "empty CSV file (no header row)")
        header, first = values[0], 1
        if options.fields.text not in header:
            raise InputError(name, f"no column {options.fields.text!r} in the header (choose it with --text-field)")
    edits = []
    for (line, row), expected in zip(rows[first:], values[first:], strict=True):
        if any(value.strip() for value in expected):
            at = line + first_line - 1
            edits += _row_edits(name, at, header, row, expected, masker, options.fields, delimiter)
    masked = splice(name, data, decoded, edits)
    if list(csv.reader(lines_with_ends(_applied(text, edits)), delimiter=delimiter)) != values:
        raise InputError(name, "masking would change the CSV's rows or cells; not written")
    return masked, header


def _row_edits(
    name: str,
    line: int,
    header: list[str],
    row: list[_Cell],
    expected: list[str],
    masker: Masker,
    fields: RecordFields,
    delimiter: str,
) -> list[Edit]:
    """Edits masking the text and title cells of one row; ``expected`` receives the masked values."""
    edits = []
    # ``documents`` yields the text field, then the title field when there is one.
    record = dict(zip(header, expected, strict=False))
    for document, field in zip(documents(name, line, record, fields), (fields.text, fields.title), strict=False):
        if isinstance(document, RecordError):
            raise InputError(document.path, document.message)
        masked = masker(document)
        if masked == document.text:
            continue
        column = max(i for i, name in enumerate(header) if name == field)  # the last one, as dict(zip()) keeps
        cell = row[column]
        for edit in changes(document.text, masked):
            if any(char in f'"\r\n{delimiter}' for char in edit.replacement):
                raise InputError(document.path, f"the mask {edit.replacement!r} cannot be written into a CSV cell")
            edits.append(Edit(cell.ranges[edit.start][0], cell.ranges[edit.end - 1][1], edit.replacement))
        expected[column] = masked
    return edits


def _applied(text: str, edits: list[Edit]) -> str:
    pieces, at = [], 0
    for edit in sorted(edits):
        pieces += [text[at : edit.start], edit.replacement]
        at = edit.end
    return "".join([*pieces, text[at:]])


def _rows(text: str, delimiter: str) -> list[tuple[int, list[_Cell]]]:
    """Rows as ``csv.reader`` (excel dialect, not strict) reads them, each with the line it starts on."""
    rows = []
    at, line = 0, 1
    while at < len(text):
        start = at
        cells: list[_Cell] = []
        if text[at] not in "\r\n":
            while True:
                cell, at = _cell(text, at, delimiter)
                cells.append(cell)
                if at < len(text) and text[at] == delimiter:
                    at += 1
                    continue
                break
        at = _row_end(text, at)
        rows.append((line, cells))
        line += text.count("\n", start, at)
    return rows


def _row_end(text: str, at: int) -> int:
    """Past the line ending at ``at``: csv.reader takes a CR and every CR after it, then one LF, as one ending."""
    if not text.startswith("\r", at):
        return at + 1
    while text.startswith("\r", at):
        at += 1
    return at + 1 if text.startswith("\n", at) else at


def _cell(text: str, at: int, delimiter: str) -> tuple[_Cell, int]:
    chars: list[str] = []
    ranges: list[tuple[int, int]] = []
    if text.startswith('"', at):
        at += 1
        while at < len(text):
            if text[at] == '"':
                if not text.startswith('""', at):
                    at += 1
                    break
                chars.append('"')
                ranges.append((at, at + 2))
                at += 2
                continue
            chars.append(text[at])
            ranges.append((at, at + 1))
            at += 1
    # Unquoted cells, and (as csv.reader does when not strict) anything after a closing quote.
    while at < len(text) and text[at] not in f"{delimiter}\r\n":
        chars.append(text[at])
        ranges.append((at, at + 1))
        at += 1
    return _Cell("".join(chars), tuple(ranges)), at
