"""Personal-data detectors: one module per kind, found by discovery.

A detector module defines:

- ``RULE``: its :class:`~govscan.models.Rule` (code, name, severity, summary);
- ``PATTERN``: a compiled ``regex`` pattern run over the *folded* text, bounded
  explicitly (no ``\\b``: it never fires inside running Chinese text);
- ``validate(candidate) -> Verdict | None``: confirms a match (checksum,
  calendar, context words) or drops it by returning ``None``.

Optionally, for speed, ``starts(text, numbers) -> Iterable[int]``: ascending
positions that include every position where ``PATTERN`` can match. ``numbers``
holds the spans of the text's digit runs that can belong to a long written
number (six digits or more, or followed by a joiner such as ``-``, a
parenthesis, a space or a line break; see :func:`govscan.candidates.number_runs`),
found once per text and shared by every detector: a detector of numbers looks
only around them. A module may test its positions with a cheap ``CANDIDATES``
pattern (stdlib ``re`` is fine) whose matches start wherever ``PATTERN`` can
match, written as one character plus lookarounds (``[0-9](?<![0-9]{2})(?=[0-9]{5})``)
so that no candidate swallows the start of the next (``CANDIDATES.match(text, start)``).

``PATTERN`` is then tried only at those positions, with ``PATTERN.match(text,
start)``, which finds exactly what ``PATTERN.finditer`` would. ``PATTERN`` with
lookbehinds or big alternations cannot skip ahead quickly and costs 5–10x more
per MB than such a pass. ``starts`` and ``CANDIDATES`` may assume every decimal digit in the
text is ASCII ``0-9`` (``[0-9]`` skips far faster than ``\\d``): a text holding
any other digit is scanned with ``PATTERN`` alone.

Adding a detector means adding its module, its tests and its fixtures; nothing
here lists them. Modules whose names start with ``_`` are helpers.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import NamedTuple

import regex

from govscan.candidates import finditer_at, has_other_digits, number_runs
from govscan.models import Confidence, Rule, Severity


class Candidate(NamedTuple):
    """One pattern match, handed to ``validate``; offsets are in the folded text.

    A named tuple, not a frozen dataclass: one is built per match (hundreds per MB), and a tuple is built ~3x faster.
    """

    text: str
    match: regex.Match[str]
    as_of: dt.date

    @property
    def value(self) -> str:
        """The matched string, or the ``value`` group when the pattern has one."""
        return self.group("value") or self.match.group(0)

    def group(self, name: str) -> str | None:
        """The named group, or ``None`` when it did not take part or the pattern has no such group."""
        try:
            return self.match.group(name)
        except IndexError:
            return None

    def before(self, width: int) -> str:
        """Up to ``width`` folded characters before the match (for cue words)."""
        start = self.match.start()
        return self.text[max(0, start - width) : start]

    def after(self, width: int) -> str:
        end = self.match.end()
        return self.text[end : end + width]


class Verdict(NamedTuple):
    """A confirmed candidate: why it fired and how sure the detector is.

    ``start``/``end`` narrow the finding to part of the match (e.g. leaving out a
    ``+86`` prefix); ``severity`` overrides the rule's default for this hit. A
    named tuple, like :class:`Candidate`, because one is built per hit.
    """

    explanation: str
    confidence: Confidence = Confidence.HIGH
    severity: Severity | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Detector:
    """A loaded detector module."""

    rule: Rule
    pattern: regex.Pattern[str]
    module: ModuleType
    starts: Callable[[str, tuple[tuple[int, int], ...]], Iterable[int]] | None = None

    def matches(self, text: str, ascii_digits: bool = False) -> Iterator[regex.Match[str]]:
        """What ``pattern.finditer(text)`` finds, trying the pattern only at ``starts`` when the module has them.

        ``ascii_digits``: the caller knows ``text`` writes every decimal digit in ASCII (see ``Folded``).
        """
        if self.starts is None or (not ascii_digits and _has_other_digits(text)):
            yield from self.pattern.finditer(text)
        else:
            yield from finditer_at(self.pattern, self.starts(text, _number_runs(text)), text)


@lru_cache(maxsize=2)
def _has_other_digits(text: str) -> bool:
    """Cached: every detector of one scan asks about the same text."""
    return has_other_digits(text)


@lru_cache(maxsize=2)
def _number_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: found once per text, shared by every detector's ``starts``."""
    return number_runs(text)


def _load(module: ModuleType) -> Detector:
    for attribute in ("RULE", "PATTERN", "validate"):
        if not hasattr(module, attribute):
            raise TypeError(f"detector module {module.__name__} has no {attribute}")
    return Detector(
        rule=module.RULE,
        pattern=module.PATTERN,
        module=module,
        starts=getattr(module, "starts", None),
    )


@cache
def all_detectors() -> tuple[Detector, ...]:
    """Every detector module in this package, ordered by rule code."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        found.append(_load(importlib.import_module(f"{__name__}.{info.name}")))
    return tuple(sorted(found, key=lambda d: d.rule.code))
