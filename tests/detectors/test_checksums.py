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
