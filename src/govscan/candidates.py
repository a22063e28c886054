"""Two-stage matching: a cheap pass finds where a costly pattern can start, the pattern is tried only there.

A pattern that opens with a lookbehind or a big alternation makes ``re`` and
``regex`` attempt a match at every position (~5 MB/s); a candidate pattern that
opens with one plain character class is skipped through at C speed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex


def finditer_at_candidates(
    pattern: Any, candidates: Any, text: str, start: int = 0, end: int | None = None
) -> Iterator[Any]:
    """What ``pattern.finditer(text)`` yields, trying ``pattern`` only where a ``candidates`` match starts.

    Exact when every position where ``pattern`` can match is the start of a
    ``candidates`` match; write candidates as one character plus lookarounds, so
    that none swallows the start of the next. Only candidates in ``text[start:end]``
    are tried (their lookbehinds still see the text before ``start``; their
    lookaheads stop at ``end``, so end at a character no match can hold).
    """
    match_at = pattern.match
    reach = start
    for candidate in candidates.finditer(text, start, len(text) if end is None else end):
        position = candidate.start()
        if position < reach:
            continue
        match = match_at(text, position)
        if match is not None:
            reach = match.end()
            yield match


# A decimal digit other than ASCII 0-9 (Arabic-Indic, Devanagari, …).
_OTHER_DIGIT = regex.compile(r"[^\P{Nd}0-9]")


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a decimal digit that ``[0-9]`` misses but ``\\d`` finds."""
    return _OTHER_DIGIT.search(text) is not None
