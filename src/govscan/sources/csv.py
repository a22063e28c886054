"""CSV/TSV exports with a header row; each row is a document named ``export.csv#line=N&id=ID``.

``line`` is the physical line where the row starts (a quoted cell may span
lines). Field options name columns of the header.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from govscan.errors import InputError
from govscan.sources.decode import text_lines
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import RecordFields
from govscan.sources.records import RecordError, documents


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
