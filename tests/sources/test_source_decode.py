"""Encodings: UTF-8 with/without BOM, GB18030/GBK, Big5, UTF-16 with/without BOM; undecodable is an error."""

from __future__ import annotations

import codecs
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govscan.errors import InputError
from govscan.sources.decode import _decodes, _utf16_without_bom, decode, sniff_encoding, text_lines

SIMPLIFIED = "关于进一步做好政务公开工作的通知：联系电话 13912345678。"
TRADITIONAL = "關於進一步做好政務公開工作的通知：聯絡電話 13912345678。"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED),
        (TRADITIONAL.encode("big5"), TRADITIONAL),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "big5", "utf16-bom", "utf16le", "utf16be"],
)
def test_decodes_the_encodings_chinese_sites_use(data: bytes, expected: str) -> None:
    assert decode("a.txt", data) == expected


def test_declared_charset_is_used_when_not_utf8() -> None:
    data = "表彰决定".encode("gbk")
    assert sniff_encoding("a.html", data, declared="GB2312") == "gb18030"


def test_binary_and_empty_inputs_are_errors() -> None:
    with pytest.raises(InputError, match="binary file"):
        decode("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError, match="empty file"):
        decode("a.txt", b"")


def test_undecodable_bytes_are_an_error_naming_the_file() -> None:
    with pytest.raises(InputError) as caught:
        decode("bad.txt", b"\x81\x30\x81" * 3 + b"\xff\xff\xff\xff")
    assert caught.value.path == "bad.txt"


def test_text_lines_streams_lines_with_numbers_preserved_across_chunks() -> None:
    lines = [f"第{i}行\u2028内容\n" for i in range(30000)]
    data = "".join(lines).encode("gb18030")
    assert list(text_lines("big.jsonl", io.BytesIO(data))) == lines


def _utf16_plainly(head: bytes) -> str | None:
    """The NUL counting as first written: one Python step per byte."""
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    even_nuls = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
    odd_nuls = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
    for encoding, aligned, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if aligned >= pairs * 0.2 and other * 3 <= aligned and _decodes(head, encoding):
            return encoding
    return None


@given(st.binary(max_size=64) | st.lists(st.sampled_from([b"\x00", b"a", b"\xd8", b"\x4e", b"\xff"])).map(b"".join))
def test_utf16_sniffing_counts_nuls_like_the_plain_loop(head: bytes) -> None:
    assert _utf16_without_bom(head) == _utf16_plainly(head)
