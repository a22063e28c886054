"""JSON Lines exports (one JSON object per line, as CMS and crawler dumps write them).

Each record is a document, named ``export.jsonl#line=N&id=ID``; ``--text-field``
and friends choose its fields by dotted path. A line that is not a JSON object
is an error for that record only; blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from govscan.errors import InputError
from govscan.sources.decode import text_lines
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import RecordFields
from govscan.sources.records import RecordError, documents


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
