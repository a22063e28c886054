"""The cue-word helpers find what a plain search over each cue and punctuation mark finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.detectors._context import clause_ending_at, nearest_cue

CUES = ("卡号", "社保卡号", "账号", "号", "身份证", "身份证号", "证号", "编号", "tel", "Tel")
PIECES = [*"卡号社保账身份证编tTel。；;！!？?\n ：:12", *CUES]


def plain_nearest_cue(text: str, cues: tuple[str, ...]) -> tuple[int, str] | None:
    found = [(text.rfind(cue) + len(cue), len(cue), cue) for cue in cues if cue in text]
    if not found:
        return None
    end, _, cue = max(found)
    return end, cue


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=20).map("".join),
    cues=st.lists(st.sampled_from(CUES), min_size=1, max_size=6).map(tuple),
)
def test_nearest_cue_is_the_cue_ending_last_then_the_longest(text, cues):
    assert nearest_cue(text, cues) == plain_nearest_cue(text, cues)


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    end=st.integers(min_value=0, max_value=60),
    width=st.integers(min_value=0, max_value=25),
)
def test_clause_ending_at_stops_at_the_last_clause_end(text, end, width):
    end = min(end, len(text))
    window = text[max(0, end - width) : end]
    cut = max(window.rfind(mark) for mark in "。；;！!？?\n")
    assert clause_ending_at(text, end, width) == window[cut + 1 :]
