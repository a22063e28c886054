"""What JSONL and CSV exports share: records → Documents, bad records → RecordError."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from govscan.sources.dates import parse_date
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import RecordFields


@dataclass(frozen=True)
class RecordError:
    """A record that cannot be scanned (bad JSON, no text field); ``path`` is its locator."""

    path: str
    message: str


def lookup(record: Any, dotted: str) -> Any:
    """The value at ``a.b.0.c`` in nested dicts/lists, or None when any step is missing."""
    value = record
    for step in dotted.split("."):
        if isinstance(value, dict):
            value = value.get(step)
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return None
    return value


def documents(name: str, line: int, record: Any, fields: RecordFields) -> Iterator[Document | RecordError]:
    """The text field of one record (and its title field, as ``field=title``)."""
    raw_id = lookup(record, fields.id) if fields.id else None
    record_id = None if raw_id is None or isinstance(raw_id, (dict, list)) else str(raw_id)
    text = lookup(record, fields.text)
    title = lookup(record, fields.title) if fields.title else None
    title = title if isinstance(title, str) and title.strip() else None
    date = parse_date(lookup(record, fields.date)) if fields.date else None
    path = locate(name, line=line, record_id=record_id)
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}, not text"
        yield RecordError(path, f"text field {fields.text!r} is {found} (choose it with --text-field)")
        return
    yield Document(path=path, text=text, title=title, date=date)
    if title:
        yield Document(path=locate(name, line=line, record_id=record_id, field="title"), text=title, date=date)
