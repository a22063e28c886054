"""Pydantic models of a lexicon YAML file (``extra="forbid"`` everywhere).

One file is one rule code. Every entry names what to write instead and the
public source that makes it a fact; ``examples`` are texts that must and must
not fire, and run as tests.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_serializer, model_validator

from govscan.models import Severity, Source
from govscan.normalize import fold


class Boundary(str, Enum):
    """How a match is confirmed against the surrounding words."""

    WORD = "word"  # start and end must fall on jieba word boundaries
    NONE = "none"  # the term is distinctive enough as a substring


class Kind(str, Enum):
    """Whether a term is wrong wherever it appears, or only in some contexts."""

    ALWAYS = "always"  # wrong as a string (within its validity dates and bar its exceptions)
    CONTEXT = "context"  # wrong only where its context rules say so (截止 + 日期 + 逗号)


class TitleRule(str, Enum):
    """How a term relates to a document title 《…》."""

    ANY = "any"  # titles make no difference
    SKIP = "skip"  # inside 《…》 the term is a citation of an old document, not a misstatement
    EXACT = "exact"  # only 《term》, 《prefix+term》 or 《term（…修正）》 count (laws: not 《劳动合同法》)


class StrictModel(BaseModel):
    """Frozen, and unknown fields are errors: a misspelt key must not be silently ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleHeader(StrictModel):
    """What every data file declares about its rule (see ``Rule.of_data_file``)."""

    code: str = Field(pattern=r"^LEX\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    summary: str
    description: str = ""


class Examples(StrictModel):
    """Texts that must produce a finding for this entry, and texts that must not."""

    fire: list[str] = Field(min_length=1)
    ok: list[str] = Field(default_factory=list)


class Example(StrictModel):
    """An example text with the date it is scanned at (default: today)."""

    text: str = Field(min_length=1)
    as_of: dt.date | None = None

    @model_serializer
    def _as_written(self) -> str | dict[str, str]:
        """Serialized as it is usually written: the bare text when it has no date."""
        return self.text if self.as_of is None else {"text": self.text, "as_of": self.as_of.isoformat()}


class DatedExamples(StrictModel):
    """A term entry's examples; each is a text or ``{text, as_of}`` (国家工商总局 is right in 2016)."""

    fire: list[Example] = Field(min_length=1)
    ok: list[Example] = Field(default_factory=list)

    @field_validator("fire", "ok", mode="before")
    @classmethod
    def _plain_strings(cls, value: object) -> object:
        if not isinstance(value, list):
            return value
        return [{"text": item} if isinstance(item, str) else item for item in value]


def _check_patterns(patterns: list[str] | None) -> list[str] | None:
    """Patterns run on folded text, so they are folded too (，→ , ；（→ ( ): compile that form."""
    for pattern in patterns or ():
        try:
            re.compile(fold(pattern).text)
        except re.error as error:
            raise ValueError(f"invalid regular expression {pattern!r}: {error}") from error
    return patterns


class _Context(StrictModel):
    """Context rules shared by files and entries.

    An entry's lists add to its file's (a file-wide 原 plus an entry's own
    trap); an entry's ``in_title`` replaces the file's.
    """

    not_after: list[str] | None = Field(
        default=None,
        description="Words that, written before the term (directly or before the place name it ends), "
        "mark it as a former name: 原, 时任.",
    )
    not_near: list[str] | None = Field(
        default=None,
        description="Words that, in the same sentence near the term, make it historical: 更名为, 不再保留, 组建.",
    )
    not_followed_by: list[str] | None = Field(
        default=None, description="Regexes matched right after the term that exempt it (文号: 令第X号, 〔2017〕)."
    )
    not_preceded_by: list[str] | None = Field(
        default=None, description="Regexes searched in the text right before the term (anchor with $) that exempt it."
    )
    in_title: TitleRule | None = None

    @field_validator("not_followed_by", "not_preceded_by")
    @classmethod
    def _valid_exempting_patterns(cls, patterns: list[str] | None) -> list[str] | None:
        return _check_patterns(patterns)


class Entry(_Context):
    """One term that is wrong, with what to write instead and why."""

    term: str = Field(min_length=1)
    suggestion: str | None = None
    message: str | None = None
    severity: Severity | None = None
    boundary: Boundary | None = None
    kind: Kind | None = Field(default=None, description="always (default) or context.")
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    exceptions: list[str] = Field(default_factory=list)
    followed_by: list[str] | None = Field(
        default=None,
        description="Context rule: the term is wrong only if one of these regexes matches after it.",
    )
    preceded_by: list[str] | None = Field(
        default=None,
        description="Context rule: the term is wrong only if one of these regexes is found before it (anchor with $).",
    )
    comment: str | None = Field(default=None, description="Why the entry is as it is (a date choice, a trap).")
    source: Source
    examples: DatedExamples

    @field_validator("followed_by", "preceded_by")
    @classmethod
    def _valid_required_patterns(cls, patterns: list[str] | None) -> list[str] | None:
        return _check_patterns(patterns)

    @model_validator(mode="after")
    def _check(self) -> Entry:
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError("valid_from is after valid_until")
        for phrase in self.exceptions:
            if self.term not in phrase:
                raise ValueError(f"exception {phrase!r} does not contain the term {self.term!r}")
        if self.kind is Kind.ALWAYS and (self.followed_by or self.preceded_by):
            raise ValueError("an always-wrong entry cannot require a context (followed_by / preceded_by)")
        if self.kind is Kind.CONTEXT and not self.has_context_rule():
            raise ValueError("a context-dependent entry needs a context rule (followed_by, preceded_by, not_* …)")
        return self

    def has_context_rule(self) -> bool:
        """Whether the entry itself says in which contexts it is (or is not) wrong."""
        return bool(
            self.followed_by
            or self.preceded_by
            or self.exceptions
            or self.not_followed_by
            or self.not_preceded_by
            or self.not_near
        )

    def is_wrong_on(self, day: dt.date) -> bool:
        """Whether the term counts as wrong in a text dated ``day``.

        ``valid_from`` is the first day the term is wrong (the reform or repeal
        took effect); ``valid_until`` the last.
        """
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


class Lexicon(_Context):
    """A whole lexicon file: one rule code and its entries.

    The context fields (``not_after``, ``not_near``, …) set here are defaults for
    every entry.
    """

    code: str = Field(pattern=r"^LEX\d{3}$")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
    severity: Severity
    summary: str
    description: str = ""
    message: str = Field(description="Template; may use {term} and {suggestion}.")
    boundary: Boundary = Boundary.WORD
    near_window: int = Field(default=40, ge=1, le=200, description="Characters each side searched for not_near.")
    title_prefixes: list[str] = Field(
        default_factory=list, description="Prefixes allowed before a term in an exact title: 中华人民共和国."
    )
    current_names: list[str] = Field(
        default_factory=list,
        description="Names that are correct today (nameplates, local variants). A term inside one never fires.",
    )
    entries: list[Entry] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Lexicon:
        current = set(self.current_names)
        for index, entry in enumerate(self.entries):
            if entry.term in current:
                raise ValueError(f"entries.{index}: term {entry.term!r} is listed in current_names")
            if (entry.followed_by or entry.preceded_by) and self.kind_of(entry) is not Kind.CONTEXT:
                raise ValueError(f"entries.{index}: {entry.term!r} requires a context, so its kind must be context")
        return self

    def kind_of(self, entry: Entry) -> Kind:
        """The entry's kind; unmarked entries are always wrong.

        There is no file-wide default: a top-level ``kind:`` names the file's data
        kind (``formulations``, ``leaders``), see lexicon/load.py.
        """
        return entry.kind or Kind.ALWAYS

    def rules_of(self, entry: Entry) -> _Context:
        """The context rules that apply to ``entry``: the file's lists plus its own."""
        lists = {
            name: [*(getattr(self, name) or ()), *(getattr(entry, name) or ())]
            for name in ("not_after", "not_near", "not_followed_by", "not_preceded_by")
        }
        return _Context(**lists, in_title=entry.in_title or self.in_title)
