"""PII001 on the 外国人永久居留身份证 numbers ([S30]): the 2023 version (18 characters, first digit 9, MOD 11-2
check) and the 2017 version (three capital letters and twelve digits)."""

import datetime as dt

import pytest

import govscan
from govscan.detectors import all_detectors
from govscan.detectors._checksums import luhn_ok, resident_id_check_char, uscc_checksum_ok

AS_OF = dt.date(2024, 6, 30)


def make_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


FOREIGN = make_id("93112401990030712")  # synthetic; ends in 7
FOREIGN_X = make_id("91100001985061702")  # synthetic; check character X
WRONG_CHECK = FOREIGN[:17] + ("0" if FOREIGN[17] != "0" else "1")


def test_synthetic_values_are_what_the_tests_need():
    assert (FOREIGN[-1], FOREIGN_X[-1]) == ("7", "X")
    assert not any(uscc_checksum_ok(n) or luhn_ok(n) for n in (FOREIGN, FOREIGN_X))


@pytest.mark.parametrize(
    ("cue", "shown"),
    [
        ("外国人永久居留身份证号码：", "永久居留"),
        ("永久居留身份证号：", "永久居留"),
        ("证件号码 ", "证件号"),
        ("证件编号：", "证件编号"),
        ("外籍人员John Smith，", "外籍"),
    ],
)
def test_after_a_cue_it_fires_with_high_confidence(pii_scanner, cue, shown):
    (finding,) = pii_scanner.scan_text(f"{cue}{FOREIGN}。", as_of=AS_OF)
    assert (finding.code, finding.name, finding.confidence.value) == ("PII001", "resident-id", "high")
    assert (finding.span.start, finding.span.end) == (len(cue), len(cue) + 18)
    assert finding.explanation == f"外国人永久居留身份证号码（2023 版）：18 位、首位 9、校验码 7 有效，前有“{shown}”"


def test_without_a_cue_it_fires_with_medium_confidence(pii_scanner):
    (finding,) = pii_scanner.scan_text(f"| 3 | Anna K. | {FOREIGN} |", as_of=AS_OF)
    assert (finding.code, finding.confidence.value, finding.span.start) == ("PII001", "medium", 16)
    assert finding.explanation == (
        "外国人永久居留身份证号码（2023 版）：18 位、首位 9、校验码 7 有效；前无“永久居留”等提示词"
    )


def test_excerpt_is_masked_like_a_resident_id(pii_scanner):
    (finding,) = pii_scanner.scan_text(f"永久居留身份证：{FOREIGN}", as_of=AS_OF)
    assert finding.excerpt == "永久居留身份证：93*************127"
    assert govscan.redact_text(f"永久居留身份证：{FOREIGN}", [finding]) == "永久居留身份证：93*************127"


@pytest.mark.parametrize("check", ["X", "x", "Ⅹ", "Ｘ"])
def test_every_written_form_of_the_x_check_character(found, check):
    number = FOREIGN_X[:17] + check
    assert found(f"外国人永久居留身份证{number}") == [("PII001", number, "error", "high")]


def test_full_width_glued_and_wrapped_forms(found):
    wide = FOREIGN.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert found(f"永久居留证号码：{wide}") == [("PII001", wide, "error", "high")]
    assert found(f"外籍人员{FOREIGN}已登记") == [("PII001", FOREIGN, "error", "high")]
    wrapped = FOREIGN[:9] + "\n" + FOREIGN[9:]
    assert found(f"永久居留身份证号：{wrapped}\n联系人") == [("PII001", wrapped, "error", "high")]


def test_wrong_check_character_does_not_fire(found):
    assert found(f"外国人永久居留身份证号码：{WRONG_CHECK}") == []
    assert found(f"| 3 | Anna K. | {WRONG_CHECK} |") == []


@pytest.mark.parametrize("cue", ["订单号：", "流水号", "合同编号：", "快递单号 ", "发票号码：", "条码"])
def test_serial_numbers_do_not_fire(found, cue):
    assert found(f"{cue}{FOREIGN}") == []


def test_a_valid_unified_social_credit_code_is_an_organisation(found):
    code = next(n for n in (make_id(f"9133010612345{i:04d}") for i in range(2000)) if uscc_checksum_ok(n))
    assert found(f"| 5 | 某某科技有限公司 | {code} |") == []
    assert found(f"统一社会信用代码：{FOREIGN}") == []


def test_a_card_cue_leaves_the_number_to_the_bank_card_rule(found):
    card = next(n for n in (make_id(f"9112340000{i:07d}") for i in range(200)) if luhn_ok(n))
    assert found(f"银行卡号：{card}") == [("PII004", card, "error", "high")]
    assert found(f"永久居留身份证号：{card}") == [("PII001", card, "error", "high")]
    assert found(f"账号：{FOREIGN}") == [("PII004", FOREIGN, "error", "low")]


def test_a_leading_0_is_neither_a_resident_id_nor_a_permanent_residence_id(found):
    assert found(f"身份证号：{make_id('03112401990030712')}") == []


def test_the_fast_path_hands_a_9_number_to_validate():
    resident_id = next(d for d in all_detectors() if d.rule.code == "PII001")
    text = f"名单：{FOREIGN}、{FOREIGN[:6]} {FOREIGN[6:14]} {FOREIGN[14:]}，{FOREIGN[:5]}\n{FOREIGN[5:]}"
    fast = [m.group("value") for m in resident_id.matches(text)]
    assert fast == [m.group("value") for m in resident_id.pattern.finditer(text)]
    assert fast == [FOREIGN, f"{FOREIGN[:6]} {FOREIGN[6:14]} {FOREIGN[14:]}", f"{FOREIGN[:5]}\n{FOREIGN[5:]}"]


CARD_2017 = "CAN110012345678"  # synthetic: three capital letters and twelve digits


@pytest.mark.parametrize(
    ("cue", "shown"),
    [
        ("外国人永久居留证号码：", "永久居留"),
        ("永居证 ", "永居证"),
        ("证件号码：", "证件号"),
        ("外籍教师Anna，", "外籍"),
    ],
)
def test_a_2017_number_after_a_cue_fires(pii_scanner, cue, shown):
    (finding,) = pii_scanner.scan_text(f"{cue}{CARD_2017}。", as_of=AS_OF)
    assert (finding.code, finding.confidence.value) == ("PII001", "high")
    assert (finding.span.start, finding.span.end) == (len(cue), len(cue) + 15)
    assert finding.explanation == f"外国人永久居留身份证号码（2017 版）：3 位字母加 12 位数字，前有“{shown}”"
    assert finding.excerpt == f"{cue}CA**********678。"


@pytest.mark.parametrize(
    "text",
    [
        f"产品批号：{CARD_2017}",  # no cue: as likely a product or batch code
        f"{CARD_2017}",
        "外国人永久居留证号码：CANA110012345678",  # four letters
        "外国人永久居留证号码：can110012345678",  # not capitals
        "外国人永久居留证号码：CAN1100123456789",  # thirteen digits
        "外国人永久居留证号码：CAN11001234567",  # eleven digits
    ],
)
def test_a_2017_number_needs_a_cue_and_its_exact_shape(found, text):
    assert found(text) == []


def test_the_fast_path_hands_a_2017_number_to_validate():
    resident_id = next(d for d in all_detectors() if d.rule.code == "PII001")
    text = f"名单：{CARD_2017}、x{CARD_2017}、A{CARD_2017[:3]}{CARD_2017[3:]}1、{CARD_2017}X"
    fast = [m.span() for m in resident_id.matches(text)]
    assert fast == [m.span() for m in resident_id.pattern.finditer(text)] == [(3, 18)]
