"""The unit of scanning: one text with where it came from."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from govscan.models import Finding


class HiddenLink(BaseModel):
    """An anchor a reader cannot see that points off-site (暗链), found while extracting HTML.

    ``offset`` is where the anchor sits in the extracted text (code points);
    ``reason`` says what hides it (``display:none``, ``font-size:0``, …).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    offset: int = Field(ge=0)
    href: str
    text: str
    reason: str


class Place(NamedTuple):
    """Where the characters of a gathered text from ``offset`` on (up to the next place) lie in the file: the first
    at ``line``:``column``, each next one a column further. ``personal_only``: only personal-data rules apply there
    (a link target or form value is data, not prose)."""

    offset: int
    line: int
    column: int
    personal_only: bool = False


class Document(BaseModel):
    """A text to scan; ``date`` (publication date), when known, is the default ``as_of``.

    ``path`` locates the text for reports: a file, a zip member
    (``site.zip!news/a.html``) and, after ``#``, the record and field inside it
    (``export.jsonl#line=7&id=123``, ``page.html#field=title``) — see
    :func:`govscan.sources.locate`.

    ``places`` is set for a text gathered from many places of its file (HTML attribute values,
    ``page.html#field=attributes``): :func:`relocate` turns its findings' lines and columns into the file's.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    hidden_links: tuple[HiddenLink, ...] = ()
    places: tuple[Place, ...] = ()
    _places_later: Callable[[], tuple[Place, ...]] | None = PrivateAttr(default=None)

    def placed_later(self, compute: Callable[[], tuple[Place, ...]]) -> Document:
        """This document, its ``places`` left for ``compute`` to find when a finding needs them."""
        self._places_later = compute
        return self

    def file_places(self) -> tuple[Place, ...]:
        """``places``, or those computed now when the reader left them for later."""
        return self.places or (self._places_later() if self._places_later is not None else ())


def relocate(document: Document, findings: Iterable[Finding]) -> list[Finding]:
    """``findings`` of ``document`` with the file's line and column when its text was gathered (``places``), less
    those of rules that do not apply where they were found; spans and excerpts stay in the document's text."""
    findings = list(findings)
    places = document.file_places() if findings else ()
    if not places:
        return findings
    offsets = [place.offset for place in places]

    def position(offset: int) -> tuple[Place, int, int]:
        place = places[bisect.bisect_right(offsets, offset) - 1]
        return place, place.line, place.column + offset - place.offset

    kept = []
    for finding in findings:
        place, line, column = position(finding.span.start)
        if place.personal_only and not finding.personal_data:
            continue
        _, end_line, end_column = position(finding.span.end)
        update = {"line": line, "column": column, "end_line": end_line, "end_column": end_column}
        kept.append(finding.model_copy(update=update))
    return kept
