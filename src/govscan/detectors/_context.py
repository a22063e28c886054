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
    """The cue words' text before the match: see :func:`cues_before`."""
    return cues_before(candidate.text, candidate.match.start(), width)


def cues_before(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters of ``text`` before ``end``, cut at the last clause end; in a table row, the
    column's header cell in front, after a tab.

    A 公示 table names what its numbers are once, in the header (身份证号, 银行账号, 订单号): that cue speaks for
    the whole column, and a cue in the clause itself, nearer the number, still wins (:func:`nearest_cue`).
    """
    clause = clause_ending_at(text, end, width)
    header = column_header(text, end)
    return f"{header}\t{clause}" if header else clause


def clause_ending_at(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters of ``text`` before ``end``, cut at the last clause end."""
    return _CLAUSE_TAIL.match(text, max(0, end - width), end).group()


def column_header(text: str, position: int) -> str:
    """The header cell of the column ``position`` lies in, when its line is a table row under a header; else ''.

    Rows are lines whose cells are split by tabs (as the HTML and Word readers write table rows) or, in a line
    opening with ``|``, by ``|`` (Markdown). A table is a run of lines with as many separators; its first line
    is the header (a Markdown ``|---|`` line below it is just another row). Rows already walked are
    remembered per text, so a long table is walked up once, not once per number in it.
    """
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    separator = _separator(text, line_start, line_end)
    if separator is None:
        return ""
    header = _header_line(text, line_start, separator, text.count(separator, line_start, line_end))
    if header == line_start:
        return ""
    cells = text[header : text.find("\n", header)].split(separator)
    column = text.count(separator, line_start, position)
    return cells[column].strip() if column < len(cells) else ""


def _separator(text: str, start: int, end: int) -> str | None:
    line = text[start:end]
    if "\t" in line:
        return "\t"
    return "|" if line.lstrip(" ").startswith("|") else None


def _header_line(text: str, line_start: int, separator: str, separators: int) -> int:
    """Where the first line of the table holding the row at ``line_start`` starts."""
    known = _header_lines(text)
    walked = []
    row = line_start
    while row not in known:
        walked.append(row)
        if row == 0:
            header = row
            break
        above = text.rfind("\n", 0, row - 1) + 1
        if text.count(separator, above, row - 1) != separators:
            header = row
            break
        row = above
    else:
        header = known[row]
    for row in walked:
        known[row] = header
    return header


@lru_cache(maxsize=2)
def _header_lines(text: str) -> dict[int, int]:
    """Per text, each table row walked so far → the start of its table's first line (filled by _header_line)."""
    return {}


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
