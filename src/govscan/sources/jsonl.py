"""JSON Lines exports (one JSON object per line, as CMS and crawler dumps write them).

Each record is a document, named ``export.jsonl#line=N&id=ID``; ``--text-field``
and friends choose its fields by dotted path. A line that is not a JSON object
is an error for that record only; blank lines are skipped.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Iterator
from json.decoder import scanstring
from typing import BinaryIO

import regex

from govscan.errors import InputError
from govscan.sources.decode import Decoded, decode_lines_as, lines_with_ends, text_lines
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import DEFAULT_OPTIONS, ReadOptions, RecordFields
from govscan.sources.records import RecordError, documents
from govscan.sources.splice import Edit, Masker, changes, splice

_SPACE = regex.compile(r"[ \t\n\r]*")
# Numbers and the literals json.loads accepts (NaN and Infinity included).
_SCALAR = regex.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null|NaN|-?Infinity")


def iter_documents(name: str, stream: BinaryIO, fields: RecordFields) -> Iterator[Document | RecordError]:
    """Documents of the export read from ``stream``, one record at a time."""
    try:
        yield from line_documents(name, enumerate(text_lines(name, stream), start=1), fields)
    except InputError as error:
        yield RecordError(error.path, error.message)


def line_documents(
    name: str, lines: Iterable[tuple[int, str]], fields: RecordFields
) -> Iterator[Document | RecordError]:
    """Documents of decoded, numbered lines: the parsing half, which batch workers do for the main process."""
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield RecordError(locate(name, line=number), f"not valid JSON: {error.msg} (column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield RecordError(locate(name, line=number), f"a JSON {type(record).__name__}, not an object")
            continue
        yield from documents(name, number, record, fields)


def redact(name: str, data: bytes, masker: Masker, options: ReadOptions = DEFAULT_OPTIONS) -> bytes:
    """The export with the masked characters of each record's text and title fields replaced inside their JSON
    strings (escapes kept as written elsewhere); every other byte, key and record kept.

    A record the scan could not read makes the whole file an InputError: a copy must not carry unscanned text.
    """
    return redact_decoded(name, data, decode_lines_as(name, data), masker, options)


def redact_decoded(
    name: str,
    data: bytes,
    decoded: Decoded,
    masker: Masker,
    options: ReadOptions = DEFAULT_OPTIONS,
    first_line: int = 1,
) -> bytes:
    """:func:`redact` of ``data`` as ``decoded`` reads it: a whole file, or a chunk of whole lines of a large one
    (``redact_stream``) that starts on line ``first_line``."""
    edits = []
    offset = 0
    for number, line in enumerate(lines_with_ends(decoded.text), start=first_line):
        edits += _record_edits(name, number, line, offset, masker, options.fields)
        offset += len(line)
    return splice(name, data, decoded, edits)


def _record_edits(name: str, number: int, line: str, offset: int, masker: Masker, fields: RecordFields) -> list[Edit]:
    if not line.strip():
        return []
    here = locate(name, line=number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(here, f"not valid JSON: {error.msg} (column {error.colno})") from error
    if not isinstance(record, dict):
        raise InputError(here, f"a JSON {type(record).__name__}, not an object")
    strings = _string_spans(line)
    expected = copy.deepcopy(record)
    edits = []
    # ``documents`` yields the text field, then the title field when there is one.
    for document, field in zip(documents(name, number, record, fields), (fields.text, fields.title), strict=False):
        if isinstance(document, RecordError):
            raise InputError(document.path, document.message)
        masked = masker(document)
        if masked == document.text:
            continue
        _set(expected, field.split("."), masked)
        start, end = strings[tuple(field.split("."))]
        ranges = _char_ranges(line, start, end)
        if len(ranges) != len(document.text):
            raise InputError(document.path, f"cannot locate the characters of field {field!r} in the line")
        for edit in changes(document.text, masked):
            raw = "".join(json.dumps(char, ensure_ascii=False)[1:-1] for char in edit.replacement)
            edits.append(Edit(offset + ranges[edit.start][0], offset + ranges[edit.end - 1][1], raw))
    _check_copy(here, line, edits, offset, expected)
    return edits


def _string_spans(line: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where each string value of the JSON object in ``line`` sits between its quotes, by path (list index as text).

    Later duplicate keys overwrite earlier ones, as ``json.loads`` does.
    """
    spans: dict[tuple[str, ...], tuple[int, int]] = {}
    _value(line, _skip(line, 0), (), spans)
    return spans


def _value(line: str, at: int, path: tuple[str, ...], spans: dict) -> int:
    """Record the strings of the value starting at ``at``; return the index after it."""
    first = line[at]
    if first == '"':
        _, end = scanstring(line, at + 1)
        spans[path] = (at + 1, end - 1)
        return end
    if first in "{[":
        closing = "}" if first == "{" else "]"
        at, index = _skip(line, at + 1), 0
        while line[at] != closing:
            step = str(index)
            if first == "{":
                step, at = scanstring(line, at + 1)
                at = _skip(line, _skip(line, at) + 1)  # past the colon
            at = _skip(line, _value(line, at, (*path, step), spans))
            if line[at] == ",":
                at = _skip(line, at + 1)
            index += 1
        return at + 1
    return _SCALAR.match(line, at).end()


def _skip(line: str, at: int) -> int:
    return _SPACE.match(line, at).end()


def _char_ranges(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """For each character of the JSON string ``line[start:end]`` (no quotes), the slice of ``line`` that wrote it."""
    ranges = []
    at = start
    while at < end:
        width = 1
        if line[at] == "\\":
            width = 2
            if line[at + 1] == "u":
                width = 6
                high = int(line[at + 2 : at + 6], 16)
                if 0xD800 <= high < 0xDC00 and line[at + 6 : at + 8] == "\\u":
                    low = int(line[at + 8 : at + 12], 16)
                    width = 12 if 0xDC00 <= low < 0xE000 else 6
        ranges.append((at, at + width))
        at += width
    return ranges


def _check_copy(here: str, line: str, edits: list[Edit], offset: int, expected: object) -> None:
    """The masked line must parse to the record with exactly the masked strings changed."""
    copy = list(line)
    for edit in sorted(edits, reverse=True):  # the title may come before the text in the line
        copy[edit.start - offset : edit.end - offset] = edit.replacement
    if json.dumps(json.loads("".join(copy))) != json.dumps(expected):
        raise InputError(here, "masking would change more than the masked strings; not written")


def _set(value: object, steps: list[str], masked: str) -> None:
    """Put ``masked`` at the dotted path ``steps`` inside ``value`` (which ``lookup`` found to be a string)."""
    for step in steps[:-1]:
        value = value[int(step)] if isinstance(value, list) else value[step]
    if isinstance(value, list):
        value[int(steps[-1])] = masked
    else:
        value[steps[-1]] = masked
