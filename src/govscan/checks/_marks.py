"""Finding the punctuation that opens a sentence or clause, looking back only as far as needed."""

from __future__ import annotations

# The first look-back; it widens fourfold until a mark is found or the text's start is reached.
_FIRST_WIDTH = 256


def last_mark_before(text: str, marks: str, position: int) -> int:
    """Index of the last of ``marks`` before ``position`` in ``text``, or -1.

    ``max(text.rfind(m, 0, position) for m in marks)`` scans back to the start of
    the text for every mark that is absent, which makes a check quadratic on
    long texts; the answer is the same from the nearest window holding a mark.
    """
    width = _FIRST_WIDTH
    while True:
        low = max(0, position - width)
        found = max(text.rfind(mark, low, position) for mark in marks)
        if found >= 0 or low == 0:
            return found
        width *= 4
