"""Fold text for matching, keeping an exact map back to the original offsets.

Matching runs on a folded copy: full-width forms become ASCII and other
compatibility characters take their NFKC form, one character for one; zero-width
characters disappear; traditional characters become simplified, one for one, from
OpenCC's character table, so a 繁體 page matches the same lexicons. So
``１３９１２３４５６７８`` and ``1\u200b3\u200b9…`` match the same patterns as
``13912345678``. Findings must still point into the caller's string: because
every fold is one-to-one except the removals, the offset map is just the sorted
list of removed positions, and it is empty (no work at all) for the usual text
without zero-width characters.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

from govscan.candidates import beyond_bmp, other_bmp_digits

# Characters that carry no visible text and are used to break up numbers and words.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"

_ZERO_WIDTH_RUN = regex.compile(f"[{ZERO_WIDTH}]")

# Table size: the Basic Multilingual Plane; characters above it are left as they are.
_BMP = 0x10000


@cache
def fold_table() -> list[int | str | None]:
    """Dense ``str.translate`` table (2.5x faster than a dict) for the whole BMP.

    A character maps to its NFKC form when that form is a single character,
    except "other numbers" (circled ①, superscript ²): folding those into plain
    digits would glue list markers and units onto neighbouring numbers.
    Multi-character expansions (``…`` → ``...``) are left alone so that folding
    never changes positions; only zero-width characters are removed.
    """
    table: list[int | str | None] = list(range(_BMP))
    compatibility = _compatibility_forms()
    for code, form in compatibility.items():
        table[code] = form
    table[0x3000] = " "  # ideographic space
    for char in ZERO_WIDTH:
        table[ord(char)] = None
    simplified = traditional_to_simplified()
    for traditional, target in simplified.items():
        if table[ord(traditional)] == ord(traditional):
            table[ord(traditional)] = target
    for code, form in compatibility.items():
        if form in simplified:  # a compatibility ideograph whose NFKC form is traditional
            table[code] = simplified[form]
    return table


def _compatibility_forms() -> dict[int, str]:
    """Every BMP character whose NFKC form is one other character (not an "other number")."""
    forms: dict[int, str] = {}
    for block in range(0, _BMP, 256):
        if 0xD800 <= block < 0xE000:  # surrogates
            continue
        chars = [chr(code) for code in range(max(block, 0x80), block + 256)]
        # One C-speed normalisation per block finds the few blocks with any change;
        # NUL is a starter that composes with nothing, so it keeps the characters apart.
        joined = "\x00".join(chars)
        if unicodedata.normalize("NFKC", joined) == joined:
            continue
        for char in chars:
            form = unicodedata.normalize("NFKC", char)
            if len(form) == 1 and form != char and unicodedata.category(char) != "No":
                forms[ord(char)] = form
    return forms


@cache
def traditional_to_simplified() -> dict[str, str]:
    """Traditional → simplified, one character for one, from OpenCC's ``TSCharacters.txt``.

    Where OpenCC lists several simplified candidates (乾 → 干 乾) its first, default
    choice is taken. Only character-level data is used: phrase tables would change
    the length of the text and break the exact offset map. Characters above the BMP
    are left out, like every other fold.
    """
    data = resources.files("opencc").joinpath("dictionary", "TSCharacters.txt").read_text(encoding="utf-8")
    mapping: dict[str, str] = {}
    for line in data.splitlines():
        traditional, _, candidates = line.partition("\t")
        simplified = candidates.split(" ")[0]
        if len(traditional) == 1 and len(simplified) == 1 and traditional != simplified and ord(traditional) < _BMP:
            mapping[traditional] = simplified
    return mapping


# Full-width punctuation that nearly every Chinese text holds. When nothing else in a
# text needs folding (the usual simplified page), one C-speed search and a few
# ``str.replace`` calls do the table's work about five times faster.
_PUNCTUATION = "，：；（）！？"


def _fold_punctuation(text: str) -> str:
    for char in _PUNCTUATION:
        if char in text:
            text = text.replace(char, fold_table()[ord(char)])
    return text


@cache
def _needs_table() -> re.Pattern[str]:
    """Matches any character the table changes, except ``_PUNCTUATION``, and any decimal digit of the BMP
    other than ASCII 0-9 (no character beyond the BMP: ``re`` tests a class holding one 1.5x slower)."""
    table = fold_table()
    other_digits = {ord(digit) for digit in other_bmp_digits()}
    codes = [
        code for code in range(_BMP) if (table[code] != code and chr(code) not in _PUNCTUATION) or code in other_digits
    ]
    ranges = []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            ranges.append(re.escape(chr(start)) + (f"-{re.escape(chr(previous))}" if previous > start else ""))
            start = code
        previous = code
    return re.compile(f"[{''.join(ranges)}]")


@dataclass(frozen=True)
class Folded:
    """A folded copy of ``original`` and the map from folded to original offsets."""

    original: str
    text: str
    # Original positions of removed characters, ascending; empty when none were removed.
    removed: tuple[int, ...] = ()
    # removed[m] - m for each m: the folded position where each removal happened.
    _shift_points: tuple[int, ...] = field(default=(), repr=False)
    # True when ``text`` is known to write every decimal digit in ASCII 0-9 (False: not known).
    ascii_digits: bool = False

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded half-open span to the original span that produced it.

        Removed characters inside the span are included in it; those just before
        or after it are not.
        """
        if not self.removed:
            return start, end
        if start >= end:
            point = self._original_index(start)
            return point, point
        return self._original_index(start), self._original_index(end - 1) + 1

    def _original_index(self, index: int) -> int:
        return index + bisect.bisect_right(self._shift_points, index)

    def to_folded(self, offset: int) -> int:
        """The folded offset of original ``offset``: the first folded character at or after it."""
        return offset - bisect.bisect_left(self.removed, offset)


def fold(text: str) -> Folded:
    """Fold ``text`` (width, one-to-one NFKC, traditional → simplified, zero-width removal) and keep the offset map."""
    if _needs_table().search(text) is None:
        # Nothing to fold but punctuation, and no other digit in the BMP; beyond it, other digits are rare enough
        # that a text holding any character there is simply not known to write ASCII digits.
        return Folded(text, _fold_punctuation(text), ascii_digits=not beyond_bmp(text))
    folded = text.translate(fold_table())
    if len(folded) == len(text):
        return Folded(text, folded)
    removed = tuple(m.start() for m in _ZERO_WIDTH_RUN.finditer(text))
    return Folded(text, folded, removed, tuple(r - m for m, r in enumerate(removed)))
