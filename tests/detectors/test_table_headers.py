"""Cue words in a table's header row speak for the whole column (身份证号, 银行账号, 订单号 …)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govscan.detectors._checksums import luhn_ok, resident_id_check_char
from govscan.detectors._context import column_header

OLD_ID = "610104620927690"  # 15 digits: needs an ID cue
ACCOUNT = "6228480402564890017"  # fails Luhn: needs an account cue
CARD_2017 = "CAN110012345678"  # needs a permanent-residence or ID cue
FOREIGN = "93112401990030712" + resident_id_check_char("93112401990030712")  # a 2023 9-number


def tab_table(header: list[str], *rows: list[str]) -> str:
    return "\n".join("\t".join(cells) for cells in (header, *rows)) + "\n"


@pytest.mark.parametrize(
    ("text", "position", "header"),
    [
        ("序号\t姓名\t身份证号\n1\t张三\t110\n", "110", "身份证号"),
        ("序号\t姓名\t身份证号\n1\t张三\t110\n2\t李四\t220\n", "220", "身份证号"),
        ("序号\t姓名\t身份证号\r\n1\t张三\t110\r\n", "110", "身份证号"),
        ("序号\t姓名\t身份证号\n1\t张三\t110\n", "张三", "姓名"),
        ("| 序号 | 姓名 | 身份证号 |\n|---|---|---|\n| 1 | 张三 | 110 |\n", "110", "身份证号"),
        ("  | 序号 | 证号 |\n  | 1 | 110 |\n", "110", "证号"),
        ("序号\t身份证号\n1\t110\n", "序号", ""),  # the header row itself has no header
        ("说明文字\n1\t张三\t110\n", "110", ""),  # a table's first row: nothing above it in the table
        ("序号\t姓名\n1\t张三\t110\n", "110", ""),  # a row with another number of cells starts a new table
        ("身份证号：110。", "110", ""),  # no table
    ],
)
def test_column_header(text, position, header):
    assert column_header(text, text.index(position)) == header


def plain_column_header(text: str, position: int) -> str:
    """The first line of the run of lines with as many separators as the position's line, split the same way."""
    lines = text.split("\n")
    number = text.count("\n", 0, position)
    line = lines[number]
    separator = "\t" if "\t" in line else "|" if line.lstrip(" ").startswith("|") else None
    if separator is None:
        return ""
    first = number
    while first > 0 and lines[first - 1].count(separator) == line.count(separator):
        first -= 1
    if first == number:
        return ""
    cells = lines[first].split(separator)
    column = line[: position - sum(len(x) + 1 for x in lines[:number])].count(separator)
    return cells[column].strip() if column < len(cells) else ""


_CELLS = st.lists(st.sampled_from(["号", "ab", "", "1", " "]), min_size=1, max_size=4)
_ROW = st.one_of(_CELLS.map("\t".join), _CELLS.map(lambda cells: "| " + " | ".join(cells) + " |"), st.just("说明"))
_TABLES = st.lists(_ROW, min_size=1, max_size=12).map("\n".join)


@given(st.one_of(_TABLES, st.text(alphabet="ab\t|\n 号", max_size=40)), st.data())
def test_column_header_is_the_plain_walk_up_in_any_order(text, data):
    # One text, every position in a random order: what the walk remembers must not change an answer.
    for position in data.draw(st.permutations(range(len(text)))):
        assert column_header(text, position) == plain_column_header(text, position)


def test_an_old_fifteen_digit_id_under_an_id_header_fires(found):
    text = tab_table(["序号", "姓名", "身份证号"], ["1", "张三", OLD_ID])
    assert found(text) == [("PII001", OLD_ID, "error", "medium")]
    assert found(tab_table(["序号", "姓名", "编号"], ["1", "张三", OLD_ID])) == []


def test_an_account_under_an_account_header_fires_with_low_confidence(found):
    assert not luhn_ok(ACCOUNT)
    text = tab_table(["户名", "银行账号"], ["张三", ACCOUNT])
    assert found(text) == [("PII004", ACCOUNT, "error", "low")]


def test_a_2017_permanent_residence_number_under_its_header_fires(found):
    text = "| 序号 | 姓名 | 外国人永久居留证号码 |\n|---|---|---|\n| 1 | Anna | " + CARD_2017 + " |\n"
    assert found(text) == [("PII001", CARD_2017, "error", "high")]


def test_a_serial_number_header_drops_a_bare_nine_number(found):
    assert found(tab_table(["序号", "订单号"], ["1", FOREIGN])) == []
    assert found(tab_table(["序号", "号码"], ["1", FOREIGN])) == [("PII001", FOREIGN, "error", "medium")]


def test_a_cue_in_the_cell_itself_wins_over_the_header(found):
    text = tab_table(["序号", "订单号"], ["1", "身份证号：" + FOREIGN])
    assert found(text) == [("PII001", FOREIGN, "error", "high")]


def test_a_long_table_keeps_its_header_for_every_row(found):
    rows = [[str(n), "某某", "无"] for n in range(1, 400)]
    text = tab_table(["序号", "姓名", "身份证号"], *rows, ["400", "张三", OLD_ID])
    assert found(text) == [("PII001", OLD_ID, "error", "medium")]
