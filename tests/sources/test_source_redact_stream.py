"""Streamed redaction of JSON Lines and CSV exports: the same copy as the whole-file writer, a chunk at a time."""

from __future__ import annotations

import codecs
import csv
import importlib
import io
import json
import sys
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.errors import InputError
from govscan.sources import redact_stream
from govscan.sources.csv import _rows
from govscan.sources.redaction import redact_bytes, redact_path


def _streamed(name: str, data: bytes, masker, chunk: int) -> bytes:
    out = io.BytesIO()
    with mock.patch.object(redact_stream, "CHUNK", chunk):
        redact_stream.redact_stream(name, io.BytesIO(data), out, name[name.rindex(".") :], masker)
    return out.getvalue()


def _chunks(data: bytes, suffix: str, chunk: int, skip: int = 0) -> list[bytes]:
    cut = redact_stream._line_cut if suffix == ".jsonl" else redact_stream._csv_cut(b",")
    with mock.patch.object(redact_stream, "CHUNK", chunk):
        return list(redact_stream._chunks("e", io.BytesIO(data[65536:]), data[:65536], skip, cut))


# --- codec facts: cutting raw bytes at a line feed (or a quote, a delimiter) is cutting between characters ---


def _encodable(codec: str) -> str:
    if codec == "big5":  # a double-byte code of the BMP: try each character
        chars = []
        for point in range(0x80, 0x10000):
            try:
                chr(point).encode(codec)
            except UnicodeEncodeError:
                continue
            chars.append(chr(point))
        return "".join(chars)
    return "".join(chr(point) for point in range(0x80, sys.maxunicode + 1) if not 0xD800 <= point < 0xE000)


@pytest.mark.parametrize("codec", sorted(redact_stream.LINE_SAFE))
def test_no_multibyte_character_holds_a_structural_byte(codec):
    encoded = _encodable(codec).encode(codec)  # stateless codecs: the concatenation of each character's bytes
    assert len(encoded) > 10000
    assert not any(byte in encoded for byte in redact_stream.STRUCTURAL)
    # Decoding (which Big5's duplicates show is not just encoding backwards): no byte string the decoder accepts
    # holds a structural byte inside a character, at any place of a two- or four-byte character.
    for lead in range(0x80, 0x100):
        for prefix in ([lead], [lead, 0x30], [lead, 0x30, 0x81], [lead, 0x80], [lead, 0x80, 0x80]):
            for byte in redact_stream.STRUCTURAL:
                for tail in ([], [0x30], [0x81, 0x30], [0x80], [0x80, 0x80]):
                    try:
                        text = bytes([*prefix, byte, *tail]).decode(codec)
                    except UnicodeDecodeError:
                        continue
                    assert chr(byte) in text


def test_utf16_holds_line_feed_bytes_inside_characters():
    assert b"\n" in "\u0a00".encode("utf-16-le")  # why UTF-16 exports are masked whole
    assert "utf-16-le" not in redact_stream.LINE_SAFE


# --- CSV rows: where the streamer cuts agrees with _rows ---


def _row_cuts(text: str) -> list[int]:
    data = text.encode()
    cut = redact_stream._csv_cut(b",")
    ends, at = [], 0
    with mock.patch.object(redact_stream, "CHUNK", 0):  # one row per call
        while (after := cut(data, at)) != at:
            ends.append(after)
            at = after
    return ends


def _cells(text: str) -> list[list[str]]:
    return [[cell.text for cell in row] for _, row in _rows(text, ",")]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='a1,"\r\n \t', max_size=40))
def test_csv_row_ends_are_the_line_feeds_where_rows_split_alone(text):
    """A cut is a line feed where reading the two halves apart gives the rows of the whole."""
    whole = _cells(text)
    expected = [
        at + 1
        for at, char in enumerate(text[:-1])
        if char == "\n" and _cells(text[: at + 1]) + _cells(text[at + 1 :]) == whole
    ]
    if text.endswith("\n") and _cells(text + "a") == [*whole, ["a"]]:  # at the end: a row after it starts anew
        expected.append(len(text))
    assert _row_cuts(text) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.text(alphabet='a,"\r\n ', max_size=6), min_size=1, max_size=3), max_size=5),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)
def test_csv_written_rows_end_where_the_count_of_quotes_is_even(rows, quoting):
    """RFC 4180 quoting (what csv.writer writes): a line feed ends a row iff the row so far has an even count of \"."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n", quoting=quoting).writerows(rows)
    text = out.getvalue()
    even, start = [], 0
    for at, char in enumerate(text):
        if char == "\n" and text.count('"', start, at) % 2 == 0:
            even.append(at + 1)
            start = at + 1
    assert _row_cuts(text) == even
    assert _cells(text) == rows


# --- streamed copies are the whole-file copies ---

PHONES = st.builds(
    lambda second, rest, dashed: f"1{second}{rest[:1]}-{rest[1:5]}-{rest[5:]}" if dashed else f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.booleans(),
)
WORDS = st.sampled_from(
    ["联系电话：", "公示", "家住城关镇幸福路25号", "，", '"', ",", "'", "\\", " ", "中文", "a", "〇"]
)
BODIES = st.lists(WORDS | PHONES | st.sampled_from(["\n", "\r\n"]), max_size=12).map("".join)
ENCODINGS = st.sampled_from([("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b"")])
CHUNKS = st.sampled_from([1, 16, 64])


def _both(name: str, data: bytes, masker, chunk: int) -> tuple[bytes | str, bytes | str]:
    results = []
    for redact in (
        lambda: redact_bytes(name, data, name[name.rindex(".") :], masker),
        lambda: _streamed(name, data, masker, chunk),
    ):
        try:
            results.append(redact())
        except InputError as error:
            results.append(str(error))
    return results[0], results[1]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(BODIES, BODIES, st.booleans(), st.sampled_from(["\n", "\r\n", "\n\n"])), min_size=1, max_size=8),
    ENCODINGS,
    CHUNKS,
    st.integers(0, 12),
)
def test_streamed_jsonl_is_the_whole_file_copy(masker, records, encoding, chunk, broken):
    lines = []
    for number, (title, body, ascii_only, ending) in enumerate(records):
        record = {"id": number, "title": title, "text": body} if number != broken else {"id": number, "body": body}
        lines.append(json.dumps(record, ensure_ascii=ascii_only) + ending)
    codec, bom = encoding
    data = bom + "".join(lines).rstrip("\n").encode(codec)
    whole, streamed = _both("e.jsonl", data, masker, chunk)
    assert streamed == whole


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(BODIES, BODIES), min_size=1, max_size=8),
    ENCODINGS,
    CHUNKS,
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.sampled_from(["e.csv", "e.tsv"]),
    st.integers(0, 12),
)
def test_streamed_csv_is_the_whole_file_copy(masker, rows, encoding, chunk, ending, quoting, name, short):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending, quoting=quoting, delimiter="\t" if name == "e.tsv" else ",")
    writer.writerow(["id", "title", "text"])
    writer.writerows([n] if n == short else [n, title, body] for n, (title, body) in enumerate(rows, start=1))
    codec, bom = encoding
    data = bom + out.getvalue().encode(codec)
    whole, streamed = _both(name, data, masker, chunk)
    assert isinstance(whole, bytes) or short <= len(rows)
    assert streamed == whole


# --- chunks ---

CSV_HEAD = "id,text\r\n"
LONG_CELL = '1,"联系电话：13912345678\r\n第二行，""引号""\r\n第三行 13987654321"\r\n'


def test_a_csv_row_across_the_chunk_size_is_kept_whole(masker):
    data = (CSV_HEAD + LONG_CELL + "2,无\r\n").encode()
    assert _chunks(data, ".csv", 16) == [(CSV_HEAD + LONG_CELL).encode(), "2,无\r\n".encode()]
    expected = CSV_HEAD + LONG_CELL.replace("13912345678", "139****5678").replace("13987654321", "139****4321")
    assert _streamed("e.csv", data, masker, 16) == (expected + "2,无\r\n").encode()


def test_a_utf8_bom_is_skipped_before_the_first_csv_row():
    data = codecs.BOM_UTF8 + b'"a\nb",text\n1,2\n'
    assert _chunks(data, ".csv", 1, skip=3) == [codecs.BOM_UTF8 + b'"a\nb",text\n', b"1,2\n"]


def test_a_record_longer_than_the_chunk_is_read_whole(masker):
    body = "公示" * 40000 + "联系电话：13912345678"
    data = ('{"text": "电话13912345678"}\n{"text": "' + body + '"}\n{"text": "无"}').encode()
    with mock.patch.object(redact_stream, "DETECT", 64):
        pieces = _chunks(data, ".jsonl", 64)
        copy = _streamed("e.jsonl", data, masker, 64)
    assert [len(piece) for piece in pieces] == [len(data) - 15, 15]  # the short first line, then the long one
    assert copy == data.replace(b"13912345678", b"139****5678")


def test_line_numbers_go_on_across_chunks(masker):
    data = ('{"text": "电话13912345678"}\n' * 40 + "\n" + '{"id": "x", "body": "1"}\n').encode()
    with pytest.raises(InputError, match=r"^e\.jsonl#line=42&id=x: text field 'text' is missing"):
        _streamed("e.jsonl", data, masker, 64)
    rows = CSV_HEAD + LONG_CELL * 5 + "9\r\n"
    with pytest.raises(InputError, match=r"^e\.csv#line=17&id=9: text field 'text' is missing"):
        _streamed("e.csv", rows.encode(), masker, 64)


def test_bytes_that_do_not_decode_are_named_at_the_same_byte_as_whole(masker):
    data = '{"text": "电话13912345678"}\n'.encode() * 10 + b'{"text": "\xff"}\n'
    decoding = importlib.import_module("govscan.sources.decode")  # the package exports a function of that name
    with mock.patch.object(decoding, "DETECT", 64), mock.patch.object(redact_stream, "DETECT", 64):
        whole, streamed = _both("e.jsonl", data, masker, 64)
    assert streamed == whole == f"e.jsonl: not valid utf-8 at byte {len(data) - 4}; cannot decode"


def test_big5_that_does_not_encode_back_is_refused_as_whole_even_in_another_chunk(masker):
    rows = '{"text": "聯絡電話：139-1234-5678。"}\n' + '{"text": "公示名單"}\n' * 8
    data = rows.encode("big5") + b'{"text": "' + b"\xa2\xcc" + b'"}\n'
    whole, streamed = _both("e.jsonl", data, masker, 16)
    assert (
        streamed == whole == "e.jsonl: does not encode back to the same bytes in big5; cannot redact it byte for byte"
    )
    unmasked = data.replace(b"139-1234-5678", b"1")
    assert _streamed("e.jsonl", unmasked, masker, 16) == unmasked


def test_utf16_exports_are_masked_whole(masker):
    data = codecs.BOM_UTF16_LE + (CSV_HEAD + LONG_CELL).encode("utf-16-le")
    expected = CSV_HEAD + LONG_CELL.replace("13912345678", "139****5678").replace("13987654321", "139****4321")
    assert _streamed("e.csv", data, masker, 1) == codecs.BOM_UTF16_LE + expected.encode("utf-16-le")


def test_empty_exports_are_as_whole(masker):
    assert _both("e.jsonl", b"", masker, 1) == (b"", b"")
    assert _both("e.csv", b"", masker, 1) == ("e.csv: empty CSV file (no header row)",) * 2


# --- all or nothing ---


def test_an_error_in_the_last_record_leaves_no_copy_and_no_temporary_file(masker, tmp_path):
    source = tmp_path / "e.jsonl"
    source.write_bytes(('{"text": "电话13912345678"}\n' * 40 + '{"body": "1"}\n').encode())
    out = tmp_path / "out" / "sub"
    with mock.patch.object(redact_stream, "CHUNK", 64), pytest.raises(InputError, match=r"e\.jsonl#line=41"):
        redact_path(source, out / "e.jsonl", masker)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.jsonl"]


def test_a_failed_copy_keeps_an_older_destination_and_a_good_one_replaces_it(masker, tmp_path):
    source = tmp_path / "e.csv"
    source.write_bytes((CSV_HEAD + LONG_CELL * 3 + "9\r\n").encode())
    out = tmp_path / "out"
    out.mkdir()
    (out / "e.csv").write_bytes(b"older")
    with mock.patch.object(redact_stream, "CHUNK", 64), pytest.raises(InputError, match=r"e\.csv#line=11"):
        redact_path(source, out / "e.csv", masker)
    assert [(p.name, p.read_bytes()) for p in out.iterdir()] == [("e.csv", b"older")]
    source.write_bytes((CSV_HEAD + LONG_CELL).encode())
    with mock.patch.object(redact_stream, "CHUNK", 64):
        redact_path(source, out / "e.csv", masker)
    assert [p.name for p in out.iterdir()] == ["e.csv"]
    assert (out / "e.csv").read_bytes().count(b"****") == 2
