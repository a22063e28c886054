"""The characters read as required from a pattern are in every match of it, so skipping a search is safe."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.checks import formulation
from govscan.checks._regex_parts import (
    HeldCharacters,
    contains_all,
    required_characters,
    required_strings,
    top_level_alternatives,
)
from govscan.lexicon.formulations import packaged_formulations


@pytest.mark.parametrize(
    ("pattern", "required"),
    [
        (r"\p{Han}{2}意识", "意识"),
        (r"a?b+c*d{0,2}e{1,3}f{,2}g{2}", "beg"),
        (r"ab??c+?d*+", "ac"),
        ("x|xy", "x"),
        (r"\.\d", "."),
        (r"\\1", "\\1"),
        ("[ab]c", "c"),
        ("[]a]b", "b"),
        (r"[\]]c", "c"),
        ("a(?=b)c", "ac"),
        ("(?P<n>a)b", "b"),
        (r"\x41B\u4e00C\N{BULLET}D", "BCD"),
        ('[“"「]?三个代表[”"」]?重要思想', "三个代表重要思想"),
        ("(?<=中国共产党|党的)(第?)([一二三四五六七八九十]+)届全国代表大会", "届全国代表大会"),
        # What the reading does not follow gives nothing: flags, references, fuzzy matching, POSIX classes.
        ("(?i)abc", ""),
        (r"(a)\1b", ""),
        ("(?P<n>a)(?P=n)b", ""),
        ("(?:ab){e<=1}c", ""),
        ("[[:alpha:]x]y", ""),
    ],
)
def test_required_characters(pattern, required):
    assert required_characters(pattern) == frozenset(required)


def test_top_level_alternatives_split_outside_groups_and_classes():
    assert top_level_alternatives(r"a|b(c|d)|[|]e|\|f|[]|]g|[^]|]h") == [
        "a",
        "b(c|d)",
        "[|]e",
        r"\|f",
        "[]|]g",
        "[^]|]h",
    ]
    assert top_level_alternatives("毛泽东思想") == ["毛泽东思想"]


ATOMS = ["a", "b", "c", r"\.", ".", "[ab]", "[^a]", "(?:ab|c)", "(a|bc)", "(?=a)", "(?<!b)", r"\d", "^", "$"]
QUANTIFIERS = ["", "", "", "?", "*", "+", "??", "+?", "*+", "{2}", "{0,2}", "{1,2}", "{,2}"]
PATTERN = st.lists(st.tuples(st.sampled_from(ATOMS), st.sampled_from(QUANTIFIERS)), min_size=1, max_size=6).map(
    lambda parts: "".join(atom + ("" if atom in ("^", "$", "(?=a)", "(?<!b)") else q) for atom, q in parts)
)
PATTERNS = st.lists(PATTERN, min_size=1, max_size=3).map("|".join)


@settings(max_examples=500, deadline=None)
@given(pattern=PATTERNS, text=st.text(alphabet="abc.1\n", max_size=30))
def test_every_match_holds_the_required_characters(pattern, text):
    required = required_characters(pattern)
    for match in regex.finditer(pattern, text, overlapped=True):
        assert contains_all(match.group(), required)


@settings(max_examples=500, deadline=None)
@given(pattern=PATTERN, text=st.text(alphabet="abc.1\n", max_size=30))
def test_every_match_holds_the_required_strings(pattern, text):
    strings = required_strings(pattern)
    for match in regex.finditer(pattern, text, overlapped=True):
        assert all(string in match.group() for string in strings)


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"\p{Han}{2}意识", ("意识",)),
        ("ab+cd", ("a", "b", "cd")),
        (r"a\.b?c", ("a.", "c")),
        ("x(?=y)z", ("x", "z")),
        ("([一二三四五六七八九十]+)大([一二三四五六七八九十])中全会", ("大", "中全会")),
        ("a|ab", ()),
        ("(?i)ab", ()),
    ],
)
def test_required_strings(pattern, strings):
    assert required_strings(pattern) == strings


DATA = packaged_formulations()
DATA_PATTERNS = [
    *(e.item for e in DATA.enumerations),
    *(a for e in DATA.enumerations for a in top_level_alternatives(e.item)),
    *(p.pattern for p in DATA.patterns),
]
DATA_PIECES = [
    *'“”"「」、,的和第一二三四五六七八九十大中',
    "中国共产党",
    "党的",
    "届全国代表大会",
    "次中央委员会",
    "中全会",
]
DATA_PIECES += [
    "政治意识",
    "文化自信",
    "坚决维护",
    "确立",
    "全面深化改革",
    "务必",
    "三个代表",
    "重要思想",
    "毛泽东思想",
]
DATA_PIECES += ["习近平", "新时代", "思想", "一带一路", "战略", "性"]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATA_PIECES), max_size=12))
def test_packaged_patterns_match_only_texts_holding_their_required_characters(pieces):
    text = "".join(pieces)
    for pattern in DATA_PATTERNS:
        if regex.search(pattern, text):
            assert contains_all(text, required_characters(pattern))
            assert all(string in text for string in required_strings(pattern))


@given(text=st.text(alphabet="四两十个a", max_size=20), asked=st.lists(st.text(alphabet="四两十个ab", max_size=3)))
def test_held_characters_answer_as_contains_all(text, asked):
    held = HeldCharacters(text)
    assert [held.all(characters) for characters in asked] == [contains_all(text, c) for c in asked]


@given(
    text=st.text(alphabet="四两十个a", max_size=20),
    asked=st.lists(st.text(alphabet="四两十个ab", max_size=3)),
    uses=st.dictionaries(st.sampled_from("四两十个ab"), st.integers(0, 5)),
)
def test_held_characters_in_any_lookup_order_answer_as_contains_all(text, asked, uses):
    held = HeldCharacters(text, uses)
    assert [held.all(characters) for characters in asked] == [contains_all(text, c) for c in asked]


def test_character_uses_count_the_questions_asking_for_a_character():
    uses = formulation._character_uses(("意识|自信", "坚决维护"), ("四个意识",))
    assert uses["意"] == 2  # the term, and the alternative 意识 (the whole pattern requires no character)
    assert uses["维"] == 1
    assert "自" in uses and "a" not in uses
