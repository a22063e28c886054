"""DAT001 impossible-date: every written form, both ends of ranges, end before start."""

import datetime as dt

import pytest

from govscan.checks import Check, impossible_date
from govscan.engine import Scanner
from govscan.sources.document import Document


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=impossible_date.RULE, run=impossible_date.check)])


def found(scanner, text, date=None):
    findings = scanner.scan_document(Document(path="t", text=text, date=date))
    return [(f.code, f.span.start, f.span.end, f.matched_text, f.explanation) for f in findings]


@pytest.mark.parametrize(
    ("text", "start", "end", "explanation"),
    [
        ("本办法自2023年2月30日起施行。", 4, 14, "读作2023年2月30日：2月只有29天，没有30日"),
        ("2021年13月起实施", 0, 8, "读作2021年13月：一年只有12个月，没有13月"),
        ("生效日期：2021-02-29", 5, 15, "读作2021年2月29日：2021年2月只有28天，没有29日"),
        ("生效日期：2021/4/31", 5, 14, "读作2021年4月31日：4月只有30天，没有31日"),
        ("二〇二三年二月三十日", 0, 10, "读作2023年2月30日：2月只有29天，没有30日"),
        ("二零二三年二月三十日", 0, 10, "读作2023年2月30日：2月只有29天，没有30日"),
        ("２０２３年２月３０日", 0, 10, "读作2023年2月30日：2月只有29天，没有30日"),
        ("2023年9月31号前", 0, 10, "读作2023年9月31日：9月只有30天，没有31日"),
        ("2025年4月1日—2025年6月31日", 10, 20, "读作2025年6月31日：6月只有30天，没有31日"),
        ("2025年4月31日—2025年6月30日", 0, 10, "读作2025年4月31日：4月只有30天，没有31日"),
        ("2025年4月1日至31日", 10, 13, "读作2025年4月31日：4月只有30天，没有31日"),
        ("4月1日至31日", 5, 8, "读作4月31日：4月只有30天，没有31日"),
        ("2025年6月10日至2025年6月1日", 0, 20, "起始日期 2025-06-10 晚于结束日期 2025-06-01"),
        ("2025年4月10日至5日", 0, 13, "起始日期 2025-04-10 晚于结束日期 2025-04-05"),
    ],
)
def test_fires(scanner, text, start, end, explanation):
    assert found(scanner, text) == [("DAT001", start, end, text[start:end], explanation)]


def test_year_less_leap_day_needs_the_document_date(scanner):
    text = "请于2月29日前报送。"
    assert found(scanner, text) == []
    assert found(scanner, text, dt.date(2024, 1, 10)) == []
    assert found(scanner, text, dt.date(2021, 1, 10)) == [
        ("DAT001", 2, 7, "2月29日", "读作2021年2月29日：2021年2月只有28天，没有29日")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2024年2月29日",
        "2月4日至10日放假调休，共7天。",
        "12月25日至1月3日",
        "2025年6月1日至5月30日",  # an end in an earlier month without a year: next year
        "2019-2020-1学期",
        "GB/T 9704-2012",
        "农历二月三十日",
        "每月31日前",
        "2016—2020年",
        "自2021年5月1日起施行。1998年7月13日国务院发布的办法同时废止。",
    ],
)
def test_quiet(scanner, text):
    assert found(scanner, text, dt.date(2025, 3, 1)) == []
