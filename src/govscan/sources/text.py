"""Plain text and Markdown: the whole file is one document, scanned as written."""

from __future__ import annotations

from govscan.sources.decode import decode
from govscan.sources.document import Document
from govscan.sources.options import ReadOptions


def read(name: str, data: bytes, options: ReadOptions | None = None) -> list[Document]:
    """The whole file as one document (``options``: nothing to configure for plain text)."""
    return [Document(path=name, text=decode(name, data))]
