"""DAT003 future-date — a date later than the document's own date, told as already past.

What it finds:
    已于, 发布于, 印发于, 公布于 or 成立于 before a date after the document's
    date (a notice dated 2021-06-04 saying 已于2021年7月1日完成), and 截至 at the
    start of a clause before such a date and a comma (截至2021年7月1日，全市…).

Why it matters:
    Text that reports a future day as past was written, or re-dated, after the
    date it carries: the pattern behind 伪造发稿日期, a single-veto item of the
    national inspection indicators (国办秘函〔2019〕19号).

Validation:
    The document's date is its publication date, else ``as_of`` (``--as-of``,
    else today: nothing can already have happened after today). Year-less
    dates need a publication date or a given ``--as-of`` (see ``_dates``). A
    month (截至2021年7月底) counts from its first day. 截至 after a noun
    (报名时间截至7月31日) is a deadline, not a report, and is skipped.

Examples:
    (dated 2021-06-04) 该项目已于2021年7月1日竣工 → fires; 将于2021年7月1日 → does not fire.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from govscan.checks import CheckContext
from govscan.checks._dates import DateMention, dates_near, document_date, resolve_all, years_of
from govscan.hit import Hit
from govscan.models import Rule, RuleKind, Severity

RULE = Rule(
    code="DAT003",
    name="future-date",
    severity=Severity.ERROR,
    summary="晚于文档日期的日期被表述为已经发生",
    description=__doc__ or "",
    kind=RuleKind.CHECK,
)

_PAST = re.compile(r"(?:已于|发布于|印发于|公布于|成立于) ?$")
_AS_OF = re.compile(r"(?:^|[\n,。;:!?(])(?:据统计,)?(?P<word>截至|截止到|截止至|截止) ?$")
_CLAUSE_END = re.compile(r"(?:底|末)?[,:]")
# The last character of every _PAST and _AS_OF word: a date after anything else needs no search.
_CUE_ENDS = "于至到止"


_DATE_START = "[0-9一二三四五六七八九十]"


@lru_cache(maxsize=8)
def _cues(reference_year: int) -> tuple[re.Pattern[str], ...]:
    """Where a date right after a cue word can fire, found at C speed (each pattern opens with one plain character).

    A date written with a year before ``reference_year`` is before the reference date, so it is left out.
    """
    earlier = _years_before(reference_year)
    after = f" ?\n?(?={_DATE_START})" + (f"(?!(?:{earlier})(?: ?年|[-/.]))" if earlier else "")
    words = ("已于", "发布于", "印发于", "公布于", "成立于")
    # Most 于 follow none of the words' characters before it: one set turns them away before five lookbehinds.
    gate = f"(?<=[{''.join(sorted({word[-2] for word in words}))}]于)"
    past = "|".join(f"(?<={word})" for word in words)
    return re.compile(f"于{gate}(?:{past}){after}"), re.compile(f"截(?:至|止到|止至|止){after}")


def _years_before(year: int) -> str:
    """A pattern for the four-digit years 1800–2099 before ``year`` (empty when there are none)."""
    decades = []
    for decade in range(180, 210):
        if decade * 10 + 9 < year:
            decades.append(f"{decade}[0-9]")
        elif decade * 10 < year:
            decades.append(f"{decade}[0-{year - decade * 10 - 1}]")
    return "|".join(decades)


def check(context: CheckContext) -> Iterator[Hit]:
    text = context.text
    reference = context.published or context.as_of
    windows = [(match.end(), match.end() + 1) for cues in _cues(reference.year) for match in cues.finditer(text)]
    return _hits(context, dates_near(text, windows, document_date(context)))


def _hits(context: CheckContext, mentions: Iterable[DateMention]) -> Iterator[Hit]:
    """The findings among ``mentions`` (:func:`read_dates` or the dates right after a cue word)."""
    text = context.text
    reference = context.published or context.as_of
    source = "元数据发布日期" if context.published else "as_of 日期" if context.as_of_given else "今天"
    year_reference = document_date(context)
    for mention in mentions:
        if mention.range_from is not None:
            continue
        before = text[max(0, mention.start - 12) : mention.start]
        if _last_word_char(before) not in _CUE_ENDS:
            continue
        past = _PAST.search(before)
        word = past.group(0).strip() if past else None
        if word is None:
            as_of = _AS_OF.search(before)
            if as_of is None or not _CLAUSE_END.match(text, _date_end(mention, text)):
                continue
            word = as_of.group("word")
        dates = _first_days(mention, year_reference)
        if not dates or any(date is None or date <= reference for date in dates):
            continue
        date = min(dates)
        yield Hit(
            rule=RULE,
            start=mention.start,
            end=mention.end,
            message=RULE.summary,
            explanation=f"“{word}”表示已经发生，但 {date.isoformat()} 晚于文档日期 {reference.isoformat()}（{source}）",
            severity=RULE.severity,
        )


def _last_word_char(before: str) -> str:
    """The character a cue word would end with: before one optional space and the final newline ``$`` allows."""
    before = before.removesuffix("\n")
    return before.removesuffix(" ")[-1:] or "\n"


def _first_days(mention: DateMention, year_reference: dt.date | None) -> tuple[dt.date | None, ...]:
    """The mention's date in each year it may mean; a month counts from its first day."""
    if mention.day is not None:
        return resolve_all(mention, year_reference)
    if not 1 <= mention.month <= 12:
        return ()
    return tuple(dt.date(year, mention.month, 1) for year in years_of(mention, year_reference))


def _date_end(mention: DateMention, text: str) -> int:
    return mention.end + (1 if text[mention.end : mention.end + 1] == " " else 0)
