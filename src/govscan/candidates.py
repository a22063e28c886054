"""Two-stage matching: a cheap pass finds where a costly pattern can start, the pattern is tried only there.

A pattern that opens with a lookbehind or a big alternation makes ``re`` and
``regex`` attempt a match at every position (~5 MB/s); a candidate pattern that
opens with one plain character class is skipped through at C speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
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
    found = candidates.finditer(text, start, len(text) if end is None else end)
    return finditer_at(pattern, (candidate.start() for candidate in found), text)


def finditer_at(pattern: Any, starts: Iterable[int], text: str) -> Iterator[Any]:
    """What ``pattern.finditer(text)`` yields, trying ``pattern`` only at ``starts`` (ascending positions).

    Exact when ``starts`` holds every position where ``pattern`` can match.
    """
    match_at = pattern.match
    reach = 0
    for start in starts:
        if start < reach:
            continue
        match = match_at(text, start)
        if match is not None:
            reach = match.end()
            yield match


# The text's shape, one byte per character: every ASCII digit as 0, the joiners - ( ) space and line feed as j,
# everything else as x (characters beyond Latin-1 are encoded as ?, also one byte). Long runs and runs before a
# joiner are then literal-led searches over bytes, which ``re`` runs several times faster than a class-led
# search over the text; the runs before a joiner are found from the joiner, rarer than digits.
_SHAPES = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x6A if chr(byte) in "-() \n" else 0x78 for byte in range(256))
_LONG_RUN = re.compile(rb"000000+")
_RUN_BEFORE_JOINER = re.compile(rb"j(?<=0j)")
# Joiners the shape leaves out, right after a digit: the dashes beyond Latin-1 (one literal-led pattern each, run
# only if the text has it), and a tab or CR that a line break follows (tables put tabs after numbers).
_JOINED_BY = {dash: re.compile(rf"{dash}(?<=[0-9]{dash})") for dash in "\u2010\u2011\u2012\u2013\u2014\u2015"}
# The line feeds after a blank or CR: the tab or CR after a run stands before one of these, which are far rarer
# than tabs (a table cell's tab is followed by the next cell).
_LINE_FEED_AFTER_BLANK = re.compile(r"\n(?<=[ \t\r]\n)")
_BLANKS_BEFORE = regex.compile(r"[ \t]*", flags=regex.REVERSE)


def _tab_or_cr_joined(text: str) -> Iterator[int]:
    """Where a tab or CR follows a digit and then, maybe after more blanks, a line break: ``5\t\n``, ``5\r\n``.

    Exact from the line break back: that tab is the first of the blanks before ``\r?\n`` (a digit is no blank),
    and that CR stands right before the line feed, after no blanks (no blanks at all: the line feed follows a CR).
    """
    for line_feed in _LINE_FEED_AFTER_BLANK.finditer(text):
        end = line_feed.start()
        if text[end - 1] == "\r":
            end -= 1
        start = _BLANKS_BEFORE.match(text, 0, end).start()
        if start and "0" <= text[start - 1] <= "9" and (start == end or text[start] == "\t"):
            yield start


def number_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the ASCII digit runs that can belong to a long written number, in order.

    A run counts when it has six digits or more, or when a joiner (``-``, a
    dash, a parenthesis, a space or a line break, maybe after tabs) follows it. Every
    phone, ID, card, permit and passport number holds such a run, so detectors
    look for their numbers around these few runs instead of at every digit.
    """
    shape = text.encode("latin-1", "replace").translate(_SHAPES)
    runs = [match.span() for match in _LONG_RUN.finditer(shape)]
    ends = [match.start() for match in _RUN_BEFORE_JOINER.finditer(shape)]
    for joiner, joined in _JOINED_BY.items():
        if joiner in text:
            ends.extend(match.start() for match in joined.finditer(text))
    if "\t" in text or "\r" in text:
        ends.extend(_tab_or_cr_joined(text))
    for end in ends:
        before = shape[max(0, end - 6) : end]
        length = len(before) - len(before.rstrip(b"0"))
        if length < 6:  # longer runs were found above
            runs.append((end - length, end))
    runs.sort()
    return tuple(runs)


# A decimal digit other than ASCII 0-9 (Arabic-Indic, Devanagari, …), as ``regex`` (which runs PATTERN) knows them.
_OTHER_DIGIT = regex.compile(r"[^\P{Nd}0-9]")


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a decimal digit that ``[0-9]`` misses but ``\\d`` finds."""
    blocks, other_bmp_digit = _other_digits()
    units = text.encode("utf-16-le", "surrogatepass")
    # The other digits sit in a few 256-character blocks (and beyond the BMP, behind surrogates): a text with no
    # character from those blocks, as most are, is settled by a C-speed look at its UTF-16 high bytes.
    if not units[1::2].translate(None, blocks):
        return False
    if other_bmp_digit.search(text) is not None:
        return True
    return len(units) > 2 * len(text) and _OTHER_DIGIT.search(text) is not None


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` holds a character beyond the BMP (each takes two UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


@cache
def _other_digits() -> tuple[bytes, re.Pattern[str]]:
    """The high bytes of the blocks that hold no other digit and no surrogate (to delete them, leaving nothing
    when the text has no other digit), and the BMP's other digits as one ``re`` class of single characters (a
    table look-up per character, twice as fast as ``regex`` testing the Unicode property)."""
    digits = other_bmp_digits()
    highs = {ord(digit) >> 8 for digit in digits} | set(range(0xD8, 0xE0))
    blocks = bytes(high for high in range(256) if high not in highs)
    return blocks, re.compile("[" + digits + "]")


@cache
def other_bmp_digits() -> str:
    """Every decimal digit of the BMP other than ASCII 0-9, as ``regex`` knows them."""
    # Every BMP character, built as UTF-16-LE code units (10x faster than joining 65,536 chr()s).
    units = bytearray(2 * 0x10000)
    units[0::2] = bytes(range(256)) * 256
    units[1::2] = b"".join(bytes([high]) * 256 for high in range(256))
    bmp = units[: 2 * 0xD800].decode("utf-16-le") + units[2 * 0xE000 :].decode("utf-16-le")
    return "".join(_OTHER_DIGIT.findall(bmp))
