"""The finding builder's line/column counting, excerpt masking and value masking, against their plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govscan.engine import _PersonalSpans
from govscan.lines import Lines
from govscan.masking import mask_value

texts = st.text(alphabet="ab\n\r中", max_size=60)


def plain_position(text: str, offset: int) -> tuple[int, int]:
    """Line = line feeds before ``offset`` + 1; column counts from the character after the last of them."""
    before = text[:offset]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@given(texts, st.lists(st.integers(min_value=0, max_value=60), max_size=12))
def test_lines_give_plain_positions_in_any_order(text: str, offsets: list[int]) -> None:
    lines = Lines(text)
    for offset in (min(offset, len(text)) for offset in offsets):
        assert lines.position(offset) == plain_position(text, offset)


def star(value: str) -> str:
    return "*" * len(value)


def first_kept(value: str) -> str:
    return value[:1] + "#" * (len(value) - 1)


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8), st.sampled_from([star, first_kept])), max_size=6).map(
    lambda raw: sorted(((start, start + length, masker) for start, length, masker in raw), key=lambda s: s[0])
)


@given(st.text(alphabet="0123456789ab", min_size=48, max_size=48), spans, st.integers(0, 48), st.integers(0, 48))
def test_masked_window_overwrites_each_overlapping_value_in_order(text, personal, left, right) -> None:
    left, right = min(left, right), max(left, right)
    chars = list(text)
    for start, end, masker in personal:
        masked = masker(text[start:end])
        for index in range(start, end):
            chars[index] = masked[index - start]
    assert _PersonalSpans(text, personal).masked(left, right) == "".join(chars)[left:right]


def plain_mask(value: str, keep: tuple[int, int]) -> str:
    """Every alphanumeric starred but the first ``keep[0]`` and last ``keep[1]`` of them (all, when too few)."""
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    shown = set() if len(positions) <= sum(keep) else {*positions[: keep[0]], *positions[len(positions) - keep[1] :]}
    return "".join("*" if i in positions and i not in shown else ch for i, ch in enumerate(value))


@given(st.text(alphabet="0123456789Xx中 -@.", max_size=24), st.tuples(st.integers(0, 4), st.integers(0, 4)))
def test_mask_value_stars_the_middle_alphanumerics(value: str, keep: tuple[int, int]) -> None:
    assert mask_value(value, keep) == plain_mask(value, keep)
