"""A detector's CANDIDATES pass must find exactly what its PATTERN finds on its own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.detectors import all_detectors

FAST = [d for d in all_detectors() if hasattr(d.module, "CANDIDATES")]

# Pieces that build numbers, separators, prefixes, masks and address endings in every combination.
PIECES = [
    *"0123456789 -\n\t\r*.+()/=_&?#XxCHMTEGa第号栋室组楼层户路村的三十",
    "86",
    "0086",
    "+86 ",
    "139",
    "110101",
    "6222",
    "\u2010",
    "\u0661",
    "单元",
    "幸福路25",
    "下村",
]


def both(detector, text: str) -> tuple[list, list]:
    plain = [(m.span(), m.groupdict()) for m in detector.pattern.finditer(text)]
    fast = [(m.span(), m.groupdict()) for m in detector.matches(text)]
    return plain, fast


def test_the_digit_detectors_and_address_declare_candidates():
    assert {d.rule.code for d in FAST} == {"PII001", "PII002", "PII004", "PII006", "PII008"}


@pytest.mark.parametrize("detector", FAST, ids=lambda d: d.rule.code)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=40))
def test_candidates_find_what_the_pattern_finds(detector, pieces):
    plain, fast = both(detector, "".join(pieces))
    assert fast == plain


@pytest.mark.parametrize("detector", FAST, ids=lambda d: d.rule.code)
@pytest.mark.parametrize(
    "text",
    [
        "联系电话：13912345678，身份证号：11010519491231002X",
        "电话 +86 139 1234 5678；(+86)13912345678；0086-13912345678",
        "号码1391234\n5678 与 110105194912\n31002X",
        "银行卡号：6222 0212 3456 7890 128，1234 6222021234567890128",
        "港澳通行证号：C12345678，台胞证12345678",
        "家住城关镇幸福路25号3栋2单元401室，永丰村村委会下村组18号",
        " 0第0号，0第12号，〔2023〕第5号，幸福路第25号",
        "永居证：CAN110012345678，ABCD110012345678，AB110012345678，CAN1100123456789，CAN110012345678X",
    ],
)
def test_candidates_on_written_forms(detector, text):
    plain, fast = both(detector, text)
    assert fast == plain


def test_other_decimal_digits_fall_back_to_the_pattern():
    mobile = next(d for d in FAST if d.rule.code == "PII002")
    text = "电话：13912345678 \u0661\u0662"
    assert [m.span() for m in mobile.matches(text)] == [(3, 14)]
