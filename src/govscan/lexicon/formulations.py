"""Schema of ``lexicons/formulations.yaml`` (``kind: formulations``, rule LEX302).

Three sections, each entry cited and carrying examples that must and must not fire:

- ``enumerations``: fixed lists (四个意识, 两个确立 …) with their members in official
  order, the regex shape of one member (to find where a written list starts and ends)
  and the separators between members;
- ``patterns``: a regex for every written form of a name (习近平…思想, 第X次全国代表大会);
  a match that is not one of the ``accept`` forms is a broken form;
- ``quoted``: terms that official texts put in quotation marks (style warnings).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import regex
from pydantic import Field, field_validator, model_validator

from govscan.lexicon.data_file import load_data_file
from govscan.lexicon.load import packaged_lexicon_dir
from govscan.lexicon.schema import Examples, RuleHeader, StrictModel
from govscan.models import Severity, Source

KIND = "formulations"


def _compiles(pattern: str | None) -> str | None:
    if pattern is None:
        return None
    try:
        regex.compile(pattern)
    except regex.error as error:
        raise ValueError(f"invalid regex {pattern!r}: {error}") from error
    return pattern


class SupersededForm(StrictModel):
    """An earlier official form of an enumeration, correct up to ``valid_until``."""

    members: list[str] = Field(min_length=2)
    valid_until: dt.date
    source: Source


class Enumeration(StrictModel):
    """A fixed enumeration: exactly these members, in this order."""

    name: str
    label: str | None = Field(default=None, description="Regex of the enumeration's name, e.g. 四个意识.")
    label_suffix: str | None = Field(default=None, description="Regex that may follow the label, e.g. 战略布局.")
    members: list[str] = Field(min_length=2)
    item: str = Field(description="Regex of one written member, e.g. \\p{Han}{2}意识.")
    separator: str = "、|,|和|以及|及|与"
    joiner: str = "、"
    superseded: list[SupersededForm] = Field(default_factory=list)
    source: Source
    examples: Examples

    _regexes = field_validator("label", "label_suffix", "item", "separator")(_compiles)

    @model_validator(mode="after")
    def _members_match_item(self) -> Enumeration:
        shape = regex.compile(f"(?:{self.item})")
        for form in [self.members, *(s.members for s in self.superseded)]:
            for member in form:
                if not shape.fullmatch(member):
                    raise ValueError(f"member {member!r} does not match the item regex")
        return self


class Pattern(StrictModel):
    """Every written form of one name; forms not in ``accept`` are broken."""

    name: str
    pattern: str
    accept: list[str] = Field(default_factory=list)
    suggestion: str
    message: str
    severity: Severity | None = None
    source: Source
    examples: Examples

    _regex = field_validator("pattern")(_compiles)


class Quoted(StrictModel):
    """A term official texts write inside quotation marks."""

    term: str
    after: str | None = Field(default=None, description="Regex that must follow, to tell the term from prose.")
    source: Source
    examples: Examples

    _regex = field_validator("after")(_compiles)


class Formulations(RuleHeader):
    """The whole ``formulations.yaml`` file."""

    kind: str = Field(pattern=f"^{KIND}$")
    quote_severity: Severity
    examples_as_of: dt.date = Field(description="The document date the examples are judged at.")
    enumerations: list[Enumeration] = Field(min_length=1)
    patterns: list[Pattern] = Field(default_factory=list)
    quoted: list[Quoted] = Field(default_factory=list)


def load_formulations(path: Path) -> Formulations:
    """Parse and validate a ``kind: formulations`` file."""
    return load_data_file(path, Formulations, KIND)


@cache
def packaged_formulations() -> Formulations:
    """The formulations shipped with govscan."""
    return load_formulations(packaged_lexicon_dir() / "formulations.yaml")
