import pytest
from hypothesis import given
from hypothesis import strategies as st

from govscan.detectors._checksums import (
    luhn_check_digit,
    luhn_ok,
    resident_id_check_char,
    resident_id_checksum_ok,
    uscc_checksum_ok,
)


def test_mod_11_2_examples_from_gb_11643():
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("44052418800101001") == "4"
    assert resident_id_check_char("81000019940823002") == "1"
    assert resident_id_check_char("83000019920130002") == "2"


def test_resident_id_checksum_ok_rejects_wrong_check_character():
    assert resident_id_checksum_ok("11010519491231002X")
    assert not resident_id_checksum_ok("110105194912310021")
    assert not resident_id_checksum_ok("11010519491231002")


def test_luhn():
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert not luhn_ok("4111-1111")
    assert luhn_ok("622202123456789012" + luhn_check_digit("622202123456789012"))


def test_uscc_gb_32100_examples():
    assert uscc_checksum_ok("11100000000019502X")
    assert uscc_checksum_ok("91512081MA62K0260E")
    assert not uscc_checksum_ok("91350100M000100Y4Z")
    assert not uscc_checksum_ok("91512081MA62K0260")


def plain_luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def plain_check_char(first17: str) -> str:
    return "10X98765432"[sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17)) % 11]


@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_luhn_is_the_textbook_sum(digits):
    assert luhn_ok(digits) == plain_luhn_ok(digits)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_mod_11_2_is_the_textbook_sum(first17):
    assert resident_id_check_char(first17) == plain_check_char(first17)


@pytest.mark.parametrize("first", ["1101051949123100", "110105194912310021"])
def test_mod_11_2_needs_17_digits(first):
    with pytest.raises(ValueError):
        resident_id_check_char(first)


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_luhn_reads_other_decimal_digits_as_their_values(digits):
    assert luhn_ok(digits.translate(ARABIC_INDIC)) == plain_luhn_ok(digits)


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_mod_11_2_reads_other_decimal_digits_as_their_values(first17):
    assert resident_id_check_char(first17.translate(ARABIC_INDIC)) == plain_check_char(first17)


def test_mod_11_2_still_refuses_letters():
    with pytest.raises(ValueError):
        resident_id_check_char("1101051949123100X")
