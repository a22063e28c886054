"""PII002 mobile-phone: exact spans for every written form, and the hard negatives.

All numbers are synthetic test values.
"""

from __future__ import annotations

import pytest

from govscan import Scanner
from govscan.detectors import mobile_phone
from govscan.filters import RuleSelection


@pytest.fixture(scope="module")
def phones() -> Scanner:
    return Scanner(selection=RuleSelection.of(["PII002"]))


def spans(scanner: Scanner, text: str) -> list[tuple[int, int, str]]:
    return [(f.span.start, f.span.end, f.matched_text) for f in scanner.scan_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("联系电话：13912345678", [(5, 16, "13912345678")]),
        ("电话13912345678转", [(2, 13, "13912345678")]),
        ("手机139-1234-5678。", [(2, 15, "139-1234-5678")]),
        ("手机 139 1234 5678 联系", [(3, 16, "139 1234 5678")]),
        ("+8613912345678", [(3, 14, "13912345678")]),
        ("+86 139-1234-5678", [(4, 17, "139-1234-5678")]),
        ("0086 13912345678", [(5, 16, "13912345678")]),
        ("(+86)19912345678", [(5, 16, "19912345678")]),
        ("联系电话：１３９１２３４５６７８", [(5, 16, "１３９１２３４５６７８")]),
        ("电话1\u200b3912345678", [(2, 14, "1\u200b3912345678")]),
        ("张三13912345678李四15012345678", [(2, 13, "13912345678"), (15, 26, "15012345678")]),
    ],
)
def test_fires_with_exact_span(phones: Scanner, text: str, expected: list) -> None:
    assert spans(phones, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "订单号2013912345678901",  # inside a longer digit run
        "编号139123456789",  # 12 digits
        "已脱敏号码139****5678",
        "号码1391234****",
        "12012345678",  # 120 is not an allocated segment
        "14212345678",  # 142 is not allocated
        "批次ABC13912345678",  # part of an alphanumeric serial
        "139-1234 5678",  # mixed separators
        "受理6265件，办结率98.5%",
    ],
)
def test_does_not_fire(phones: Scanner, text: str) -> None:
    assert spans(phones, text) == []


def test_finding_is_masked_and_explained(phones: Scanner) -> None:
    (finding,) = phones.scan_text("联系人：王某，电话13912345678。")
    assert finding.code == "PII002"
    assert finding.name == "mobile-phone"
    assert finding.excerpt == "联系人：王某，电话139****5678。"
    assert finding.excerpt[finding.excerpt_span.start : finding.excerpt_span.end] == "139****5678"
    assert "13912345678" not in finding.model_dump_json()
    assert finding.explanation == "号段 139 已分配给移动通信；11 位完整号码，未去标识化"


def test_mask_keeps_shape() -> None:
    assert mobile_phone.mask("139-1234-5678") == "139-****-5678"
    assert mobile_phone.mask("１３９１２３４５６７８") == "１３９****５６７８"


# Forms and negatives added with issue 3 (``found`` comes from tests/detectors/conftest.py).


def test_wrapped_onto_a_new_line_and_glued_after_a_masked_name(found) -> None:
    assert found("联系电话：139123\n45678") == [("PII002", "139123\n45678", "error", "high")]
    assert found("请与王*13912345678联系") == [("PII002", "13912345678", "error", "high")]


@pytest.mark.parametrize(
    "text",
    [
        "物联网卡号1440123456789",  # 13-digit IoT number
        "合计13912345678.50元",  # decimal amount
        "链接 http://www.example.gov.cn/art_13912345678.html",  # inside a URL
    ],
)
def test_does_not_fire_in_numbers_that_are_not_phones(found, text: str) -> None:
    assert found(text) == []


def test_serial_number_cue_lowers_confidence(found) -> None:
    assert found("订单号13912345678") == [("PII002", "13912345678", "error", "low")]


def test_phone_inside_an_email_is_reported_once_as_the_email(found) -> None:
    assert found("邮箱13912345678@163.com") == [("PII005", "13912345678@163.com", "warning", "high")]
