"""DAT002 weekday-mismatch — a date followed by the wrong day of the week.

What it finds:
    ``2021年4月22日（星期五）`` (it was a Thursday), with 星期X, 周X or 礼拜X
    (日 and 天 both Sunday), in parentheses or not, also after other words in
    the parentheses (``2月2日（农历正月初九，星期日）``).

Why it matters:
    A wrong weekday makes readers ask which of the two is meant; in notices of
    meetings, deadlines and holiday schedules that is a misstatement people act on.

Validation:
    The date must resolve to a real date: a written year, or a year-less date
    with a document date, wrong in every year it may mean (see ``_dates``). A weekday followed by 至, 到, - or 、
    (``周一至周五``) is a span of days, not the date's weekday, and is skipped.

Examples:
    2021年4月22日（星期五） → fires; 2021年4月22日（星期四） → does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govscan.checks import CheckContext
from govscan.checks._dates import document_date, read_dates, resolve_all
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT002",
    name="weekday-mismatch",
    severity=Severity.ERROR,
    summary="日期与星期不符",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)

_WEEKDAY = re.compile(
    r" ?(?:\((?:[^()\n,]{1,12},)?)?(?P<word>星期|礼拜|周)(?P<day>[一二三四五六日天])(?![至到\-~、一二三四五六日天])"
)
_NAMES = "一二三四五六日"


def check(context: CheckContext) -> Iterator[Hit]:
    today = document_date(context)
    for mention in read_dates(context.text):
        match = _WEEKDAY.match(context.text, mention.end)
        if match is None:
            continue
        if match.group("word") == "周" and match.group("day") == "天":
            continue
        dates = resolve_all(mention, today)
        written = 6 if match.group("day") in "日天" else _NAMES.index(match.group("day"))
        if not dates or any(date is None or date.weekday() == written for date in dates):
            continue
        date = dates[0]
        right = f"{match.group('word')}{_NAMES[date.weekday()]}"
        wrong = match.group("word") + match.group("day")
        yield Hit(
            rule=RULE,
            start=match.start("word"),
            end=match.end("day"),
            message=RULE.summary,
            explanation=f"{date.isoformat()} 是{right}，不是{wrong}",
            severity=RULE.severity,
            suggestion=right,
        )
