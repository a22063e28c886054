"""Immutable result models shared by the library, the reports and the command line."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class Severity(str, Enum):
    """How bad a finding is; the words match SARIF's ``level``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        """Larger is worse; used for ``--fail-on`` and sorting summaries."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.NOTE: 1, Severity.WARNING: 2, Severity.ERROR: 3}


class Confidence(str, Enum):
    """How sure a rule is, from validation and context words."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return _CONFIDENCE_RANK[self]


_CONFIDENCE_RANK = {Confidence.LOW: 1, Confidence.MEDIUM: 2, Confidence.HIGH: 3}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Half-open ``[start, end)`` range of code points in the original text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(_Frozen):
    """Citation of the public document that makes a lexicon entry a fact."""

    title: str
    issuer: str
    number: str | None = None
    date: dt.date | None = None
    url: str | None = None

    def cite(self) -> str:
        """One-line human citation, e.g. ``国务院机构改革方案（十三届全国人大一次会议，2018-03-17）``."""
        parts = [self.issuer]
        if self.number:
            parts.append(self.number)
        if self.date:
            parts.append(self.date.isoformat())
        return f"{self.title}（{'，'.join(parts)}）"


class RuleKind(str, Enum):
    """Where a rule comes from."""

    DETECTOR = "detector"
    LEXICON = "lexicon"
    CHECK = "check"


class Rule(_Frozen):
    """Public metadata of one rule code (stable API: code and name never change)."""

    code: str = Field(pattern=r"^[A-Z]{3}\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    summary: str
    description: str = ""
    kind: RuleKind
    personal_data: bool = False

    @classmethod
    def of_data_file(cls, data: BaseModel, kind: RuleKind) -> Rule:
        """The rule a data file declares at its top (code, name, severity, summary, description)."""
        fields = ("code", "name", "severity", "summary", "description")
        return cls(kind=kind, **{field: getattr(data, field) for field in fields})


class Finding(_Frozen):
    """One problem in one text, with a span into the caller's original string.

    The matched text itself is kept privately (``matched_text``) so that it can
    be masked or shown on request, but never lands in a serialized report by
    accident: ``excerpt`` is already masked for personal data.
    """

    code: str
    name: str
    severity: Severity
    confidence: Confidence = Confidence.HIGH
    message: str
    span: Span
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    excerpt: str
    excerpt_span: Span
    suggestion: str | None = None
    source: Source | None = None
    explanation: str = ""
    personal_data: bool = False
    # Line-free identity for baselines (see filters.fingerprint); set by batch scans.
    fingerprint: str | None = None

    _matched_text: str = PrivateAttr(default="")

    @property
    def matched_text(self) -> str:
        """The exact original text of the hit (may be personal data: do not log)."""
        return self._matched_text

    def with_matched_text(self, text: str) -> Finding:
        """Attach the original hit text; used once by the engine when building."""
        self._matched_text = text
        return self


class FileError(_Frozen):
    """Why one input could not be scanned."""

    kind: str
    message: str


class FileResult(_Frozen):
    """Findings of one input (file, stdin, record) — or the error that stopped it."""

    path: str
    findings: tuple[Finding, ...] = ()
    error: FileError | None = None


class Report(_Frozen):
    """Every file of one run, in input order."""

    files: tuple[FileResult, ...] = ()

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]
