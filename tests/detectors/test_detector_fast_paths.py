"""Fast paths inside the detectors give what the plain, obviously-correct way gives."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.detectors import bank_card, mobile_phone, resident_id
from govscan.detectors._digits import LINE_BREAK, NOT_AFTER, NOT_BEFORE, compact


def plain_wrapped(total: int, last: str = r"\d") -> str:
    """``wrapped`` with a guard that may give digits back, and no shared guard: the patterns as first written."""
    splits = "|".join(rf"\d{{{k}}}{LINE_BREAK}\d{{{total - k - 1}}}{last}" for k in range(1, total))
    return rf"(?=\d{{1,{total - 1}}}[ \t]*\r?\n)(?:{splits})"


PLAIN_PATTERNS = {
    resident_id: regex.compile(
        NOT_AFTER + r"(?P<value>"
        r"\d{6}(?P<sep>[ -]?)\d{8}(?P=sep)\d{3}[\dXx]"
        r"|" + plain_wrapped(18, r"[\dXx]") + r"|(?P<old>\d{15})|(?P<card2017>[A-Z]{3}\d{12})"
        r")" + NOT_BEFORE
    ),
    mobile_phone: regex.compile(
        r"(?<![\d+/=_&?#])(?<!\d\*+)(?<!\d\.)"
        r"(?P<prefix>(?:\(\+?86\)|\+86|0086|86(?=[-\u2010-\u2015 ]))[-\u2010-\u2015 ]?)?"
        r"(?P<value>1[3-9]\d[-\u2010-\u2015 ]?\d{4}[-\u2010-\u2015 ]?\d{4}|" + plain_wrapped(11) + ")"
        r"(?![\d*])(?!\.\d)",
    ),
    bank_card: regex.compile(
        NOT_AFTER + r"(?P<value>"
        r"\d{4}(?P<sep>[ -])\d{4}(?P=sep)\d{4}(?P=sep)\d{4}(?:(?P=sep)\d{1,3})?"
        r"|\d{6} \d{10,13}"
        r"|" + "|".join(plain_wrapped(n) for n in range(16, 20)) + r"|\d{15,19}"
        r")" + NOT_BEFORE
    ),
}
# Digits (ASCII and Arabic-Indic), every blank a line break can hold, separators, check characters, masks.
WRAP_PIECES = [*"0123456789١٢ \t\r\n-xX*.", "\r\n", " \n", "1391234", "110105194912", "6222021234", "86", "+86"]


@pytest.mark.parametrize("module", list(PLAIN_PATTERNS), ids=lambda m: m.RULE.code)
@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(WRAP_PIECES), max_size=30))
def test_wrapped_number_guards_change_no_match(module, pieces):
    text = "".join(pieces)
    plain = [(m.span(), m.groupdict()) for m in PLAIN_PATTERNS[module].finditer(text)]
    assert [(m.span(), m.groupdict()) for m in module.PATTERN.finditer(text)] == plain


VALUE_CHARS = "0123456789١٢xX -\u2010\n\t\r*"


@given(st.text(alphabet=VALUE_CHARS, max_size=25))
def test_compact_is_the_alphanumerics_upper_cased(value):
    assert compact(value) == "".join(char for char in value if char.isalnum()).upper()


@given(st.text(alphabet=VALUE_CHARS, max_size=25))
def test_separators_are_inconsistent_when_two_kinds_are_used(value):
    assert mobile_phone._separators_inconsistent(value) == (len({char for char in value if not char.isdigit()}) > 1)
