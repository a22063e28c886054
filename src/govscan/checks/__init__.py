"""Structural checks (dates, enumerations, formulations): one module per rule, found by discovery.

A check module defines:

- ``RULE``: its :class:`~govscan.models.Rule`;
- ``check(context: CheckContext) -> Iterable[Hit]``: every problem in the
  document, with offsets into ``context.text`` (the *folded* text).

Unlike detectors, a check sees the whole document at once, because what it
judges (a weekday against its date, a signature date against the page's own
date) is spread over the text. Modules whose names start with ``_`` are helpers.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from govscan.hit import Hit
from govscan.models import Rule
from govscan.sources.document import HiddenLink


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at: the folded text and the document's dates.

    ``as_of`` is the date the document is judged at (``--as-of``, else its
    publication date, else today); ``published`` is the publication date from
    the document's metadata, when there is one. ``as_of_given`` is false when
    ``as_of`` is only today's default, which says nothing about when the
    document was written.
    """

    text: str
    as_of: dt.date
    published: dt.date | None = None
    title: str | None = None
    as_of_given: bool = False
    # Off-site anchors hidden in the page's markup (HTML sources only), offsets into ``text``.
    hidden_links: tuple[HiddenLink, ...] = ()


@dataclass(frozen=True)
class Check:
    """A loaded check module."""

    rule: Rule
    run: Callable[[CheckContext], Iterable[Hit]]


def _load(module: ModuleType) -> Check:
    for attribute in ("RULE", "check"):
        if not hasattr(module, attribute):
            raise TypeError(f"check module {module.__name__} has no {attribute}")
    return Check(rule=module.RULE, run=module.check)


@cache
def all_checks() -> tuple[Check, ...]:
    """Every check module in this package, ordered by rule code."""
    found = [
        _load(importlib.import_module(f"{__name__}.{info.name}"))
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]
    return tuple(sorted(found, key=lambda c: c.rule.code))
