"""Line and column of offsets into a text, for findings and for the places of text gathered from a file."""

from __future__ import annotations


class Lines:
    """1-based line and code-point column of offsets asked in (mostly) ascending order.

    Counts line feeds from the previous offset asked, in C, instead of listing
    every line feed of a long text for a handful of offsets.
    """

    def __init__(self, text: str):
        self._text = text
        self._offset = 0
        self._breaks = 0  # line feeds before self._offset

    def position(self, offset: int) -> tuple[int, int]:
        if offset >= self._offset:
            self._breaks += self._text.count("\n", self._offset, offset)
        else:
            self._breaks -= self._text.count("\n", offset, self._offset)
        self._offset = offset
        return self._breaks + 1, offset - self._text.rfind("\n", 0, offset)
