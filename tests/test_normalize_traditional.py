"""Traditional → simplified folding: matches like simplified text, spans point into the original."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from govscan.engine import Scanner
from govscan.lexicon import load_lexicons
from govscan.normalize import fold, traditional_to_simplified


def test_table_is_one_character_for_one() -> None:
    table = traditional_to_simplified()
    assert len(table) > 2500
    assert all(len(a) == 1 and len(b) == 1 and a != b for a, b in table.items())
    assert (table["國"], table["總"], table["習"], table["勵"]) == ("国", "总", "习", "励")


def test_simplified_text_is_unchanged() -> None:
    text = "国家市场监督管理总局依法予以公开。"
    folded = fold(text)
    assert folded.text == text and folded.removed == ()


def test_traditional_typo_fires_with_span_into_the_original() -> None:
    scanner = Scanner(lexicons=[lx for lx in load_lexicons() if lx.code == "LEX401"], detectors=(), checks=())
    text = "希望各單位再接再勵，再創佳績。"
    [finding] = scanner.scan_text(text, as_of=dt.date(2024, 1, 1))
    assert (finding.code, finding.span.start, finding.span.end) == ("LEX401", 5, 9)
    assert finding.matched_text == "再接再勵"


def test_full_width_and_traditional_together() -> None:
    folded = fold("國務院２０２４年")
    assert folded.text == "国务院2024年"
    assert folded.to_original(3, 7) == (3, 7)


_traditional = st.sampled_from(sorted(traditional_to_simplified()))
_mixed = st.lists(
    st.one_of(_traditional, st.sampled_from(list("国家总局１２\u200b　ａ，。")), st.characters(max_codepoint=0x3000)),
    max_size=40,
).map("".join)


@given(_mixed)
def test_every_folded_character_maps_back_to_the_character_it_came_from(text: str) -> None:
    folded = fold(text)
    for index, char in enumerate(folded.text):
        start, end = folded.to_original(index, index + 1)
        assert end == start + 1
        assert char in fold(text[start]).text
