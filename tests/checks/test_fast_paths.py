"""The checks' fast searches find exactly what their plain regular expressions find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.candidates import finditer_at_candidates
from govscan.checks import _dates, repeated_item
from govscan.checks._marks import last_mark_before

DATE_PIECES = [*"0123456789〇零○一二三四五六七八九十年月日号 -—–~至到/.,农历的去今", "2021", "二〇二三", "——", "1998"]
LIST_PIECES = [*"、、,。;:!?\n ab等", "动漫", "图解"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(DATE_PIECES), max_size=30))
def test_date_candidates_find_every_date(pieces):
    text = "".join(pieces)
    plain = [(m.span(), m.groupdict()) for m in _dates._DATE.finditer(text)]
    fast = [(m.span(), m.groupdict()) for m in finditer_at_candidates(_dates._DATE, _dates._DATE_STARTS, text)]
    assert fast == plain


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(LIST_PIECES), max_size=40))
def test_listing_clauses_are_the_regex_matches(pieces):
    text = "".join(pieces)
    plain = [m.span() for m in repeated_item._LISTING_CLAUSE.finditer(text)]
    assert [m.span() for m in repeated_item._listing_clauses(text)] == plain


@given(text=st.text(alphabet="ab。;\n", max_size=2000), position=st.integers(min_value=0, max_value=2000))
def test_last_mark_before_is_the_last_rfind(text, position):
    position = min(position, len(text))
    assert last_mark_before(text, "。;\n", position) == max(text.rfind(m, 0, position) for m in "。;\n")


def test_last_mark_before_looks_past_its_first_window():
    text = "甲。" + "乙" * 5000
    assert last_mark_before(text, "。;", len(text)) == 1
    assert last_mark_before("乙" * 5000, "。;", 5000) == -1
