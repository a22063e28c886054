"""Edit a file's bytes where its decoded text changed, and nowhere else.

Redaction must not re-encode a whole file: a codec that does not map bytes
one-to-one (Big5's duplicate characters) or a changed line ending would alter
bytes nobody asked to change. Instead each edit of the decoded text becomes an
edit of the exact bytes that encoded those characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from govscan.errors import InputError
from govscan.sources.decode import Decoded
from govscan.sources.document import Document

# A document's text with its personal data masked in place (same length); the caller scans, sources/ edits bytes.
Masker = Callable[[Document], str]


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` (code points of the decoded file) with ``replacement``."""

    start: int
    end: int
    replacement: str


def changes(original: str, masked: str, offset: int = 0) -> Iterator[Edit]:
    """The runs where ``masked`` (same length as ``original``) differs from it, shifted by ``offset``."""
    if len(masked) != len(original):
        raise ValueError("a masked text must keep the length of the original")
    start = None
    for index, (before, after) in enumerate(zip(original, masked, strict=True)):
        if before != after and start is None:
            start = index
        elif before == after and start is not None:
            yield Edit(offset + start, offset + index, masked[start:index])
            start = None
    if start is not None:
        yield Edit(offset + start, offset + len(original), masked[start:])


def splice(name: str, data: bytes, decoded: Decoded, edits: Iterable[Edit]) -> bytes:
    """``data`` with each edit applied to the bytes that encode its characters; all other bytes kept.

    Raises InputError when the file does not encode back to its own bytes (so
    byte offsets cannot be trusted) or a replacement cannot be written in its encoding.
    """
    ordered = sorted(edits)
    if not ordered:
        return data
    text, encoding = decoded.text, decoded.encoding
    if decoded.encode(text) != data:
        raise InputError(name, f"does not encode back to the same bytes in {encoding}; cannot redact it byte for byte")
    pieces = [decoded.bom]
    char, byte = 0, len(decoded.bom)
    for edit in ordered:
        if edit.start < char:
            raise ValueError(f"overlapping edits at {edit.start}")
        start = byte + len(text[char : edit.start].encode(encoding))
        end = start + len(text[edit.start : edit.end].encode(encoding))
        try:
            replacement = edit.replacement.encode(encoding)
        except UnicodeEncodeError as error:
            raise InputError(name, f"the mask {edit.replacement!r} cannot be written in {encoding}") from error
        pieces += [data[byte:start], replacement]
        char, byte = edit.end, end
    pieces.append(data[byte:])
    return b"".join(pieces)
