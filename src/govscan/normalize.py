"""Fold text for matching, keeping an exact map back to the original offsets.

Matching runs on a folded copy: full-width forms become ASCII, compatibility
characters take their NFKC form and zero-width characters disappear, so
``１３９１２３４５６７８`` and ``1\u200b3\u200b9…`` match the same patterns as
``13912345678``. Findings must still point into the caller's string, so the
fold records, for every folded character, the original character it came from.
The map is only built when the fold changed something; most text is already
folded and costs one ``str.translate``.
"""

from __future__ import annotations

import bisect
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache

import regex

# Characters that carry no visible text and are used to break up numbers and words.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"


@cache
def fold_table() -> dict[int, str]:
    """Character → folded string, for every BMP character the fold changes.

    NFKC is applied per character except to "other numbers" (circled ①, super-
    scripts ²): folding those into plain digits would glue list markers and units
    onto neighbouring numbers.
    """
    table: dict[int, str] = {}
    for code in range(0x80, 0x10000):
        char = chr(code)
        if unicodedata.category(char) in ("Cs", "No"):
            continue
        folded = unicodedata.normalize("NFKC", char)
        if folded != char:
            table[code] = folded
    table[0x3000] = " "  # ideographic space
    for char in ZERO_WIDTH:
        table[ord(char)] = ""
    return table


@cache
def _changed_chars() -> regex.Pattern[str]:
    """Regex matching runs of characters that the fold changes."""
    ranges = []
    codes = sorted(fold_table())
    start = prev = codes[0]
    for code in codes[1:]:
        if code != prev + 1:
            ranges.append((start, prev))
            start = code
        prev = code
    ranges.append((start, prev))
    body = "".join(
        regex.escape(chr(a)) if a == b else f"{regex.escape(chr(a))}-{regex.escape(chr(b))}" for a, b in ranges
    )
    return regex.compile(f"[{body}]+")


@dataclass(frozen=True)
class Folded:
    """A folded copy of ``original`` and the map from folded to original offsets.

    ``origin`` is ``None`` when nothing changed (the folded text *is* the
    original); otherwise ``origin[i]`` is the original index of folded char ``i``.
    """

    original: str
    text: str
    origin: array | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded half-open span to the original span that produced it."""
        if self.origin is None:
            return start, end
        if start >= end:
            point = self.origin[start] if start < len(self.origin) else len(self.original)
            return point, point
        return self.origin[start], self.origin[end - 1] + 1

    def to_folded(self, offset: int) -> int:
        """The folded offset of original ``offset``: the first folded character at or after it."""
        if self.origin is None:
            return offset
        return bisect.bisect_left(self.origin, offset)


def fold(text: str) -> Folded:
    """Fold ``text`` (width, NFKC, zero-width removal) and keep the offset map."""
    table = fold_table()
    folded = text.translate(table)
    if folded == text:
        return Folded(text, text, None)
    origin = array("l")
    position = 0
    for run in _changed_chars().finditer(text):
        origin.extend(range(position, run.start()))
        for index in range(run.start(), run.end()):
            origin.extend([index] * len(table[ord(text[index])]))
        position = run.end()
    origin.extend(range(position, len(text)))
    return Folded(text, folded, origin)
