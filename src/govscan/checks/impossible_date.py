"""DAT001 impossible-date — a date that does not exist, or a range that ends before it starts.

What it finds:
    ``2023年2月30日``, ``2021年13月``, ``2021-02-29`` (2021 is not a leap year),
    ``二〇二三年二月三十日``, full-width digits, and both ends of ranges
    (``2025年4月1日—2025年6月31日``, ``4月1日至31日``), plus ranges whose end
    lies before their start (``2025年6月10日至2025年6月1日``, ``4月10日至5日``).

Why it matters:
    An impossible date is a 严重表述错误 on its face: readers cannot act on it,
    and inspection notices list such dates among the errors they find.

Validation:
    Month and day are checked against the calendar in every year; 2月29日 is
    checked against its year, so a year-less 2月29日 is judged only when the
    document's date gives it one (see ``_dates``). A range end leaving out its
    month or year inherits them from the start; an end in an earlier month
    without a year rolls into the next year (``12月25日至1月3日`` is fine).

Examples:
    本办法自2023年2月30日起施行 → fires; 2月4日至10日放假 → does not fire.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator

from govscan.checks import CheckContext
from govscan.checks._dates import DateMention, dates_near, document_date, month_problem, resolve_all, years_of
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT001",
    name="impossible-date",
    severity=Severity.ERROR,
    summary="日期不存在（如2月30日、13月），或起止日期颠倒",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)


# Where a date can fire, found at C speed: after each 月 or numeric date's separator, the month
# or day that no calendar has (0, 13月, 32日), a 29-31日 of a month that may lack it (2月29日,
# 4月31日) or a range connector. Each pattern opens with one plain character, which ``re`` skips
# to quickly; the month before it is checked by lookbehinds.
_CN_UNITS = "一二三四五六七八九"
_CN_TENS = "二三四五六七八九"
_SHORT_MONTHS = ("(?<![0-9])[2469]", "(?<![0-9])(?:0[2469]|11)", "(?<!十)[二四六九]", "十一")
_DAY = f"(?:[0-9]{{1,2}}|[{_CN_UNITS}]?十[{_CN_UNITS}]?|[{_CN_UNITS}])"
_CONNECTOR = "(?:—|–|-|~|至|到)"


def _bad_month(space: str) -> str:
    """Lookbehinds from 月 for a month of 0 or above 12, written before ``space`` and 月.

    A month's digits never follow another digit (``_DATE`` starts after a
    non-numeral, 年 or a connector), so every ASCII number before 月 but 1–9
    and 01–12 is either no month or a wrong one; Chinese months above 12 end
    in 十三…十九, 二十…九十 or 二十一…九十九.
    """
    ascii_month = f"(?<=[0-9]{space}月)(?<!(?<![0-9])[1-9]{space}月)(?<!(?:0[1-9]|1[0-2]){space}月)"
    chinese = ("十[三四五六七八九]", f"[{_CN_TENS}]十", f"[{_CN_TENS}]十[{_CN_UNITS}]")
    chinese_month = f"(?<=[{_CN_UNITS}十]{space}月)(?:" + "|".join(f"(?<={m}{space}月)" for m in chinese) + ")"
    return f"{ascii_month}|{chinese_month}"


def _after_month(*months: str) -> str:
    """Lookbehinds from 月 for ``months`` (fixed-width patterns), with or without a space before 月."""
    return "|".join(f"(?<={month}{space}月)" for month in months for space in ("", " "))


def _bad_numeric(sep: str) -> str:
    """After a year and ``sep`` (escaped): a month no calendar has, a day that is wrong, or a range."""
    return (
        f"(?:00?|1[3-9]|[2-9][0-9]){sep}|(?:0?[2469]|11){sep}(?:29|3[01])"
        f"|[0-9]{{1,2}}{sep}(?:00?|3[2-9]|[4-9][0-9])(?![0-9])|[0-9]{{1,2}}{sep}[0-9]{{1,2}} ?{_CONNECTOR}"
    )


# After 月: a month no calendar has, or a day that is wrong or opens a range.
_BAD_MONTHS = f"{_bad_month('')}|{_bad_month(' ')}"
_BAD_DAYS = (
    f" ?(?:00?|3[2-9]|[4-9][0-9]|三十[二三四五六七八九]|[四五六七八九]十[{_CN_UNITS}]?) ?[日号]"
    f"|(?= ?(?:29|3[01]|二十九|三十一?) ?[日号])(?:{_after_month(*_SHORT_MONTHS)})"
    f"| ?{_DAY} ?[日号] ?{_CONNECTOR}"
)
# Most 月 follow a plain month (1-9 or 01-12) and precede a plain day (1-28日 opening no range): a gate on each
# side turns them away in one or two steps, where the alternatives take a dozen (the 月 pattern costs a half
# less). Exact: _BAD_MONTHS all want a month that is no plain one, or a space or Chinese numeral before 月, where
# a plain month has a digit; _BAD_DAYS all start with a space or a numeral, and want a day of 0 or 29 on, a
# Chinese one, or a connector after it.
_NOT_A_PLAIN_MONTH = "(?<!(?<![0-9])[1-9]月)(?<!(?:0[1-9]|1[0-2])月)"
_NOT_A_PLAIN_DAY = f"(?!(?:1[0-9]|2[0-8]|[1-9])[日号](?! ?{_CONNECTOR}))(?= ?[0-9{_CN_UNITS}十])"
_SUSPECTS = (
    re.compile(f"月(?:{_NOT_A_PLAIN_MONTH}(?:{_BAD_MONTHS})|{_NOT_A_PLAIN_DAY}(?:{_BAD_DAYS}))"),
    # Each alternative opens with a month of one or two digits and the separator again: a gate for that turns
    # away the numbers that follow a year-like one (索引号 …/2024-99805) in one step.
    *(
        re.compile(f"{sep}(?<=(?:1[89]|20)[0-9]{{2}}{sep})(?=[0-9]{{1,2}}{sep})(?:{_bad_numeric(sep)})")
        for sep in map(re.escape, "-/.")
    ),
)


def check(context: CheckContext) -> Iterator[Hit]:
    windows = [match.span() for suspects in _SUSPECTS for match in suspects.finditer(context.text)]
    today = document_date(context)
    return _hits(dates_near(context.text, windows, today), today)


def _hits(mentions: Iterable[DateMention], today: dt.date | None) -> Iterator[Hit]:
    """The findings among ``mentions`` (:func:`read_dates` or the suspects' neighbourhoods)."""
    for mention in mentions:
        years = years_of(mention, today)
        problem = month_problem(mention) or _leap_problem(mention, years)
        if problem is not None:
            yield _hit(mention.start, mention.end, f"读作{_label(mention, years)}：{problem}")
        elif mention.range_from is not None:
            pairs = list(zip(resolve_all(mention.range_from, today), resolve_all(mention, today), strict=False))
            if pairs and all(first and last and last < first for first, last in pairs):
                first, last = pairs[0]
                explanation = f"起始日期 {first.isoformat()} 晚于结束日期 {last.isoformat()}"
                yield _hit(mention.range_from.start, mention.end, explanation)


def _leap_problem(mention: DateMention, years: tuple[int, ...]) -> str | None:
    """2月29日 in a year that is not a leap year (in every year the date may mean)."""
    if (mention.month, mention.day) != (2, 29) or not years or any(calendar.isleap(y) for y in years):
        return None
    return month_problem(mention, years[0])


def _label(mention: DateMention, years: tuple[int, ...]) -> str:
    """The date as read, with the year it takes when it leaves it out."""
    return mention.label if not years or mention.year is not None else f"{years[0]}年{mention.label}"


def _hit(start: int, end: int, explanation: str) -> Hit:
    return Hit(rule=RULE, start=start, end=end, message=RULE.summary, explanation=explanation, severity=RULE.severity)
