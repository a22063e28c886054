"""DAT004 date-inconsistency — a document dated after the page says it was published.

What it finds:
    The signature date (落款: the last line of the notice that is only a date)
    or a 成文日期/印发日期 header later than a publication date: the page's
    metadata date, or a 发布日期/发布时间/公开日期 header in the text. Each
    finding names both dates and where each came from.

Why it matters:
    A document cannot be signed after it was published. A publication date
    earlier than the document's own is the trace of 伪造发稿日期 (back-dating a
    page to pass an inspection), a single-veto item of 国办秘函〔2019〕19号.

Validation:
    Only dates with a written year count. The 落款 is looked for in the last
    eight non-empty lines. When the 落款 and a 成文日期 header carry the same
    date, one finding reports them both.

Examples:
    (published 2021-06-04) …\\n某某市人民政府办公室\\n2021年6月10日 → fires.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from govscan.checks import CheckContext
from govscan.checks._dates import DateMention, dates_near, resolve
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT004",
    name="date-inconsistency",
    severity=Severity.ERROR,
    summary="成文或落款日期晚于发布日期",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)

_LABEL = re.compile(r"(?P<label>成文日期|印发日期|发布日期|发布时间|公开日期) ?[:]? ?")
_CONTENT_LABELS = ("成文日期", "印发日期")
_SIGNATURE_LINES = 8


@dataclass(frozen=True)
class _Dated:
    """A date and where it came from: a labelled line of the text, or the metadata (no offsets)."""

    date: dt.date
    label: str
    start: int | None = None
    end: int | None = None

    def source(self, lines: _Lines) -> str:
        """Human description; the line number is only counted for dates that get reported."""
        if self.start is None:
            return self.label
        return f"{self.label}（第{lines.number(self.start)}行）"


class _Lines:
    """Line numbers of offsets: the line breaks are listed once, when the first finding needs one.

    Counting the breaks before each reported date instead would make a long text with
    many findings quadratic.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks: list[int] | None = None

    def number(self, offset: int) -> int:
        """1-based line of ``offset``: ``text.count("\\n", 0, offset) + 1``."""
        if self.breaks is None:
            self.breaks = [match.start() for match in re.finditer("\n", self.text)]
        return bisect.bisect_left(self.breaks, offset) + 1


# Where _LABEL matches, found at C speed: each pattern opens with one plain character (期, 间). Labels
# cannot overlap, so every label written is one of _LABEL's matches.
_PUBLISHED_LABEL_ENDS = (re.compile("期(?<=发布日期|公开日期)"), re.compile("间(?<=发布时间)"))
_LABEL_ENDS = (re.compile("期(?<=成文日期|印发日期)"), *_PUBLISHED_LABEL_ENDS)
_LABEL_WIDTH = 4
# A date with a written year starts with one (_DATE's year).
_YEAR_START = re.compile("(?:1[89]|20)[0-9]{2}|[一二][〇零○一二三四五六七八九]{3}")


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    if context.published is None and not any(ends.search(text) for ends in _PUBLISHED_LABEL_ENDS):
        return iter(())  # no publication date to contradict
    labels = _labels(text)
    starts = [label.end() for label in labels] + [start for start, _ in _signature_lines(text)]
    windows = [(start, start + 1) for start in starts if _YEAR_START.match(text, start)]
    dated = {m.start: m for m in dates_near(text, windows, None) if m.year is not None and m.range_from is None}
    return _hits(context, labels, dated)


def _labels(text: str) -> list[re.Match[str]]:
    """``list(_LABEL.finditer(text))``: labels cannot overlap, and a label's ``:`` and spaces hold no other."""
    starts = sorted(match.end() - _LABEL_WIDTH for ends in _LABEL_ENDS for match in ends.finditer(text))
    return [match for start in starts if (match := _LABEL.match(text, start)) is not None]


def _hits(context: CheckContext, labels: Iterable[re.Match[str]], mentions: dict[int, DateMention]) -> Iterator[Hit]:
    """The findings, given the label matches and the dates with a written year (no range ends) by start."""
    text = context.text
    content: list[_Dated] = []
    published: list[_Dated] = []
    if context.published is not None:
        published.append(_Dated(context.published, "元数据发布日期"))
    for match in labels:
        mention = mentions.get(match.end())
        date = resolve(mention) if mention else None
        if mention is None or date is None:
            continue
        label = match.group("label")
        dated = _Dated(date, f"“{label}”", mention.start, mention.end)
        (content if label in _CONTENT_LABELS else published).append(dated)
    signature = _signature(text, mentions)
    if signature is not None:
        content.append(signature)
    reported: set[dt.date] = set()
    lines = _Lines(text)
    by_date: dict[dt.date, list[_Dated]] = {}
    for dated in content:
        by_date.setdefault(dated.date, []).append(dated)
    for dated in content:
        if dated.date in reported:
            continue
        earlier = [p for p in published if p.date < dated.date]
        if not earlier:
            continue
        reported.add(dated.date)
        same = [c.source(lines) for c in by_date[dated.date] if c is not dated]
        sources = "、".join([dated.source(lines), *same])
        against = "；".join(f"{p.source(lines)} {p.date.isoformat()}" for p in earlier)
        yield Hit(
            rule=RULE,
            start=dated.start,  # content dates (成文日期, 落款) are always read from the text
            end=dated.end,
            message=RULE.summary,
            explanation=f"{sources} {dated.date.isoformat()} 晚于 {against}",
            severity=RULE.severity,
        )


def _signature(text: str, mentions: dict[int, DateMention]) -> _Dated | None:
    """The 落款 date: the last of the final non-empty lines that holds nothing but a date."""
    for start, length in _signature_lines(text):
        mention = mentions.get(start)
        if mention is None or mention.end - mention.start != length:
            continue
        date = resolve(mention)
        if date is not None:
            return _Dated(date, "落款日期", mention.start, mention.end)
    return None


def _signature_lines(text: str) -> Iterator[tuple[int, int]]:
    """Where each of the final non-empty lines starts (after its indent) and its stripped length, last first."""
    position = len(text)
    seen = 0
    while position > 0 and seen < _SIGNATURE_LINES:
        line_start = text.rfind("\n", 0, position) + 1
        line = text[line_start:position]
        position = line_start - 1
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        yield line_start + len(line) - len(line.lstrip()), len(stripped)
