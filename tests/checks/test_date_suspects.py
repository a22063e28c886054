"""The DAT checks read dates only around their suspects, and find exactly what reading every date finds."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.candidates import finditer_at_candidates
from govscan.checks import CheckContext, _dates, date_inconsistency, future_date, impossible_date, weekday_mismatch

PIECES = [
    *"0123456789〇零○一二三四五六七八九十年月日号 -./—–~至到,。(\n某",
    *["2021年", "2020年", "2019-", "1999年", "二〇二一年", "二零二〇年", "2024年", "二十九", "三十一", "十二月"],
    *["2月", "02月", "4月", "11月", "13月", "0月", "29日", "30日", "31号", "32日", "0日", "1日", "12月31日"],
    *["2021-02-29", "2020/2/29", "2021.4.31", "——", "星期", "周", "礼拜", "农历", "今年", "去年", "次年"],
    *["已于", "发布于", "截至", "截止到", "据统计,", "底", "成文日期:", "发布日期", "公开日期:", "发布时间 "],
]
CN_YEARS = {2019: "二〇一九", 2020: "二零二〇", 2021: "二〇二一", 2022: "二〇二二", 2023: "二○二三", 2024: "二〇二四"}
CN_NUMBERS = ["一", "二", "四", "九", "十", "十一", "十二", "十三", "二十", "二十九", "三十", "三十一", "三十二"]
numbers = st.integers(min_value=0, max_value=33).map(str) | st.sampled_from(["02", "00", "09", *CN_NUMBERS])
# Months and days at the calendar's edges, so impossible dates are common.
months = numbers | st.sampled_from(["2", "02", "4", "6", "9", "11", "二", "四", "十一", "十二", "12", "13"])
month_days = numbers | st.sampled_from(["28", "29", "30", "31", "二十九", "三十", "三十一"])
years = st.integers(min_value=2017, max_value=2025)
written_year = years.flatmap(lambda y: st.sampled_from([f"{y}年", f"{y} 年", f"{CN_YEARS.get(y, y)}年"]))
written = st.tuples(st.just("") | written_year, months, st.sampled_from(["月", " 月"]), st.just("") | month_days)
written_dates = written.map(lambda p: f"{p[0]}{p[1]}{p[2]}{p[3] + '日' if p[3] else ''}")
numeric_dates = st.tuples(years, st.sampled_from("-/."), st.integers(0, 13), st.integers(0, 32)).map(
    lambda p: f"{p[0]}{p[1]}{p[2]:02}{p[1]}{p[3]}"
)
a_date = written_dates | numeric_dates
ranges = st.tuples(
    a_date, st.sampled_from(["至", "到", "—", " - ", "~", "——"]), a_date | numbers.map(lambda n: n + "日")
)
weekdays = st.tuples(
    st.sampled_from(["", " ", "(", "(农历正月初九,", " (农历正月初九是某某某某某,", "(某某某某某某某某某某某某某,"]),
    st.sampled_from(["星期", "周", "礼拜"]),
    st.sampled_from("一三五六日天"),
)
dated = st.tuples(
    st.sampled_from(
        [
            "",
            "已于",
            "发布于",
            "截至",
            "\n截止到 ",
            "已于\n",
            "截至 \n",
            "。据统计,截至",
            "成文日期:",
            "发布日期 ",
            "\n",
            "今年",
            "农历",
        ]
    ),
    a_date | ranges.map("".join),
    st.just("") | weekdays.map("".join) | st.sampled_from([",", "底,", "末:", "\n"]),
).map("".join)
texts = st.lists(st.sampled_from(PIECES) | dated, max_size=24).map("".join)
# Notices with dated headers and a 落款, so DAT004 compares something.
labels = st.sampled_from(["成文日期:", "发布日期 ", "公开日期:", "印发日期", "发布时间:"])
headers = st.tuples(labels, a_date).map("".join)
signatures = st.tuples(
    st.sampled_from(["\n某局\n", "\n", "\n\n  "]), a_date, st.sampled_from(["", "\n", " \n\n", "\n(此件公开发布)"])
)
notices = st.tuples(st.lists(headers, max_size=3).map(" ".join), texts, signatures.map("".join)).map("\n".join)
days = st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2023, 12, 31))
contexts = st.builds(
    CheckContext,
    text=texts | notices,
    as_of=days,
    published=st.none() | days,
    as_of_given=st.booleans(),
)


def _all_years(text: str) -> set[int]:
    return _dates._read(text, finditer_at_candidates(_dates._DATE, _dates._DATE_STARTS, text))[1]


@settings(max_examples=400, deadline=None)
@given(text=texts, today=days)
def test_reading_every_stretch_is_the_full_pass(text, today):
    assert _dates.dates_near(text, [(0, len(text))], today) == _dates.read_dates(text)
    assert _dates.written_years(text) == _all_years(text)


@settings(max_examples=400, deadline=None)
@given(text=texts, today=st.none() | days, data=st.data())
def test_dates_near_windows_hold_every_date_that_meets_them(text, today, data):
    position = st.integers(min_value=-3, max_value=len(text) + 3)
    windows = data.draw(st.lists(st.tuples(position, position), max_size=4))
    near = _dates.dates_near(text, windows, today)
    full = _dates.read_dates(text)
    starts = [m.start for m in near]
    assert starts == sorted(set(starts))
    assert set(starts) <= {m.start for m in full}
    for mention in full:
        if any(max(low, mention.start) < min(high, mention.end) for low, high in windows):
            assert mention.start in starts


# One test for the four checks: drawing these texts costs more than checking them.
@settings(max_examples=500, deadline=None)
@given(context=contexts)
def test_each_check_finds_what_it_finds_in_every_date(context):
    text = context.text
    full = _dates.read_dates(text)
    today = _dates.document_date(context)
    assert list(impossible_date.check(context)) == list(impossible_date._hits(full, today))
    assert list(weekday_mismatch.check(context)) == list(weekday_mismatch._hits(text, full, today))
    assert list(future_date.check(context)) == list(future_date._hits(context, full))
    labels = list(date_inconsistency._LABEL.finditer(text))
    assert [m.span() for m in date_inconsistency._labels(text)] == [m.span() for m in labels]
    dated = {m.start: m for m in full if m.year is not None and m.range_from is None}
    assert list(date_inconsistency.check(context)) == list(date_inconsistency._hits(context, labels, dated))


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from([*"成文印发布公开日期时间 :", "发布日期", "公开日期", "发布时间"]), max_size=20))
def test_published_label_ends_find_a_published_label(pieces):
    text = "".join(pieces)
    plain = any(m["label"] not in date_inconsistency._CONTENT_LABELS for m in date_inconsistency._LABEL.finditer(text))
    assert any(ends.search(text) for ends in date_inconsistency._PUBLISHED_LABEL_ENDS) == plain


PAST_CUE_PIECES = [*"已发布印公成立于关至 2\n", "已于", "发布于", "印发于", "公布于", "成立于"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PAST_CUE_PIECES), max_size=20))
def test_past_cue_gate_keeps_every_cue(pieces):
    text = "".join(pieces)
    gated = future_date._cues(2026)[0]
    plain = gated.pattern.replace("(?<=[发已布立]于)", "")
    assert plain != gated.pattern
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


def test_years_before_a_year():
    for year in (1700, 1800, 1801, 1810, 1999, 2000, 2026, 2099, 2100, 2200):
        pattern = future_date._years_before(year)
        below = [v for v in range(1800, 2100) if pattern and future_date.re.fullmatch(pattern, str(v))]
        assert below == list(range(1800, min(year, 2100)))


@given(text=st.text(alphabet="a\n", max_size=200), offset=st.integers(min_value=0, max_value=200))
def test_line_numbers_count_the_breaks_before(text, offset):
    offset = min(offset, len(text))
    assert date_inconsistency._Lines(text).number(offset) == text.count("\n", 0, offset) + 1
