"""Plain text and Markdown: the whole file is one document, scanned as written."""

from __future__ import annotations

from govscan.sources.decode import decode
from govscan.sources.document import Document


def read(name: str, data: bytes) -> list[Document]:
    return [Document(path=name, text=decode(name, data))]
