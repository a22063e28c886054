"""DAT004 date-inconsistency: 落款 or 成文日期 later than the publication date, end to end."""

import datetime as dt

import pytest

from govscan.checks import Check, date_inconsistency
from govscan.engine import Scanner
from govscan.sources.document import Document


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    rule = date_inconsistency.RULE
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=rule, run=date_inconsistency.check)])


def found(scanner, text, date=None):
    findings = scanner.scan_document(Document(path="notice.txt", text=text, date=date))
    return [(f.code, f.line, f.column, f.matched_text, f.explanation) for f in findings]


SIGNED = "关于做好值班工作的通知\n各单位：\n　　请做好值班工作。\n\n某某市人民政府办公室\n{}\n"


def test_signature_later_than_metadata(scanner):
    text = SIGNED.format("2021年6月10日")
    assert found(scanner, text, dt.date(2021, 6, 4)) == [
        ("DAT004", 6, 1, "2021年6月10日", "落款日期（第6行） 2021-06-10 晚于 元数据发布日期 2021-06-04")
    ]


def test_signature_in_chinese_numerals(scanner):
    text = SIGNED.format("二〇二一年六月十日")
    assert found(scanner, text, dt.date(2021, 6, 4)) == [
        ("DAT004", 6, 1, "二〇二一年六月十日", "落款日期（第6行） 2021-06-10 晚于 元数据发布日期 2021-06-04")
    ]


def test_header_pair_contradicts(scanner):
    text = "成文日期：2021年06月10日　发布日期：2021年06月04日\n正文。\n"
    assert found(scanner, text) == [
        ("DAT004", 1, 6, "2021年06月10日", "“成文日期”（第1行） 2021-06-10 晚于 “发布日期”（第1行） 2021-06-04")
    ]


def test_same_date_in_header_and_signature_is_one_finding(scanner):
    text = "成文日期：2021年6月10日\n正文。\n某某局\n2021年6月10日"
    assert found(scanner, text, dt.date(2021, 6, 4)) == [
        (
            "DAT004",
            1,
            6,
            "2021年6月10日",
            "“成文日期”（第1行）、落款日期（第4行） 2021-06-10 晚于 元数据发布日期 2021-06-04",
        )
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (SIGNED.format("2021年6月4日"), dt.date(2021, 6, 4)),
        (SIGNED.format("2021年6月1日"), dt.date(2021, 6, 4)),
        (SIGNED.format("2021年6月10日"), None),
        ("成文日期：2021年06月03日　发布日期：2021年06月04日\n", None),
        ("会议于2021年6月10日召开。\n某某局", dt.date(2021, 6, 4)),  # not a 落款 line
    ],
)
def test_quiet(scanner, text, date):
    assert found(scanner, text, date) == []
