"""DOCX: paragraphs and tables in order, headers/footers as fields, core-property dates; broken files are errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest

from govscan.errors import InputError
from govscan.sources import docx as docx_source
from govscan.sources.limits import Limits
from govscan.sources.options import ReadOptions


@pytest.fixture(scope="module")
def draft() -> bytes:
    word = docx.Document()
    word.core_properties.created = dt.datetime(2024, 6, 1, 8, 0)
    word.core_properties.modified = dt.datetime(2024, 6, 3, 8, 0)
    word.core_properties.title = "工作总结"
    word.sections[0].header.paragraphs[0].text = "内部资料"
    word.sections[0].footer.paragraphs[0].text = "第 1 页"
    word.add_paragraph("第一段")
    table = word.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并单元格"
    table.cell(0, 2).text = "电话"
    table.cell(1, 0).text = "王某"
    table.cell(1, 2).text = "13712345678"
    word.add_paragraph("末段")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_body_keeps_paragraphs_and_table_rows_in_document_order(draft: bytes) -> None:
    body = docx_source.read("d.docx", draft)[0]
    assert body.path == "d.docx"
    assert body.text == "第一段\n合并单元格\t电话\n王某\t\t13712345678\n末段\n"


def test_metadata_is_the_modified_date_and_title(draft: bytes) -> None:
    body = docx_source.read("d.docx", draft)[0]
    assert (body.title, body.date) == ("工作总结", dt.date(2024, 6, 3))


def test_header_and_footer_are_separate_fields(draft: bytes) -> None:
    fields = [(d.path, d.text) for d in docx_source.read("d.docx", draft)[1:]]
    assert fields == [("d.docx#field=header", "内部资料\n"), ("d.docx#field=footer", "第 1 页\n")]


def test_a_file_that_is_not_docx_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not a valid DOCX file"):
        docx_source.read("bad.docx", b"PK\x03\x04 not a zip at all")


def test_a_package_over_the_size_limit_is_refused_before_unpacking(draft: bytes) -> None:
    with pytest.raises(InputError, match="over the 1000-byte limit"):
        docx_source.read("big.docx", draft, ReadOptions(limits=Limits(max_member_bytes=1000)))


def test_a_zip_without_word_parts_is_an_input_error() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a valid DOCX file"):
        docx_source.read("empty.docx", buffer.getvalue())
