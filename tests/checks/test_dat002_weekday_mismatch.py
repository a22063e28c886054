"""DAT002 weekday-mismatch: 星期X, 周X, 礼拜X, 星期日/天, in and out of parentheses."""

import datetime as dt

import pytest

from govscan.checks import Check, weekday_mismatch
from govscan.engine import Scanner
from govscan.sources.document import Document


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=weekday_mismatch.RULE, run=weekday_mismatch.check)])


def found(scanner, text, date=None):
    findings = scanner.scan_document(Document(path="t", text=text, date=date))
    return [(f.code, f.span.start, f.span.end, f.matched_text, f.suggestion, f.explanation) for f in findings]


@pytest.mark.parametrize(
    ("text", "start", "end", "suggestion", "explanation"),
    [
        ("2021年4月22日（星期五）", 11, 14, "星期四", "2021-04-22 是星期四，不是星期五"),
        ("2021年4月22日(周五)", 11, 13, "周四", "2021-04-22 是周四，不是周五"),
        ("2021年4月22日 礼拜五", 11, 14, "礼拜四", "2021-04-22 是礼拜四，不是礼拜五"),
        ("2021年4月25日星期六", 10, 13, "星期日", "2021-04-25 是星期日，不是星期六"),
        ("2021年4月24日（星期日）", 11, 14, "星期六", "2021-04-24 是星期六，不是星期日"),
        ("2021年4月24日（星期天）", 11, 14, "星期六", "2021-04-24 是星期六，不是星期天"),
        ("２０２１年４月２２日（星期五）", 11, 14, "星期四", "2021-04-22 是星期四，不是星期五"),
        ("二〇二一年四月二十二日（星期五）", 12, 15, "星期四", "2021-04-22 是星期四，不是星期五"),
        ("2021-04-22（星期五）", 11, 14, "星期四", "2021-04-22 是星期四，不是星期五"),
        ("2020年2月2日（农历正月初九，星期六）", 17, 20, "星期日", "2020-02-02 是星期日，不是星期六"),
    ],
)
def test_fires(scanner, text, start, end, suggestion, explanation):
    assert found(scanner, text) == [("DAT002", start, end, text[start:end], suggestion, explanation)]


def test_year_less_dates_take_the_document_year(scanner):
    text = "2月2日（星期六）上班。"
    assert found(scanner, text) == []  # no document date: not judged
    assert found(scanner, text, dt.date(2018, 12, 6)) == []  # 2019-02-02 was a Saturday
    assert found(scanner, text, dt.date(2021, 1, 20)) == [
        ("DAT002", 5, 8, "星期六", "星期二", "2021-02-02 是星期二，不是星期六")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2021年4月22日（星期四）",
        "2021年4月25日（星期日）",
        "2021年4月25日（礼拜天）",
        "2021年4月22日周四",
        "2021年4月22日（周一至周五）",
        "2021年4月22日周边地区",
        "延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。",
    ],
)
def test_quiet(scanner, text):
    assert found(scanner, text, dt.date(2020, 1, 27)) == []


def test_a_year_written_in_the_text_may_be_meant(scanner):
    text = "一、元旦：2018年12月30日至2019年1月1日放假。\n二、国庆节：9月29日（星期日）上班。"
    assert found(scanner, text, dt.date(2018, 12, 6)) == []
