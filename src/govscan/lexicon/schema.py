"""Pydantic models of a lexicon YAML file (``extra="forbid"`` everywhere).

One file is one rule code. Every entry names what to write instead and the
public source that makes it a fact; ``examples`` are texts that must and must
not fire, and run as tests.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from govscan.models import Severity, Source


class Boundary(str, Enum):
    """How a match is confirmed against the surrounding words."""

    WORD = "word"  # start and end must fall on jieba word boundaries
    NONE = "none"  # the term is distinctive enough as a substring


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Examples(_Strict):
    """Texts that must produce a finding for this entry, and texts that must not."""

    fire: list[str] = Field(min_length=1)
    ok: list[str] = Field(default_factory=list)


class Entry(_Strict):
    """One term that is wrong, with what to write instead and why."""

    term: str = Field(min_length=1)
    suggestion: str | None = None
    message: str | None = None
    severity: Severity | None = None
    boundary: Boundary | None = None
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    exceptions: list[str] = Field(default_factory=list)
    source: Source
    examples: Examples

    @model_validator(mode="after")
    def _check(self) -> Entry:
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError("valid_from is after valid_until")
        for phrase in self.exceptions:
            if self.term not in phrase:
                raise ValueError(f"exception {phrase!r} does not contain the term {self.term!r}")
        return self

    def is_wrong_on(self, day: dt.date) -> bool:
        """Whether the term counts as wrong in a text dated ``day``.

        ``valid_from`` is the first day the term is wrong (the reform or repeal
        took effect); ``valid_until`` the last.
        """
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


class Lexicon(_Strict):
    """A whole lexicon file: one rule code and its entries."""

    code: str = Field(pattern=r"^LEX\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    summary: str
    description: str = ""
    message: str = Field(description="Template; may use {term} and {suggestion}.")
    boundary: Boundary = Boundary.WORD
    entries: list[Entry] = Field(min_length=1)
