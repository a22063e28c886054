"""DAT005 repeated-item — the same item twice in one enumeration.

What it finds:
    A repeated item in a list joined by 、 (图解、动漫、新闻发布会、动漫、音频 — a
    real case from an inspection notice), in a run of short items joined by
    commas (图解，动漫，新闻发布会，动漫，音频), and in a numbered list, on
    consecutive lines (1. / （一） / ① …) or inline (（1）…；（2）…).

Why it matters:
    A repeated item reads as careless copy-editing and hides whatever item was
    meant instead; inspection notices report it as a 表述错误.

Validation:
    Items are compared exactly. Only items wholly inside the list count: the
    first item of a 、 list usually carries the words before the list, so it is
    left out; the last counts once cut at 等 (音频等形式 → 音频). Comma runs need
    three or more items of at most eight characters. Items of one character
    (省、市、县) and numbers are not compared.

Examples:
    采用图解、动漫、新闻发布会、动漫、音频等形式 → fires on the second 动漫.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

import regex

from govscan.candidates import finditer_at
from govscan.checks import CheckContext
from govscan.checks._marks import last_mark_before
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT005",
    name="repeated-item",
    severity=Severity.WARNING,
    summary="同一列举中出现重复项",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)

# A clause (between , 。 ; : ! ? and line breaks) with at least two 、: a list of three or more.
_LISTING_CLAUSE = re.compile(r"(?:^|(?<=[,。;:!?\n]))[^,。;:!?\n、]*(?:、[^,。;:!?\n、]*){2,}", re.MULTILINE)
_CLAUSE_MARKS = ",。;:!?\n"
# Two 、 in one clause: the clauses worth matching _LISTING_CLAUSE at (it alone tries every position).
_TWO_ENUMERATION_COMMAS = re.compile(r"、[^,。;:!?\n、]*、")
_COMMA_ITEM = 8
# Three or more short items, each between two commas of one sentence (so never its first or last part):
# ``,(?:[^,、。;!?\n]{1,8},){3,}``, its item possessive (it cannot end in a comma, so giving characters
# back never helps) and its first three repeats spelled out, so a comma that opens no run is left sooner.
_COMMA_ITEM_PATTERN = rf"[^,、。;!?\n]{{1,{_COMMA_ITEM}}}+,"
# Most commas open no run, and the lookahead ``[^,]{1,8}+,`` three times (what the items need, bar the other
# separators) turns them away at half the cost: one character unlike a comma is quicker to test than a set.
# Spelled out, like the items: ``(?:…){3}`` costs ``re`` a third more.
_COMMA_RUN_SHAPE = "(?=" + rf"[^,]{{1,{_COMMA_ITEM}}}+," * 3 + ")"
_COMMA_RUN = re.compile(f",{_COMMA_RUN_SHAPE}{_COMMA_ITEM_PATTERN * 3}(?:{_COMMA_ITEM_PATTERN})*")
_MARKER = r"(?:\(?[一二三四五六七八九十]{1,3}[)、]|\(?[0-9]{1,2}[).、]|\([0-9]{1,2}\)|[①-⑳])"
_NUMBERED_LINE = re.compile(rf"^[ \t]*(?P<marker>{_MARKER}) ?(?P<item>[^\n]*?)[。;,、 \t]*$", re.MULTILINE)
# Where a numbered line can start: a line break before blanks and a list marker. Most lines open with no
# marker's first character, and one set turns them away quicker than the marker's four alternatives. A table
# row opens with its number and a tab (``1\t区财政局``): digits no marker end (``).、``) follows are no marker.
_MARKER_FIRST = "(0-9一二三四五六七八九十①-⑳"
_NUMBERED_LINE_BREAK = re.compile(rf"\n(?=[ \t]*[{_MARKER_FIRST}])(?![0-9]{{1,2}}[^0-9).、])(?=[ \t]*{_MARKER})")
_INLINE_ITEM = re.compile(r"(?:\([0-9]{1,2}\)|[①-⑳])(?P<item>[^()①-⑳\n;。]+)")
# Where an inline item can start: its marker's first character. Each is searched alone, the fastest way
# each has: "(" as a plain string by ``re``, ①-⑳ as one range by ``regex`` (~10x faster than ``re``'s set).
_INLINE_ITEM_STARTS = (re.compile(r"\("), regex.compile("[①-⑳]"))
_TRAILING = " \t,、;。"

Item = tuple[int, int]


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    lists: list[list[Item]] = []
    for clause in _listing_clauses(text):
        if _may_repeat(clause.group()):
            lists.append(_enumeration(clause.start(), clause.group()))
    lists.extend(_comma_runs(text))
    lists.extend(_numbered_lines(text))
    lists.extend(_inline_lists(text))
    for items in lists:
        yield from _repeats(text, items)


def _listing_clauses(text: str) -> Iterator[re.Match[str]]:
    """What ``_LISTING_CLAUSE.finditer(text)`` finds: each clause holding two 、, matched from its start."""
    reach = 0
    for pair in _TWO_ENUMERATION_COMMAS.finditer(text):
        if pair.start() < reach:
            continue
        clause = _LISTING_CLAUSE.match(text, last_mark_before(text, _CLAUSE_MARKS, pair.start()) + 1)
        if clause is not None:
            reach = clause.end()
            yield clause


def _may_repeat(clause: str) -> bool:
    """Whether the 、 list in ``clause`` repeats an item that _repeats compares (most lists do not): the values
    of ``_enumeration``'s items, without placing them."""
    parts = clause.split("、")[1:]
    last = parts.pop()
    if "等" in last:
        parts.append(last[: last.index("等")])
    values = list(map(str.strip, parts))
    if len(set(values)) == len(values):
        return False
    compared = [value for value in values if len(value) >= 2 and not value.isdigit()]
    return len(set(compared)) < len(compared)


def _enumeration(offset: int, clause: str) -> list[Item]:
    """The items of a 、 list inside one clause, without the first (it carries the lead-in)."""
    parts = clause.split("、")
    if len(parts) < 3:
        return []
    items = []
    position = offset + len(parts[0]) + 1
    for index, part in enumerate(parts[1:], start=1):
        length = len(part)
        if index == len(parts) - 1:
            if "等" not in part:
                break
            length = part.index("等")
        items.append((position, position + length))
        position += len(part) + 1
    return items


def _comma_runs(text: str) -> Iterator[list[Item]]:
    """Runs of three or more short comma-separated items inside a sentence (those with two equal items)."""
    for run in _COMMA_RUN.finditer(text):
        parts = run.group()[1:-1].split(",")
        values = list(map(str.strip, parts))
        if len(set(values)) == len(values):
            continue
        items = []
        position = run.start() + 1
        for part in parts:
            if part.strip():
                items.append((position, position + len(part)))
            position += len(part) + 1
        yield items


def _numbered_lines(text: str) -> list[list[Item]]:
    """Consecutive lines that open with a list marker, as one list per block."""
    lists: list[list[Item]] = []
    current: list[Item] = []
    last_end = -2
    for match in _numbered_line_matches(text):
        if match.start() != last_end + 1:
            lists.append(current)
            current = []
        current.append((match.start("item"), match.end("item")))
        last_end = match.end()
    lists.append(current)
    return lists


def _numbered_line_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_NUMBERED_LINE.finditer(text)`` finds, tried only at line starts that open with a marker character."""
    first = _NUMBERED_LINE.match(text)
    if first is not None:
        yield first
    for line_break in _NUMBERED_LINE_BREAK.finditer(text):
        match = _NUMBERED_LINE.match(text, line_break.end())
        if match is not None:
            yield match


def _inline_items(text: str) -> Iterator[re.Match[str]]:
    """What ``_INLINE_ITEM.finditer(text)`` finds, tried only where a marker's first character stands."""
    starts = heapq.merge(*((m.start() for m in starts.finditer(text)) for starts in _INLINE_ITEM_STARTS))
    return finditer_at(_INLINE_ITEM, starts, text)


def _inline_lists(text: str) -> Iterator[list[Item]]:
    """Items marked （1）（2）… or ①②… inside one line (no item crosses a line break)."""
    items: list[Item] = []
    line_start = -1
    for match in _inline_items(text):
        start = match.start("item")
        this_line = text.rfind("\n", 0, start) + 1
        if this_line != line_start and items:
            yield items
            items = []
        line_start = this_line
        items.append((start, _strip_end(text, start, match.end("item"))))
    if items:
        yield items


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _repeats(text: str, items: list[Item]) -> Iterator[Hit]:
    seen: set[str] = set()
    for start, end in items:
        value = text[start:end].strip()
        if len(value) < 2 or value.isdigit():
            continue
        if value in seen:
            yield Hit(
                rule=RULE,
                start=start,
                end=end,
                message=RULE.summary,
                explanation=f"“{value}”在同一列举中已经出现过",
                severity=RULE.severity,
            )
        else:
            seen.add(value)
