import pytest


@pytest.mark.parametrize(
    ("text", "value", "severity"),
    [
        ("邮箱：12345678@qq.com。", "12345678@qq.com", "warning"),
        ("邮箱zhang_san@163.com联系", "zhang_san@163.com", "warning"),
        ("来信请寄xinfang@hz.gov.cn。", "xinfang@hz.gov.cn", "note"),
        ("邮箱ｚｈａｎｇ＠１６３．ｃｏｍ", "ｚｈａｎｇ＠１６３．ｃｏｍ", "warning"),
    ],
)
def test_personal_and_institutional(found, text, value, severity):
    assert found(text) == [("PII005", value, severity, "high")]


def test_unknown_domain_is_a_medium_confidence_note(found):
    assert found("联系 office@example-corp.com") == [("PII005", "office@example-corp.com", "note", "medium")]


@pytest.mark.parametrize("text", ["z***@163.com", "邮箱：@163.com", "版本1.2.3"])
def test_does_not_fire(found, text):
    assert found(text) == []


def test_mask_keeps_first_character_and_domain():
    from govscan.detectors.email import mask

    assert mask("zhang@163.com") == "z****@163.com"
    assert mask("a@b.cn") == "*@b.cn"
