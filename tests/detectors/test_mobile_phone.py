import pytest


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("联系电话：13912345678", "13912345678"),
        ("手机 139-1234-5678（工作日）", "139-1234-5678"),
        ("手机 139 1234 5678", "139 1234 5678"),
        ("咨询电话+8613912345678。", "13912345678"),
        ("咨询电话(+86)13912345678", "13912345678"),
        ("咨询电话0086-13912345678", "13912345678"),
        ("联系方式：１３９１２３４５６７８", "１３９１２３４５６７８"),
        ("请与王*13912345678联系", "13912345678"),
        ("联系电话：139123\n45678", "139123\n45678"),
    ],
)
def test_written_forms(found, text, value):
    assert found(text) == [("PII002", value, "error", "high")]


@pytest.mark.parametrize(
    "text",
    [
        "订单号2013912345678901",  # longer digit run
        "139****5678",  # already masked
        "号码14212345678",  # unallocated segment 142
        "物联网卡号1440123456789",  # 13-digit IoT number
        "合计13912345678.50元",  # decimal amount
        "链接 http://www.example.gov.cn/art_13912345678.html",  # inside a URL
        "139-1234 5678",  # mixed separators
    ],
)
def test_does_not_fire(found, text):
    assert found(text) == []


def test_serial_number_cue_lowers_confidence(found):
    assert found("订单号13912345678") == [("PII002", "13912345678", "error", "low")]


def test_phone_inside_an_email_is_reported_once_as_the_email(found):
    assert found("邮箱13912345678@163.com") == [("PII005", "13912345678@163.com", "warning", "high")]
