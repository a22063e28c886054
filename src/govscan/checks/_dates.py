"""Shared date reading for the DAT checks: real ``datetime.date`` values, read where a check needs them.

Written forms read (on the folded text, so full-width digits are already ASCII):

- ``2023年2月30日``, ``2023年2月30号``, ``2021 年 6 月 4 日``;
- Chinese numerals: ``二〇二三年二月三十日`` (〇, 零 and ○ for zero);
- numeric: ``2021-02-29``, ``2021/2/29``, ``2021.2.29`` (four-digit year 1800–2099);
- a month of a year: ``2021年13月``;
- year-less: ``6月8日``;
- ranges joined by —, –, -, ~, 至 or 到: ``2025年4月1日—2025年6月30日``,
  ``4月1日至6月30日``, ``4月1日至30日``; the end inherits the year (and month) it
  leaves out, and rolls into the next year when its month is earlier
  (``12月25日至1月3日``).

Year-less dates take their year from the document's date: the occurrence of that
month and day nearest to it, so a notice of 2018-12-06 that says ``2月2日`` means
2019-02-02. A year written in the text next to that one may be meant too (the
same notice lists ``9月29日（星期日）``, a day of 2019, after ``2019年1月1日``), so
checks fire on a year-less date only when it is wrong in every such year; when
the text writes only years far from its date, year-less dates are not judged.

The document's date is the metadata publication date, else an ``as_of`` the
caller gave (``--as-of``): it is what the user says the document is dated.
Today's default is not a document date, so without either, year-less dates are
not judged. 今年/本年, 去年/上年, 前年, 明年 and 后年 shift the document's year;
other year words (次年, 每年, 当年) leave the year unknown. Dates after 农历/阴历 are lunar and
skipped.

Checks do not read every date: each finds the few places where it could fire with
a cheap search (one plain character, then lookarounds, which ``re`` skips to at
C speed) and reads only the stretches of date characters there (:func:`dates_near`).
:func:`read_dates` is the plain full pass; property tests hold the two equal.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from govscan.candidates import finditer_at_candidates
from govscan.checks import CheckContext

_CN_DIGITS = "〇零○一二三四五六七八九"
_CN_VALUES = {ch: (0 if ch in "〇零○" else "一二三四五六七八九".index(ch) + 1) for ch in _CN_DIGITS}
_CN_NUMBER = "[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_NUMBER = f"[0-9]{{1,2}}|{_CN_NUMBER}"
_YEAR = f"(?:1[89]|20)[0-9]{{2}}|[一二][{_CN_DIGITS}]{{3}}"
_CONNECTOR = " ?(?:——|—|–|-|~|至|到) ?"


def _written(tag: str) -> str:
    return f"(?:(?P<y{tag}>{_YEAR}) ?年 ?)?(?P<m{tag}>{_NUMBER}) ?月(?: ?(?P<d{tag}>{_NUMBER}) ?[日号])?"


def _numeric(tag: str) -> str:
    return (
        f"(?<![-/.])(?P<ny{tag}>(?:1[89]|20)[0-9]{{2}})(?P<sep{tag}>[-/.])(?P<nm{tag}>[0-9]{{1,2}})"
        f"(?P=sep{tag})(?P<nd{tag}>[0-9]{{1,2}})(?![0-9]|[-/.][0-9])"
    )


# One pass finds every date, range and bare year ("2020年": a year the text is about).
_DATE = re.compile(
    f"(?<![0-9{_CN_DIGITS}十])"
    f"(?:(?:{_written('1')}|{_numeric('1')})"
    f"(?:{_CONNECTOR}(?:{_written('2')}|{_numeric('2')}|(?P<dd2>{_NUMBER}) ?[日号]))?"
    f"|(?P<bare>{_YEAR}) ?年)"
)

# Where _DATE can start: a numeral not after another, on its way to 年 or 月 (or a numeric date's separator).
_NUMERAL = f"[0-9{_CN_DIGITS}十]"
_DATE_STARTS = re.compile(
    f"[0-9一二三四五六七八九十](?<!{_NUMERAL}[0-9一二三四五六七八九十])(?={_NUMERAL}{{0,3}} ?[年月]|[0-9]{{3}}[-/.])"
)

_YEAR_WORDS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}
_LUNAR = re.compile("农历|阴历")


@dataclass(frozen=True)
class DateMention:
    """One written date in the folded text; ``day`` is ``None`` for a month (``2021年13月``).

    ``year`` is the year as written (``None`` when left out); ``year_offset`` is
    set by 今年/去年/明年…; ``year_unknown`` by other year words; ``written_years``
    are the years written anywhere in the text. A range end has
    ``range_from`` (its start) and inherits what it leaves out.
    """

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    year_offset: int | None = None
    year_unknown: bool = False
    written_years: frozenset[int] = frozenset()
    range_from: DateMention | None = None
    day_only: bool = False

    @property
    def label(self) -> str:
        """The date as read, in the notation of official text (``2023年2月30日``)."""
        year = f"{self.year}年" if self.year is not None else ""
        day = f"{self.day}日" if self.day is not None else ""
        return f"{year}{self.month}月{day}"


def _number(written: str) -> int:
    """``12``, ``十二``, ``二十``, ``三十一`` or a digit-by-digit year ``二〇二三``."""
    if written.isascii():
        return int(written)
    if "十" not in written:
        value = 0
        for ch in written:
            value = value * 10 + _CN_VALUES[ch]
        return value
    tens, _, units = written.partition("十")
    return (_CN_VALUES[tens] if tens else 1) * 10 + (_CN_VALUES[units] if units else 0)


def _fields(match: re.Match[str], tag: str) -> tuple[int | None, int, int | None] | None:
    if match.group(f"ny{tag}"):
        return (_number(match.group(f"ny{tag}")), _number(match.group(f"nm{tag}")), _number(match.group(f"nd{tag}")))
    if match.group(f"m{tag}"):
        year, day = match.group(f"y{tag}"), match.group(f"d{tag}")
        return (_number(year) if year else None, _number(match.group(f"m{tag}")), _number(day) if day else None)
    return None


def read_dates(text: str) -> tuple[DateMention, ...]:
    """Every date mention in ``text``, in order: the plain full pass (checks read near suspects: :func:`dates_near`)."""
    mentions, written = _read(text, finditer_at_candidates(_DATE, _DATE_STARTS, text))
    return _with_written_years(mentions, frozenset(written))


def _read(text: str, matches: Iterable[re.Match[str]]) -> tuple[list[DateMention], set[int]]:
    """The mentions of ``matches`` (lunar dates left out) and the years they write, bare years included."""
    mentions: list[DateMention] = []
    written: set[int] = set()
    for match in matches:
        if match.group("bare"):
            written.add(_number(match.group("bare")))
            continue
        fields = _fields(match, "1")
        if fields is None:
            continue
        year, month, day = fields
        if year is None and day is None:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        if _LUNAR.search(text, max(line_start, match.start() - 6), match.start()):
            continue
        before = text[max(0, match.start() - 2) : match.start()]
        first = DateMention(
            start=match.start(),
            end=_first_end(match),
            year=year,
            month=month,
            day=day,
            year_offset=_YEAR_WORDS.get(before) if year is None else None,
            year_unknown=year is None and before.endswith("年") and before not in _YEAR_WORDS,
        )
        mentions.append(first)
        last = _range_end(match, first)
        if last is not None:
            mentions.append(last)
        written.update(m.year for m in (first, last) if m is not None and m.year is not None)
    return mentions, written


# Every character a _DATE match can hold. Any other character splits the text into
# stretches that are read on their own: no match crosses one, and the lookbehinds
# still see the whole text, so a stretch read alone holds the full pass's matches.
_DATE_CHARS = f"0-9{_CN_DIGITS}十年月日号 —–~至到/.\\-"
_DATE_CHAR = re.compile(f"[{_DATE_CHARS}]")
_NON_DATE_CHAR = re.compile(f"[^{_DATE_CHARS}]")
_LAST_NON_DATE_CHAR = regex.compile(f"(?r)[^{_DATE_CHARS}]")


class _Stretches:
    """The mentions and written years of each stretch of date characters, read once each, by start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.read: dict[int, tuple[list[DateMention], set[int]]] = {}

    def around(self, low: int, high: int) -> list[tuple[list[DateMention], set[int]]]:
        """What every stretch holding a character of ``text[low:high]`` reads."""
        text = self.text
        found = []
        position = max(0, low)
        high = min(high, len(text))
        while position < high:
            inside = _DATE_CHAR.search(text, position, high)
            if inside is None:
                break
            outside = _NON_DATE_CHAR.search(text, inside.start())
            end = outside.start() if outside else len(text)
            before = _LAST_NON_DATE_CHAR.search(text, 0, inside.start())
            start = before.end() if before else 0
            if start not in self.read:
                self.read[start] = _read(text, finditer_at_candidates(_DATE, _DATE_STARTS, text, start, end))
            found.append(self.read[start])
            position = end + 1
        return found


def dates_near(text: str, windows: Iterable[tuple[int, int]], today: dt.date | None) -> tuple[DateMention, ...]:
    """The mentions of :func:`read_dates` that meet a window ``(start, end)``, and their neighbours.

    Only the stretches of date characters around the windows are read, so a
    check that finds its few suspects with a cheap search pays for those alone;
    :func:`read_dates` would be the same with every mention. ``today`` is the
    document's date: without one, year-less dates are never judged, and the
    years written elsewhere in the text (:func:`written_years`) are not needed.
    """
    stretches = _Stretches(text)
    for low, high in windows:
        stretches.around(low, high)
    mentions = [mention for start in sorted(stretches.read) for mention in stretches.read[start][0]]
    if today is None or all(m.year is not None or m.range_from is not None for m in mentions):
        return tuple(mentions)
    return _with_written_years(mentions, written_years(text))


# A year the full pass may count, before 年 or a numeric date's separator (a superset, read to confirm).
_YEAR_FORMS = (
    re.compile(f"年(?:(?<=({_YEAR})年)|(?<=({_YEAR}) 年))"),
    *(re.compile(f"{re.escape(sep)}(?<=((?:1[89]|20)[0-9]{{2}}){re.escape(sep)})(?=[0-9])") for sep in "-/."),
)


@lru_cache(maxsize=4)
def written_years(text: str) -> frozenset[int]:
    """The years :func:`read_dates` gives year-less dates, found by reading only where a year is written."""
    stretches = _Stretches(text)
    written: set[int] = set()
    for pattern in _YEAR_FORMS:
        for match in pattern.finditer(text):
            if _number(match.group(match.lastindex)) not in written:
                position = match.start(match.lastindex)
                for _, years in stretches.around(position, position + 1):
                    written.update(years)
    return frozenset(written)


def _with_written_years(mentions: list[DateMention], written: frozenset[int]) -> tuple[DateMention, ...]:
    """Give every year-less date the years written anywhere in the text (its range end follows it)."""
    result: list[DateMention] = []
    for mention in mentions:
        if mention.year is None and mention.range_from is None:
            mention = replace(mention, written_years=written)
        elif mention.range_from is not None and mention.range_from.year is None:
            mention = replace(mention, range_from=result[-1])
        result.append(mention)
    return tuple(result)


def _after_marker(text: str, position: int) -> int:
    """End of the 日/号/月 that follows ``position`` (one optional space between)."""
    return position + (2 if text[position] == " " else 1)


def _first_end(match: re.Match[str]) -> int:
    """The first date ends at its 日/号/月 or last digit, before any range connector."""
    if match.group("ny1"):
        return match.end("nd1")
    if match.group("d1"):
        return _after_marker(match.string, match.end("d1"))
    return _after_marker(match.string, match.end("m1"))


def _range_end(match: re.Match[str], first: DateMention) -> DateMention | None:
    """The end of a day-level range, inheriting the year and month it leaves out."""
    if first.day is None:
        return None
    if match.group("dd2"):
        return DateMention(
            start=match.start("dd2"),
            end=match.end(),
            year=None,
            month=first.month,
            day=_number(match.group("dd2")),
            range_from=first,
            day_only=True,
        )
    fields = _fields(match, "2")
    if fields is None or fields[2] is None:
        return None
    start = min(match.start(name) for name in ("ny2", "y2", "m2") if match.group(name))
    return DateMention(start=start, end=match.end(), year=fields[0], month=fields[1], day=fields[2], range_from=first)


def document_date(context: CheckContext) -> dt.date | None:
    """The date the document is known to carry: its publication date, else a caller's ``as_of``."""
    if context.published is not None:
        return context.published
    return context.as_of if context.as_of_given else None


def month_problem(mention: DateMention, year: int | None = None) -> str | None:
    """Why the month and day cannot exist (in ``year``, or else in any year), or ``None``."""
    if not 1 <= mention.month <= 12:
        return f"一年只有12个月，没有{mention.month}月"
    if mention.day is None:
        return None
    longest = calendar.monthrange(2000 if year is None else year, mention.month)[1]
    if not 1 <= mention.day <= longest:
        month = f"{mention.month}月" if year is None else f"{year}年{mention.month}月"
        return f"{month}只有{longest}天，没有{mention.day}日"
    return None


def years_of(mention: DateMention, today: dt.date | None) -> tuple[int, ...]:
    """Every year ``mention`` may refer to, the likeliest first; empty when it cannot be known.

    ``today`` is the document's date (see :func:`document_date`). A year-less
    date may mean the year nearest the document's date, or any year written in
    the text next to that one; checks fire only when the problem holds in all.
    """
    if mention.year is not None:
        return (mention.year,)
    if mention.range_from is not None:
        rolls_over = not mention.day_only and mention.month < mention.range_from.month
        return tuple(year + rolls_over for year in years_of(mention.range_from, today))
    if today is None or mention.year_unknown or not 1 <= mention.month <= 12:
        return ()
    if mention.year_offset is not None:
        return (today.year + mention.year_offset,)
    nearest = min(
        (today.year - 1, today.year, today.year + 1),
        key=lambda year: abs((dt.date(year, mention.month, min(mention.day or 1, 28)) - today).days),
    )
    if mention.written_years and all(abs(year - nearest) > 1 for year in mention.written_years):
        return ()
    others = sorted(year for year in mention.written_years if abs(year - nearest) == 1)
    return (nearest, *others)


def resolve_all(mention: DateMention, today: dt.date | None) -> tuple[dt.date | None, ...]:
    """The real date of a day-level mention in each of its :func:`years_of` (``None`` where it does not exist)."""
    if mention.day is None or month_problem(mention) is not None:
        return ()
    return tuple(_date(year, mention.month, mention.day) for year in years_of(mention, today))


def resolve(mention: DateMention) -> dt.date | None:
    """The real date of a mention with a written year, or ``None``."""
    if mention.year is None or mention.day is None:
        return None
    return _date(mention.year, mention.month, mention.day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
