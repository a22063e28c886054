"""How reports name a text inside a file: ``FILE[!MEMBER][#key=value&…]``.

- ``site.zip!news/a.html`` — member ``news/a.html`` of the archive ``site.zip``
  (the separator Java's ``jar:`` URLs use; ``!`` is rare in file names);
- ``export.jsonl#line=7&id=123`` — the record on line 7 of the export, whose
  ``--id-field`` is ``123`` (CSV: ``line`` is the row's first physical line);
- ``page.html#field=title``, ``draft.docx#field=header`` — a field other than
  the body text.

Keys always come in the order ``line``, ``id``, ``field``; ``%``, ``&``, ``#``
and ``=`` inside values are percent-encoded so the locator stays parseable.
"""

from __future__ import annotations

ARCHIVE_SEPARATOR = "!"

_ESCAPES = str.maketrans({"%": "%25", "&": "%26", "#": "%23", "=": "%3D"})


def locate(path: str, *, line: int | None = None, record_id: str | None = None, field: str | None = None) -> str:
    """The locator of a record or field inside ``path`` (unchanged when there is nothing to add)."""
    parts = []
    if line is not None:
        parts.append(f"line={line}")
    if record_id is not None:
        parts.append(f"id={record_id.translate(_ESCAPES)}")
    if field is not None:
        parts.append(f"field={field.translate(_ESCAPES)}")
    return f"{path}#{'&'.join(parts)}" if parts else path


def member(archive: str, name: str) -> str:
    """The locator of member ``name`` of the archive at ``archive``."""
    return f"{archive}{ARCHIVE_SEPARATOR}{name}"
