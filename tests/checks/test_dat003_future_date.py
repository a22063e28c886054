"""DAT003 future-date: a date after the document's own date told as past."""

import datetime as dt

import pytest

from govscan.checks import Check, future_date
from govscan.engine import Scanner
from govscan.sources.document import Document

DATED = dt.date(2021, 6, 4)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=future_date.RULE, run=future_date.check)])


def found(scanner, text, date=DATED, as_of=None):
    findings = scanner.scan_document(Document(path="t", text=text, date=date), as_of=as_of)
    return [(f.code, f.span.start, f.span.end, f.matched_text, f.explanation) for f in findings]


@pytest.mark.parametrize(
    ("text", "start", "end", "word", "value"),
    [
        ("该项目已于2021年7月1日竣工。", 5, 14, "已于", "2021-07-01"),
        ("该办法发布于2021年6月5日。", 6, 15, "发布于", "2021-06-05"),
        ("截至2021年7月31日，全市共办结1200件。", 2, 12, "截至", "2021-07-31"),
        ("据统计，截至2021年7月底，全市共办结1200件。", 6, 13, "截至", "2021-07-01"),
        ("该项目已于二〇二一年七月一日竣工。", 5, 14, "已于", "2021-07-01"),
        ("该项目已于7月1日竣工。", 5, 9, "已于", "2021-07-01"),
    ],
)
def test_fires(scanner, text, start, end, word, value):
    explanation = f"“{word}”表示已经发生，但 {value} 晚于文档日期 2021-06-04（元数据发布日期）"
    assert found(scanner, text) == [("DAT003", start, end, text[start:end], explanation)]


def test_as_of_counts_as_the_document_date_without_metadata(scanner):
    text = "该项目已于7月1日竣工。"
    assert found(scanner, text, date=None) == []  # year-less and no document date: not judged
    explanation = "“已于”表示已经发生，但 2021-07-01 晚于文档日期 2021-06-04（as_of 日期）"
    assert found(scanner, text, date=None, as_of=DATED) == [("DAT003", 5, 9, "7月1日", explanation)]


def test_today_is_the_reference_for_written_years(scanner):
    text = "该项目已于2099年7月1日竣工。"
    [(code, *_rest, explanation)] = found(scanner, text, date=None)
    assert code == "DAT003"
    assert explanation.endswith(f"晚于文档日期 {dt.date.today().isoformat()}（今天）")


@pytest.mark.parametrize(
    "text",
    [
        "该项目已于2021年6月4日竣工。",
        "该项目已于2021年5月1日竣工。",
        "本办法将于2021年7月1日起施行。",
        "报名时间截至2021年7月31日。",
        "截至2021年7月31日前完成。",
        "截至2021年6月底，全市共办结1200件。",
        "会议定于7月1日召开。",
        "该项目已于去年7月1日竣工。",
        "已于12月20日完成",
    ],
)
def test_quiet(scanner, text):
    assert found(scanner, text) == []
