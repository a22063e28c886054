"""The issue's hard negatives: numbers that look personal and are not. None may fire any PII rule."""

from govscan.detectors._checksums import luhn_check_digit, resident_id_check_char, uscc_checksum_ok

VALID_ID = "33010619900307451" + resident_id_check_char("33010619900307451")
CARD = "622202123456789012" + luhn_check_digit("622202123456789012")


def test_document_number(found):
    assert found("根据《国务院办公厅关于印发…的通知》（国办发〔2017〕47号）精神") == []


def test_index_number(found):
    assert found("索引号：011356029/2021-18809") == []


def test_unified_social_credit_codes_with_valid_gb_32100_checksum(found):
    for code in ("91512081MA62K0260E", "11100000000019502X"):
        assert uscc_checksum_ok(code)
        assert found(f"统一社会信用代码：{code}，法定代表人：王某") == []
        assert found(f"信用代码{code}") == []


def test_statistics(found):
    assert found("全年受理6265件，办结率99.8%，涉及群众13912345人次。") == []


def test_dates_and_times(found):
    assert found("本办法自20210422起施行，即2021年4月22日 14:30:00。") == []


def test_hotlines(found):
    assert found("请拨打12345政务服务便民热线或12315消费者投诉举报专线，客服400-123-4567、95588。") == []


def test_order_and_serial_numbers(found):
    assert found(f"订单号：{CARD}，流水号20210422123456789012，编号{VALID_ID[:17]}") == []


def test_isbn(found):
    assert found("ISBN 978-7-5086-4733-4，书号9787508647334") == []


def test_amounts(found):
    assert found("合计金额13912345678.50元，拨付资金6222021234567890.00元") == []


def test_already_masked_numbers(found):
    assert found("手机139****5678，身份证110101********4514，卡号6222 **** **** 0128，身份证11**************14") == []


def test_long_digit_runs_containing_an_id_or_phone(found):
    assert found(f"条码88{VALID_ID}123，批次2013912345678901") == []


def test_id_shaped_numbers_with_wrong_check_digit(found):
    wrong = VALID_ID[:17] + ("0" if VALID_ID[17] != "0" else "1")
    assert found(f"身份证号：{wrong}") == []
