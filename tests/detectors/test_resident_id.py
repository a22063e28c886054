import datetime as dt

import pytest

from govscan.detectors._checksums import resident_id_check_char


def make_id(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


ID = make_id("33010619900307451")  # 西湖区, 1990-03-07


def test_plain_number_after_cue(found):
    assert found(f"身份证号：{ID}。") == [("PII001", ID, "error", "high")]


@pytest.mark.parametrize("check", ["X", "x", "Ⅹ", "Ｘ"])
def test_every_written_form_of_the_x_check_character(found, check):
    assert found(f"公民身份号码11010519491231002{check}") == [("PII001", f"11010519491231002{check}", "error", "high")]


def test_full_width_digits(found):
    wide = ID.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert found(f"身份证号码：{wide}") == [("PII001", wide, "error", "high")]


@pytest.mark.parametrize("sep", [" ", "-"])
def test_grouped_6_8_4(found, sep):
    grouped = f"{ID[:6]}{sep}{ID[6:14]}{sep}{ID[14:]}"
    assert found(f"证件号码 {grouped} 已核验") == [("PII001", grouped, "error", "high")]


def test_glued_to_chinese_and_across_a_line_break(found):
    assert found(f"低保对象王*{ID}享受") == [("PII001", ID, "error", "high")]
    wrapped = ID[:10] + "\n" + ID[10:]
    assert found(f"身份证号：{wrapped}\n联系人") == [("PII001", wrapped, "error", "high")]


def test_explanation_names_region_birth_date_and_check_digit(pii_scanner):
    (finding,) = pii_scanner.scan_text(f"身份证号：{ID}", as_of=dt.date(2024, 1, 1))
    assert finding.explanation == f"地区码 330106（西湖区）、出生日期 1990-03-07、校验码 {ID[-1]} 均有效"
    assert finding.excerpt == f"身份证号：33*************{ID[-3:]}"


def test_historical_region_code_is_valid(pii_scanner):
    old = make_id("51362119800101001")  # 岳池县, code abolished after 1997
    (finding,) = pii_scanner.scan_text(f"身份证：{old}", as_of=dt.date(2024, 1, 1))
    assert (finding.code, finding.confidence.value) == ("PII001", "high")
    assert "岳池县，1997 年后已撤销的旧地区码" in finding.explanation


def test_unknown_region_code_lowers_confidence(found):
    unknown = make_id("33019919900307451")
    assert found(f"身份证号{unknown}") == [("PII001", unknown, "error", "medium")]


@pytest.mark.parametrize("region", ["810000", "820000", "830000"])
def test_residence_permits_of_hong_kong_macau_taiwan(found, region):
    number = make_id(region + "19940823002")
    assert found(f"居住证号码{number}") == [("PII001", number, "error", "high")]


@pytest.mark.parametrize("birth", ["19900231", "20300101", "18991231", "19951301"])
def test_impossible_birth_dates_do_not_fire(found, birth):
    assert found(f"身份证号：{make_id('330106' + birth + '123')}") == []


def test_birth_after_the_document_date_does_not_fire(found):
    number = make_id("33010620240701123")
    assert found(f"身份证号：{number}", as_of=dt.date(2024, 6, 30)) == []
    assert found(f"身份证号：{number}", as_of=dt.date(2024, 7, 1)) == [("PII001", number, "error", "high")]


def test_wrong_check_character_does_not_fire(found):
    wrong = ID[:17] + str((int(ID[17]) + 1) % 10) if ID[17].isdigit() else ID[:17] + "0"
    assert found(f"身份证号：{wrong}") == []


def test_fifteen_digits_only_with_an_id_cue(found):
    assert found("身份证号610104620927690") == [("PII001", "610104620927690", "error", "medium")]
    assert found("编号610104620927690") == []


def test_unified_social_credit_code_is_an_organisation(found):
    assert found("统一社会信用代码：91512081MA62K0260E") == []
    assert found(f"统一社会信用代码：{ID}") == []


def test_id_that_also_passes_luhn_is_decided_by_cue_words_and_reported_once(found):
    both = "110101199003072316"  # GB 11643 and Luhn both pass (hitsz-ids/openDLP #3)
    assert found(f"身份证：{both}") == [("PII001", both, "error", "high")]
    assert found(f"银行卡号：{both}") == [("PII004", both, "error", "high")]
    assert found(f"公示：{both}") == [("PII001", both, "error", "high")]
    assert found(f"社保卡号：{both}") == [("PII001", both, "error", "high")]


def test_mask_keeps_two_and_three():
    from govscan.detectors.resident_id import mask

    assert mask("35010219800101123X") == "35*************23X"
    assert len(mask("3501021980\n0101123X")) == 19


def test_a_document_number_label_is_an_id_cue_not_a_serial_numbers(found):
    assert found("证件编号：610104620927690") == [("PII001", "610104620927690", "error", "medium")]
