"""Plain text and Markdown: the whole file is one document, scanned as written."""

from __future__ import annotations

from govscan.sources.decode import decode, decode_as
from govscan.sources.document import Document
from govscan.sources.options import ReadOptions
from govscan.sources.splice import Masker, changes, splice


def read(name: str, data: bytes, options: ReadOptions | None = None) -> list[Document]:
    """The whole file as one document (``options``: nothing to configure for plain text)."""
    return [Document(path=name, text=decode(name, data))]


def redact(name: str, data: bytes, masker: Masker, options: ReadOptions | None = None) -> bytes:
    """The file with what ``masker`` masks replaced in its own bytes; every other byte kept."""
    decoded = decode_as(name, data)
    masked = masker(Document(path=name, text=decoded.text))
    return splice(name, data, decoded, changes(decoded.text, masked))
