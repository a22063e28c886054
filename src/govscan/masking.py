"""Masked display forms of personal data, as inspection notices print them.

Digits and letters are replaced by ``*``; separators stay so the shape is still
recognisable (``139-****-5678``). How many characters to keep at each end is
per kind: a detector module may define ``MASK_KEEP = (start, end)``.
"""

from __future__ import annotations

# What is kept when a detector says nothing: enough to tell hits apart, not to
# identify anybody.
DEFAULT_KEEP = (1, 1)


def mask_value(value: str, keep: tuple[int, int] = DEFAULT_KEEP) -> str:
    """Replace the alphanumerics of ``value`` by ``*``, keeping ``keep`` at each end."""
    keep_start, keep_end = keep
    if value.isalnum() and len(value) > keep_start + keep_end:  # no separators: one run of stars in the middle
        return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end :]
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    # Too short to keep anything: hide it all rather than reveal most of it.
    hidden = positions if len(positions) <= keep_start + keep_end else positions[keep_start : len(positions) - keep_end]
    chars = list(value)
    for index in hidden:
        chars[index] = "*"
    return "".join(chars)
