"""The unit of scanning: one text with where it came from."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Document(BaseModel):
    """A text to scan; ``date`` (publication date), when known, is the default ``as_of``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str
    text: str
    title: str | None = None
    date: dt.date | None = None
