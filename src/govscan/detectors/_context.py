"""Cue words around a candidate: the context that makes a number personal, or not."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from govscan.detectors import Candidate

# Punctuation that ends the clause a cue word can speak for.
_CLAUSE_END = "。；;！!？?\n"
# The clause's tail, matched right to left from its end: one call instead of a search per punctuation mark.
_CLAUSE_TAIL = regex.compile(rf"[^{_CLAUSE_END}]*", flags=regex.REVERSE)


def clause_before(candidate: Candidate, width: int) -> str:
    """Up to ``width`` characters before the match, cut at the last clause end."""
    return clause_ending_at(candidate.text, candidate.match.start(), width)


def clause_ending_at(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters of ``text`` before ``end``, cut at the last clause end."""
    return _CLAUSE_TAIL.match(text, max(0, end - width), end).group()


def clause_after(candidate: Candidate, width: int) -> str:
    """Up to ``width`` characters after the match, cut at the first clause end."""
    text = candidate.after(width)
    cuts = [index for index in (text.find(mark) for mark in _CLAUSE_END) if index >= 0]
    return text[: min(cuts)] if cuts else text


def nearest_cue(text: str, cues: Iterable[str]) -> tuple[int, str] | None:
    """The cue ending last in ``text`` (closest to a following match) and its end, or ``None``.

    On a tie the longer cue wins, so 社保卡号 beats the 卡号 inside it.
    """
    found = _last_of(tuple(cues)).search(text)
    return None if found is None else (found.end(), found.group())


@lru_cache(maxsize=64)
def _last_of(cues: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``cues``, searched right to left, longest first: the first match ends last and is the longest there."""
    longest_first = sorted(set(cues), key=len, reverse=True)
    return regex.compile("|".join(map(regex.escape, longest_first)), flags=regex.REVERSE)


def has_cue(text: str, cues: Iterable[str]) -> str | None:
    """The first cue found in ``text``, or ``None``."""
    return next((cue for cue in cues if cue in text), None)
