"""Redaction writers: the masked copy differs from the input only in the bytes of masked values."""

from __future__ import annotations

import codecs
import json

import pytest

from govscan.detectors._checksums import luhn_check_digit, resident_id_check_char
from govscan.errors import InputError
from govscan.sources.decode import decode_as
from govscan.sources.options import ReadOptions, RecordFields
from govscan.sources.redaction import redact_bytes
from govscan.sources.splice import Edit, changes

ID = "11010519491231002" + resident_id_check_char("11010519491231002")
CARD = "622202123456789012" + luhn_check_digit("622202123456789012")

SIMPLIFIED = f"公示\r\n王某，身份证号：{ID}，联系电话：139-1234-5678。\r\n邮箱12345678@qq.com\r\n"
SIMPLIFIED_MASKED = "公示\r\n王某，身份证号：11*************02X，联系电话：139-****-5678。\r\n邮箱1*******@qq.com\r\n"
TRADITIONAL = f"公示名單\r\n王某，身份證號：{ID}，聯絡電話：139-1234-5678，銀行卡號：{CARD}。\r\n"
TRADITIONAL_MASKED = (
    "公示名單\r\n王某，身份證號：11*************02X，聯絡電話：139-****-5678，銀行卡號：6222***********0128。\r\n"
)


ENCODINGS = [
    ("utf-8", b"", SIMPLIFIED, SIMPLIFIED_MASKED),
    ("utf-8", codecs.BOM_UTF8, SIMPLIFIED, SIMPLIFIED_MASKED),
    ("utf-16-le", codecs.BOM_UTF16_LE, SIMPLIFIED, SIMPLIFIED_MASKED),
    ("utf-16-be", codecs.BOM_UTF16_BE, SIMPLIFIED, SIMPLIFIED_MASKED),
    ("gb18030", b"", SIMPLIFIED, SIMPLIFIED_MASKED),
    ("big5", b"", TRADITIONAL, TRADITIONAL_MASKED),
]
IDS = ["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "gb18030", "big5"]


@pytest.mark.parametrize(("codec", "bom", "text", "masked"), ENCODINGS, ids=IDS)
def test_decode_as_reports_the_encoding_and_bom_it_read(codec, bom, text, masked):
    decoded = decode_as("a.txt", bom + text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.bom) == (text, codec, bom)


@pytest.mark.parametrize(("codec", "bom", "text", "masked"), ENCODINGS, ids=IDS)
def test_text_copy_keeps_encoding_bom_and_crlf(masker, codec, bom, text, masked):
    data = bom + text.encode(codec)
    assert redact_bytes("a.txt", data, ".txt", masker) == bom + masked.encode(codec)


def test_big5_is_written_as_big5_not_gb18030(masker):
    copy = redact_bytes("a.md", TRADITIONAL.encode("big5"), ".md", masker)
    assert copy == TRADITIONAL_MASKED.encode("big5")
    assert copy != TRADITIONAL_MASKED.encode("gb18030")


def test_big5_duplicate_character_is_kept_byte_for_byte_when_nothing_is_masked(masker):
    # A2CC and A451 both decode to 十; re-encoding the whole file would turn A2CC into A451.
    data = TRADITIONAL.replace(ID, "").replace("139-1234-5678", "").replace(CARD, "").encode("big5") + b"\xa2\xcc"
    assert redact_bytes("a.txt", data, ".txt", masker) == data


def test_file_that_does_not_encode_back_is_refused_when_a_value_is_masked(masker):
    data = TRADITIONAL.encode("big5") + b"\xa2\xcc\r\n"
    with pytest.raises(InputError, match="does not encode back to the same bytes in big5"):
        redact_bytes("a.txt", data, ".txt", masker)


def test_changes_are_the_runs_that_differ():
    assert list(changes("139-1234-5678", "139-****-5678", offset=10)) == [Edit(14, 18, "****")]
    assert list(changes("ab", "**")) == [Edit(0, 2, "**")]
    with pytest.raises(ValueError, match="length"):
        list(changes("ab", "a"))


# --- JSON Lines ---------------------------------------------------------------------------------------------


JSONL = (
    '{"id": 7, "title": "公示 13912345678", '
    '"text": "\\u8054\\u7cfb\\u7535\\u8bdd\\uff1a13912345678 \\ud83d\\ude00 \\"引\\"", '
    '"meta": {"tel": "13912345678"}}\r\n'
    "\r\n"
    '{"text":"家住城关镇幸福路25号3栋2单元401室","date":"2024-01-02"}\n'
    '{"text": "无个人信息", "n": [1.5e3, true, null]}'
)
JSONL_MASKED = (
    '{"id": 7, "title": "公示 139****5678", '
    '"text": "\\u8054\\u7cfb\\u7535\\u8bdd\\uff1a139****5678 \\ud83d\\ude00 \\"引\\"", '
    '"meta": {"tel": "13912345678"}}\r\n'
    "\r\n"
    '{"text":"家住城关镇***************","date":"2024-01-02"}\n'
    '{"text": "无个人信息", "n": [1.5e3, true, null]}'
)


@pytest.mark.parametrize(("codec", "bom"), [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b"")])
def test_jsonl_masks_text_and_title_inside_their_strings_only(masker, codec, bom):
    copy = redact_bytes("e.jsonl", bom + JSONL.encode(codec), ".jsonl", masker)
    assert copy == bom + JSONL_MASKED.encode(codec)
    records = [json.loads(line) for line in JSONL_MASKED.split("\n") if line.strip()]
    assert records[0]["text"] == '联系电话：139****5678 \U0001f600 "引"'
    assert records[0]["meta"] == {"tel": "13912345678"}  # not a field the scan reads


def test_jsonl_dotted_text_field_in_a_list(masker):
    line = '{"items": [{"body": "x"}, {"body": "电话13912345678"}], "items2": "13912345678"}\n'
    options = ReadOptions(fields=RecordFields(text="items.1.body"))
    copy = redact_bytes("e.jsonl", line.encode(), ".jsonl", masker, options)
    assert copy == line.replace('"电话13912345678"', '"电话139****5678"').encode()


def test_jsonl_escaped_characters_are_replaced_whole_and_kept_when_not_masked(masker):
    line = '{"text": "电话\\u0031\\u00339\\u00312345\\u0036\\u0037\\u0038"}\n'
    expected = '{"text": "电话\\u0031\\u00339****5\\u0036\\u0037\\u0038"}\n'
    assert redact_bytes("e.jsonl", line.encode(), ".jsonl", masker) == expected.encode()


def test_jsonl_title_before_the_text_both_escaped_and_masked(masker):
    # Edits come text first, title second; checking the copy must apply them from the end of the line.
    line = json.dumps({"title": "家住城关镇幸福路25号", "text": "电话13912345678"}) + "\n"
    copy = redact_bytes("e.jsonl", line.encode(), ".jsonl", masker)
    assert json.loads(copy) == {"title": "家住城关镇******", "text": "电话139****5678"}
    assert copy == line.replace("\\u5e78\\u798f\\u8def25\\u53f7", "******").replace("1234", "****").encode()


def test_jsonl_record_the_scan_cannot_read_refuses_the_file(masker):
    data = '{"text": "电话13912345678"}\n{"body": "13912345678"}\n'.encode()
    with pytest.raises(InputError, match=r"e\.jsonl#line=2: text field 'text' is missing"):
        redact_bytes("e.jsonl", data, ".jsonl", masker)
    with pytest.raises(InputError, match=r"e\.jsonl#line=1: not valid JSON"):
        redact_bytes("e.jsonl", b'{"text": \n', ".jsonl", masker)


# --- CSV / TSV ----------------------------------------------------------------------------------------------

CSV = (
    "id,title,text\r\n"
    '1,公示,"联系电话：13912345678,""引号""\r\n第二行 13912345678"\r\n'
    "2,,家住城关镇幸福路25号3栋2单元401室\r\n"
    "\r\n"
    "3,电话13912345678,无\r\n"
)
CSV_MASKED = (
    "id,title,text\r\n"
    '1,公示,"联系电话：139****5678,""引号""\r\n第二行 139****5678"\r\n'
    "2,,家住城关镇***************\r\n"
    "\r\n"
    "3,电话139****5678,无\r\n"
)


@pytest.mark.parametrize(("codec", "bom"), [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b"")])
def test_csv_masks_cells_in_place_keeping_quotes_and_line_endings(masker, codec, bom):
    assert redact_bytes("e.csv", bom + CSV.encode(codec), ".csv", masker) == bom + CSV_MASKED.encode(codec)


def test_tsv_uses_tabs(masker):
    data = "id\ttext\n1\t电话13912345678\n"
    assert redact_bytes("e.tsv", data.encode(), ".tsv", masker) == "id\ttext\n1\t电话139****5678\n".encode()


def test_csv_without_the_text_column_is_refused(masker):
    with pytest.raises(InputError, match="no column 'text'"):
        redact_bytes("e.csv", b"id,body\n1,13912345678\n", ".csv", masker)


def test_csv_short_row_is_refused(masker):
    with pytest.raises(InputError, match=r"e\.csv#line=3&id=2: text field 'text' is missing"):
        redact_bytes("e.csv", "id,text\n1,电话13912345678\n2\n".encode(), ".csv", masker)


# --- HTML ---------------------------------------------------------------------------------------------------

PAGE = (
    '<!DOCTYPE html>\r\n<html><head><meta charset="utf-8">\r\n'
    '<meta name="ArticleTitle" content="公示 13912345678">\r\n'
    "<title>公示 13912345678</title>\r\n"
    '<script>var tel = "0";</script></head>\r\n'
    '<body>\r\n<div class="c"><p>联系电话：139&#x31;23\r\n45678，家住城关镇幸福路25号3栋2单元401室。</p>\r\n'
    "<p>监督&nbsp;电话：<b>0571-88881234</b> &amp; 邮箱12345678@qq.com</p>\r\n"
    '<div style="display:none">13912345678</div><!-- 联系人 13912345678 -->\r\n'
    "</div></body></html>\r\n"
)
PAGE_MASKED = (
    '<!DOCTYPE html>\r\n<html><head><meta charset="utf-8">\r\n'
    '<meta name="ArticleTitle" content="公示 139****5678">\r\n'
    "<title>公示 139****5678</title>\r\n"
    '<script>var tel = "0";</script></head>\r\n'
    '<body>\r\n<div class="c"><p>联系电话：139&#x31;23\r\n45678，家住城关镇***************。</p>\r\n'
    "<p>监督&nbsp;电话：<b>0571-******34</b> &amp; 邮箱1*******@qq.com</p>\r\n"
    '<div style="display:none">139****5678</div><!-- 联系人 139****5678 -->\r\n'
    "</div></body></html>\r\n"
)


def test_html_masks_text_title_hidden_text_and_comments_without_touching_markup(masker):
    assert redact_bytes("p.html", PAGE.encode(), ".html", masker) == PAGE_MASKED.encode()


def test_html_masks_characters_written_as_references(masker):
    page = "<p>联系电话：139&#x31;2345678。</p>"
    assert redact_bytes("p.htm", page.encode(), ".htm", masker) == "<p>联系电话：139****5678。</p>".encode()


def test_html_in_a_declared_gb18030_page_stays_gb18030(masker):
    page = '<html><head><meta charset="gb2312"></head><body><p>联系电话：13912345678</p></body></html>'
    expected = page.replace("13912345678", "139****5678").encode("gb18030")
    assert redact_bytes("p.html", page.encode("gb18030"), ".html", masker) == expected


def test_html_text_after_the_end_tag_is_masked_and_scripts_kept(masker):
    page = '<html><body><p>a</p></body></html>\n<script>var x="123";</script>\n<p>补 13912345678</p>\n'
    expected = page.replace("补 13912345678", "补 139****5678")
    assert redact_bytes("p.html", page.encode(), ".html", masker) == expected.encode()


def test_html_with_personal_data_in_a_script_is_refused(masker):
    page = '<html><body><p>电话：13912345678</p><script>var tel = "13912345678";</script></body></html>'
    with pytest.raises(InputError, match="a <script> or <style> holds personal data"):
        redact_bytes("p.html", page.encode(), ".html", masker)


# --- formats that cannot be masked in place -----------------------------------------------------------------


@pytest.mark.parametrize(("suffix", "reason"), [(".docx", "Word files cannot be masked"), (".zip", "unpack them")])
def test_docx_and_zip_are_refused_with_a_reason(masker, suffix, reason):
    with pytest.raises(InputError, match=reason):
        redact_bytes(f"a{suffix}", b"PK\x03\x04", suffix, masker)


def test_html_masks_attribute_values_check_reads_and_leaves_other_attributes(masker):
    page = (
        '<html><head><meta name="author" content="张三 13912345678"></head><body>\r\n'
        '<a href=\'tel:139%31%3234%35678\' title="电话&#x31;3912345678" data-tel="13912345678">电话</a>\r\n'
        '<a href="https://example.cn/13912345678">链接</a></body></html>'
    )
    expected = (
        '<html><head><meta name="author" content="张三 139****5678"></head><body>\r\n'
        '<a href=\'tel:139****%35678\' title="电话&#x31;39****5678" data-tel="13912345678">电话</a>\r\n'
        '<a href="https://example.cn/13912345678">链接</a></body></html>'
    )
    assert redact_bytes("p.html", page.encode("gb18030"), ".html", masker) == expected.encode("gb18030")
