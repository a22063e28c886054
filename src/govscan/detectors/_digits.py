"""Regex pieces for long numbers as they are really written: grouped, or wrapped onto a new line."""

from __future__ import annotations

# A line break inside a number: text extracted from HTML tables and narrow columns wraps long numbers.
LINE_BREAK = r"[ \t]*\r?\n[ \t]*"


# Not part of a masked number (``110101********4514``), a decimal (``13912345678.50元``) or a URL or file
# path (``/art_13912345678.html``); a ``*`` after a name (``王*13912345678``) is fine.
NOT_AFTER = r"(?<![0-9A-Za-z/=_&?#])(?<!\d\*+)(?<!\d\.)"
NOT_BEFORE = r"(?![0-9A-Za-z])(?!\*+\d)(?!\.\d)"


# What the digits of a number wrapped onto the next line end with: the line break, maybe after spaces or tabs.
# A set, tested with one- or zero-character slices (a hash look-up; the empty slice at the end is not in it).
BLANKS = frozenset(" \t\r\n")


def wrapped(total: int, last: str = r"\d") -> str:
    """``total`` digits (the last one matching ``last``) split once by a line break, at any position."""
    splits = "|".join(rf"\d{{{k}}}{LINE_BREAK}\d{{{total - k - 1}}}{last}" for k in range(1, total))
    # The guard skips every split at once where no line break follows the digits (nearly everywhere). It takes
    # its digits possessively: giving one back leaves a digit next, where no line break can start.
    return rf"(?={wrapped_guard(total - 1)})(?:{splits})"


def wrapped_guard(most: int) -> str:
    """Up to ``most`` digits and then a line break: what every number wrapped within its first ``most`` + 1 digits
    starts with."""
    return rf"\d{{1,{most}}}+[ \t]*\r?\n"


def compact(value: str) -> str:
    """The number without separators and line breaks, ``x`` upper-cased."""
    if value.isalnum():  # nothing to drop (the common case)
        return value.upper()
    return "".join(filter(str.isalnum, value)).upper()


def has_line_break(value: str) -> bool:
    return "\n" in value
