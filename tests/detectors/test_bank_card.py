import pytest

from govscan.detectors._checksums import luhn_check_digit, luhn_ok

UNIONPAY_19 = "622202123456789012" + luhn_check_digit("622202123456789012")
UNIONPAY_16 = "622202123456789" + luhn_check_digit("622202123456789")
VISA_16 = "4111111111111111"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (f"银行卡号：{UNIONPAY_19}。", UNIONPAY_19),
        (f"发放至其{UNIONPAY_19}账户", UNIONPAY_19),
        (f"卡号 {UNIONPAY_16[:4]} {UNIONPAY_16[4:8]} {UNIONPAY_16[8:12]} {UNIONPAY_16[12:]} 户名略", None),
        (f"一卡通账户{UNIONPAY_19[:6]} {UNIONPAY_19[6:]}。", f"{UNIONPAY_19[:6]} {UNIONPAY_19[6:]}"),
        (f"银行卡号：{UNIONPAY_19[:9]}\n{UNIONPAY_19[9:]}\n开户行", f"{UNIONPAY_19[:9]}\n{UNIONPAY_19[9:]}"),
        (f"信用卡卡号{VISA_16}已挂失", VISA_16),
        (f"{UNIONPAY_19}", UNIONPAY_19),
    ],
)
def test_luhn_valid_cards(found, text, value):
    value = value or text[3:22]
    assert found(text) == [("PII004", value, "error", "high")]


def test_full_width(found):
    wide = UNIONPAY_19.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert found(f"银行卡：{wide}") == [("PII004", wide, "error", "high")]


def test_luhn_valid_without_issuer_needs_a_card_cue(found):
    plain = "300000000000000" + luhn_check_digit("300000000000000")
    assert found(f"卡号：{plain}") == [("PII004", plain, "error", "high")]
    assert found(f"编码{plain}") == []


def test_account_failing_luhn_after_account_cue_is_low_confidence(found):
    account = "6228480402564890017"
    assert not luhn_ok(account)
    assert found(f"个人银行账户账号：{account}。") == [("PII004", account, "error", "low")]
    assert found(f"数据{account}") == []


@pytest.mark.parametrize(
    "text",
    [
        f"订单号：{UNIONPAY_19}",
        f"流水号{UNIONPAY_19}",
        f"收款单位：县财政局，对公账号{UNIONPAY_19}",
        f"条码88{UNIONPAY_19}123",
        f"{UNIONPAY_19[:4]}********{UNIONPAY_19[-4:]}",
        "物联网卡号1440123456789",
    ],
)
def test_does_not_fire(found, text):
    assert found(text) == []


def test_mask_keeps_four_and_four():
    from govscan.detectors.bank_card import mask

    assert mask("6222 0212 3456 7894") == "6222 **** **** 7894"
