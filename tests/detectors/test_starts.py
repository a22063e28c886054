"""A detector's ``starts`` must lead to exactly what its PATTERN finds on its own, and number runs must be right."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.candidates import has_other_digits, number_runs
from govscan.detectors import Candidate, address, all_detectors

WITH_STARTS = [d for d in all_detectors() if d.starts is not None]

# Digits, every joiner and separator, prefixes, masks, permit and passport letters, address words and numerals.
NUMBER_PIECES = [
    *"0123456789 -\n\t\r*.+()/=_&?#XxCHMTEGKAPSD",
    *"\u2010\u2011\u2012\u2013\u2014\u2015",
    "86",
    "0086",
    "+86",
    "(+86)",
    "(0)",
    "(0571)",
    "010",
    "139",
    "1391234",
    "110101",
    "19491231",
    "6222",
    "8888",
    "转",
    "ext",
    "\r\n",
]
ADDRESS_PIECES = [
    *"0123456789-aZ第号栋幢座室层楼户组单元一三十百两甲路村镇的在小线车次织成",
    "幸福路",
    "下村",
    "城关镇",
    "号楼",
    "号院",
    "单元",
    "3号线",
    "村委会",
]


def both(detector, text: str) -> tuple[list, list]:
    plain = [(m.span(), m.groupdict()) for m in detector.pattern.finditer(text)]
    fast = [(m.span(), m.groupdict()) for m in detector.matches(text)]
    return plain, fast


def test_every_detector_but_email_declares_starts():
    assert {d.rule.code for d in WITH_STARTS} == {f"PII00{n}" for n in (1, 2, 3, 4, 6, 7, 8)}


@pytest.mark.parametrize("detector", WITH_STARTS, ids=lambda d: d.rule.code)
@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(NUMBER_PIECES), max_size=40))
def test_starts_find_what_the_pattern_finds_in_numbers(detector, pieces):
    plain, fast = both(detector, "".join(pieces))
    assert fast == plain


@pytest.mark.parametrize("detector", WITH_STARTS, ids=lambda d: d.rule.code)
@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(ADDRESS_PIECES + NUMBER_PIECES[:12]), max_size=40))
def test_starts_find_what_the_pattern_finds_in_addresses(detector, pieces):
    plain, fast = both(detector, "".join(pieces))
    assert fast == plain


@pytest.mark.parametrize("detector", WITH_STARTS, ids=lambda d: d.rule.code)
@pytest.mark.parametrize(
    "text",
    [
        "家庭电话：0571-88881234，(0571)8888 1234，+86 571 8888 1234，0086(0)57188881234 转123",
        "电话(+86)139 1234 5678、(86)13912345678、+86-139-1234-5678、86 139\u20101234\u20105678",
        "护照号码：EA1234567、G12345678、PE1234567、K12345678、MA1234567、141234567",
        "港澳通行证号：C12345678，回乡证H12345678，台胞证12345678",
        "卡号 6222 0212 3456 7890 128，622202 1234567890128，6222021234567\n890128",
        "家住城关镇幸福路25号3栋2单元401室，第3号楼，永丰村下村组18号，沿江大道3号线",
    ],
)
def test_starts_on_written_forms(detector, text):
    plain, fast = both(detector, text)
    assert fast == plain


# Resident ID, 外国人永久居留身份证 (leading 9), mobile, card, landline, permit, passport.
NUMBERS = [
    "13912345678",
    "11010519491231002X",
    "931124019900307127",
    "6222021234567890128",
    "057188881234",
    "C12345678",
    "EA1234567",
]
LINE_BREAKS = ["\n", " \n", "\t\r\n", "\r\n\t", " \t\n  "]


@pytest.mark.parametrize("detector", WITH_STARTS, ids=lambda d: d.rule.code)
@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(st.sampled_from(NUMBER_PIECES), max_size=6),
    number=st.sampled_from(NUMBERS),
    split=st.integers(min_value=0, max_value=18),
    line_break=st.sampled_from(LINE_BREAKS),
    after=st.lists(st.sampled_from(NUMBER_PIECES), max_size=6),
)
def test_starts_find_numbers_wrapped_anywhere(detector, before, number, split, line_break, after):
    text = "".join(before) + number[:split] + line_break + number[split:] + "".join(after)
    plain, fast = both(detector, text)
    assert fast == plain


def plain_number_runs(text: str) -> list[tuple[int, int]]:
    """Digit runs of six or more, or followed by a joiner (or by tabs and then a line break)."""
    return [
        m.span(1)
        for m in re.finditer(r"([0-9]+)(\t*)", text)
        if len(m.group(1)) >= 6 or re.match(r"[-\u2010-\u2015() \n]|\r\n|[ \t]*\r?\n", text[m.end(1) :])
    ]


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from([*NUMBER_PIECES, "号", "é", "\U00020000", "\ud800", "123456", "1234567"]), max_size=40
    )
)
def test_number_runs_are_the_long_or_joined_digit_runs(pieces):
    text = "".join(pieces)
    assert list(number_runs(text)) == plain_number_runs(text)


@pytest.mark.parametrize("char", ["\u0661", "\u0967", "\uff11", "\U0001d7d9", "\U000104a1", "\ua621"])
def test_other_digits_are_found_in_and_beyond_the_bmp(char):
    assert has_other_digits("电话：139" + char)
    assert not has_other_digits("电话：139 𠀀 ① Ⅻ 一")


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_other_digits_are_what_regex_calls_decimal_digits(text):
    assert has_other_digits(text) == any(regex.fullmatch(r"\d", char) and char not in "0123456789" for char in text)


ADDRESS_AND_DOCUMENT_PIECES = [*ADDRESS_PIECES, "〔2023〕", "区政办发", "大楼", "花园", "胡同", "号院"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(ADDRESS_AND_DOCUMENT_PIECES), max_size=40))
def test_address_quick_test_never_drops_an_address_ending(pieces):
    text = "".join(pieces)
    for match in address.PATTERN.finditer(text):
        start, end = match.span()
        if not address.could_end_an_address(text, start, end):
            assert address._ENDS_LIKE_ADDRESS.search(text, max(0, start - address.REACH), end) is None


# PATTERN before it left out endings whose number follows a break (punctuation): the plain way.
PATTERN_WITHOUT_BREAKS = regex.compile(
    rf"(?:{address._DETAIL}+|(?<=\p{{Han}})组(?![织成建长团员合件]))(?![线路车次])", flags=regex.V1
)
BREAK_PIECES = [*ADDRESS_AND_DOCUMENT_PIECES, *"〕〔()[]，。、：  \n第组三村", "(2023)", "[2023]", "号楼", "第3"]


def address_verdicts(matches, text: str) -> list:
    day = dt.date(2024, 6, 30)
    verdicts = [(match.span(), address.validate(Candidate(text, match, day))) for match in matches]
    return [(span, verdict) for span, verdict in verdicts if verdict is not None]


@settings(max_examples=600, deadline=None)
@given(pieces=st.lists(st.sampled_from(BREAK_PIECES), max_size=40))
def test_address_endings_after_a_break_never_were_addresses(pieces):
    text = "".join(pieces)
    detector = next(d for d in all_detectors() if d.rule.code == "PII006")
    plain = address_verdicts(PATTERN_WITHOUT_BREAKS.finditer(text), text)
    assert address_verdicts(address.PATTERN.finditer(text), text) == plain
    assert address_verdicts(detector.matches(text), text) == plain


@pytest.mark.parametrize("text", ["国办发〔2017〕47号", "〔2023〕第3号楼", "(2020)4号", "区政办发[2019]21号"])
def test_document_numbers_are_not_address_endings(text):
    assert list(address.PATTERN.finditer(text)) == []
    assert address.starts(text, ()) == []
