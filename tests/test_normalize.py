from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govscan.candidates import has_other_digits
from govscan.normalize import _BMP, ZERO_WIDTH, fold, fold_table, traditional_to_simplified


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("１３９１２３４５６７８", "13912345678"),
        ("1\u200b3\u200b9", "139"),
        ("ＡＢＣ：（＋８６）", "ABC:(+86)"),
        ("\ufeff政府\u3000网站", "政府 网站"),
        ("①②", "①②"),  # circled numbers stay: folding them would glue list markers to numbers
        ("面积100m²", "面积100m²"),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text).text == folded


def test_text_without_removals_has_no_offset_map() -> None:
    result = fold("联系电话：１３９１２３４５６７８")
    assert result.removed == ()
    assert result.to_original(5, 16) == (5, 16)


def test_span_maps_back_over_removed_and_widened_characters() -> None:
    text = "电话：１\u200b３９１２３４５６７８。"
    result = fold(text)
    start = result.text.index("139")
    original = result.to_original(start, start + 11)
    assert original == (3, 15)
    assert text[original[0] : original[1]] == "１\u200b３９１２３４５６７８"


def test_multi_character_nfkc_expansions_are_left_alone() -> None:
    # NFKC would turn the ellipsis into three dots and shift every later offset.
    assert fold("等…㈠").text == "等…㈠"


def test_full_width_punctuation_folds_one_for_one() -> None:
    assert fold("（＋８６）１３９，").text == "(+86)139,"


_PLAIN = st.text(alphabet=st.sampled_from(list("政府网站联系电话0123456789abc，。 ")), max_size=30)
_NOISE = st.sampled_from(list(ZERO_WIDTH) + list("０１２３４５６７８９ａｂｃ，。\u3000"))


@given(st.lists(st.tuples(_PLAIN, st.lists(_NOISE, max_size=3)), max_size=8), st.data())
def test_mapped_span_recovers_the_original_substring(pieces, data) -> None:
    """For random text with full-width and zero-width insertions, every folded
    span maps back to an original substring that folds to the same text."""
    text = "".join(plain + "".join(noise) for plain, noise in pieces)
    result = fold(text)
    start = data.draw(st.integers(0, len(result.text)))
    end = data.draw(st.integers(start, len(result.text)))
    if start == end:
        return
    o_start, o_end = result.to_original(start, end)
    assert 0 <= o_start < o_end <= len(text)
    assert fold(text[o_start:o_end]).text == result.text[start:end]


def test_table_is_the_per_character_definition() -> None:
    """The block-wise table build gives, for every BMP character, what folding it alone by the rules gives."""
    simplified = traditional_to_simplified()
    table = fold_table()
    for code in range(_BMP):
        char = chr(code)
        if char in ZERO_WIDTH:
            expected = None
        elif code == 0x3000:
            expected = " "
        else:
            form = unicodedata.normalize("NFKC", char) if unicodedata.category(char) not in ("Cs", "No") else char
            expected = form if len(form) == 1 else char
            expected = simplified.get(expected, expected)
        found = table[code]
        assert (chr(found) if isinstance(found, int) else found) == expected, hex(code)


_FOLDING = st.sampled_from(list("，：；（）！？") + list(ZERO_WIDTH) + list("０９ＡＺ\u3000們為㈠①…"))


@given(st.lists(st.one_of(_PLAIN, _FOLDING), max_size=12))
def test_punctuation_fast_path_folds_like_the_table(pieces) -> None:
    text = "".join(pieces)
    expected = text.translate(fold_table())
    assert fold(text).text == expected


_DIGITS = st.sampled_from(["0", "7", "\u0661", "\u0967", "\uff11", "\U0001d7d9", "\U000104a1", "\ua621", "𠀀", "①"])


@given(st.lists(st.one_of(_PLAIN, _FOLDING, _DIGITS), max_size=12))
def test_a_text_said_to_write_ascii_digits_has_no_other_digit(pieces) -> None:
    folded = fold("".join(pieces))
    if folded.ascii_digits:
        assert not has_other_digits(folded.text)


@pytest.mark.parametrize(("text", "ascii_digits"), [("电话：139，", True), ("电话：١٣٩", False), ("𠀀139", False)])
def test_ascii_digits_is_known_on_the_fast_path_only(text: str, ascii_digits: bool) -> None:
    assert fold(text).ascii_digits is ascii_digits
