"""Cue words around a candidate: the context that makes a number personal, or not."""

from __future__ import annotations

from collections.abc import Iterable

from govscan.detectors import Candidate

# Punctuation that ends the clause a cue word can speak for.
_CLAUSE_END = "。；;！!？?\n"


def clause_before(candidate: Candidate, width: int) -> str:
    """Up to ``width`` characters before the match, cut at the last clause end."""
    return clause_ending_at(candidate.text, candidate.match.start(), width)


def clause_ending_at(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters of ``text`` before ``end``, cut at the last clause end."""
    window = text[max(0, end - width) : end]
    cut = max(window.rfind(mark) for mark in _CLAUSE_END)
    return window[cut + 1 :]


def clause_after(candidate: Candidate, width: int) -> str:
    """Up to ``width`` characters after the match, cut at the first clause end."""
    text = candidate.after(width)
    cuts = [index for index in (text.find(mark) for mark in _CLAUSE_END) if index >= 0]
    return text[: min(cuts)] if cuts else text


def nearest_cue(text: str, cues: Iterable[str]) -> tuple[int, str] | None:
    """The cue ending last in ``text`` (closest to a following match) and its end, or ``None``.

    On a tie the longer cue wins, so 社保卡号 beats the 卡号 inside it.
    """
    best = None
    for cue in cues:
        index = text.rfind(cue)
        if index < 0:
            continue
        key = (index + len(cue), len(cue))
        if best is None or key > best[0]:
            best = (key, cue)
    return None if best is None else (best[0][0], best[1])


def has_cue(text: str, cues: Iterable[str]) -> str | None:
    """The first cue found in ``text``, or ``None``."""
    return next((cue for cue in cues if cue in text), None)
