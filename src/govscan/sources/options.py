"""How to read inputs: which fields of an export hold what, and the zip-bomb limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from govscan.sources.limits import DEFAULT_LIMITS, Limits


@dataclass(frozen=True)
class RecordFields:
    """Dotted paths (``article.body``, ``items.0.text``) of the fields of a JSONL/CSV record.

    ``text`` is required in every record; the others are used when present.
    Without ``id`` a record is named by its line only.
    """

    text: str = "text"
    title: str | None = "title"
    id: str | None = "id"
    date: str | None = "date"


@dataclass(frozen=True)
class ReadOptions:
    fields: RecordFields = field(default_factory=RecordFields)
    limits: Limits = DEFAULT_LIMITS


DEFAULT_OPTIONS = ReadOptions()
