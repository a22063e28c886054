"""Finding the punctuation that opens a sentence or clause, looking back only as far as needed."""

from __future__ import annotations

from functools import cache

import regex


@cache
def any_of_backwards(marks: str) -> regex.Pattern[str]:
    """A reverse search for any of ``marks``: ``search(text, 0, position)`` finds the last one before ``position``.

    For a hot loop, holding this pattern saves the call and cache look-up of :func:`last_mark_before`.
    """
    return regex.compile(f"[{regex.escape(marks)}]", regex.REVERSE)


def last_mark_before(text: str, marks: str, position: int) -> int:
    """Index of the last of ``marks`` before ``position`` in ``text``, or -1.

    ``max(text.rfind(m, 0, position) for m in marks)`` scans back to the start of
    the text for every mark that is absent, which makes a check quadratic on
    long texts; a reverse search stops at the nearest mark, in one C call.
    """
    found = any_of_backwards(marks).search(text, 0, position)
    return -1 if found is None else found.start()
