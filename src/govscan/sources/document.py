"""The unit of scanning: one text with where it came from."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


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


class Document(BaseModel):
    """A text to scan; ``date`` (publication date), when known, is the default ``as_of``.

    ``path`` locates the text for reports: a file, a zip member
    (``site.zip!news/a.html``) and, after ``#``, the record and field inside it
    (``export.jsonl#line=7&id=123``, ``page.html#field=title``) — see
    :func:`govscan.sources.locate`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    hidden_links: tuple[HiddenLink, ...] = ()
