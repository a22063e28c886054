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

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from govscan.checks import CheckContext
from govscan.checks._dates import DateMention, dates_near, document_date, resolve_all
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


# Where a weekday is written, found at C speed (each pattern opens with one plain character: ``re`` finds
# one character twice as fast as two, so the rest of the word is in the lookahead, and the starts are the same);
# only the dates ending within _REACH characters before it can be followed by it.
_WEEKDAY_WORDS = tuple(re.compile(f"{word[0]}(?={word[1:]}[一二三四五六日天])") for word in ("星期", "礼拜", "周"))
# _WEEKDAY's longest lead-in is 15 characters (" (", twelve others, a comma); the date's last one is before it.
_REACH = 16


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    starts = [match.start() for words in _WEEKDAY_WORDS for match in words.finditer(text)]
    today = document_date(context)
    return _hits(text, dates_near(text, [(start - _REACH, start) for start in starts], today), today)


def _hits(text: str, mentions: Iterable[DateMention], today: dt.date | None) -> Iterator[Hit]:
    """The findings among ``mentions`` (:func:`read_dates` or the dates before a weekday)."""
    for mention in mentions:
        match = _WEEKDAY.match(text, mention.end)
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
