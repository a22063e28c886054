"""JSONL and CSV exports: one document per record, dotted fields, locators with line and id, bad records."""

from __future__ import annotations

import datetime as dt
import io
import json

from govscan.sources import csv as csv_source
from govscan.sources import jsonl
from govscan.sources.document import Document
from govscan.sources.locate import locate
from govscan.sources.options import RecordFields
from govscan.sources.records import RecordError, lookup

NESTED = RecordFields(text="content.body", title="title", id="meta.id", date="meta.published")


def _jsonl(*lines: str) -> io.BytesIO:
    return io.BytesIO("".join(line + "\n" for line in lines).encode("utf-8"))


def test_lookup_follows_dotted_paths_through_dicts_and_lists() -> None:
    record = {"a": {"b": [{"c": "x"}]}}
    assert lookup(record, "a.b.0.c") == "x"
    assert lookup(record, "a.b.1.c") is None
    assert lookup(record, "a.z") is None


def test_jsonl_records_become_documents_named_by_line_and_id() -> None:
    stream = _jsonl(
        json.dumps({"meta": {"id": 7, "published": "2024-05-01"}, "content": {"body": "正文"}, "title": "标题"}),
        "",
        json.dumps({"meta": {"id": "a&b"}, "content": {"body": "第二条"}}),
    )
    items = list(jsonl.iter_documents("e.jsonl", stream, NESTED))
    assert items == [
        Document(path="e.jsonl#line=1&id=7", text="正文", title="标题", date=dt.date(2024, 5, 1)),
        Document(path="e.jsonl#line=1&id=7&field=title", text="标题", date=dt.date(2024, 5, 1)),
        Document(path="e.jsonl#line=3&id=a%26b", text="第二条"),
    ]


def test_jsonl_bad_lines_are_errors_for_that_record_only() -> None:
    stream = _jsonl("{oops", "[1, 2]", json.dumps({"id": 3, "body": "x"}), json.dumps({"id": 4, "text": "ok"}))
    items = list(jsonl.iter_documents("e.jsonl", stream, RecordFields()))
    assert items == [
        RecordError("e.jsonl#line=1", "not valid JSON: Expecting property name enclosed in double quotes (column 2)"),
        RecordError("e.jsonl#line=2", "a JSON list, not an object"),
        RecordError("e.jsonl#line=3&id=3", "text field 'text' is missing (choose it with --text-field)"),
        Document(path="e.jsonl#line=4&id=4", text="ok"),
    ]


def test_jsonl_timestamps_in_milliseconds_are_beijing_dates() -> None:
    stream = _jsonl(json.dumps({"text": "x", "date": 1704038400000}))  # 2023-12-31T16:00Z = 2024-01-01 Beijing
    (document,) = jsonl.iter_documents("e.jsonl", stream, RecordFields())
    assert document.date == dt.date(2024, 1, 1)


def test_csv_rows_are_named_by_their_first_physical_line() -> None:
    data = 'id,title,text\n1,标题,"第一行\n第二行"\n2,,正文 13912345678\n'.encode("gbk")
    items = list(csv_source.iter_documents("e.csv", io.BytesIO(data), RecordFields()))
    assert items == [
        Document(path="e.csv#line=2&id=1", text="第一行\n第二行", title="标题"),
        Document(path="e.csv#line=2&id=1&field=title", text="标题"),
        Document(path="e.csv#line=4&id=2", text="正文 13912345678"),
    ]


def test_csv_without_the_text_column_is_one_error() -> None:
    items = list(csv_source.iter_documents("e.csv", io.BytesIO(b"id,body\n1,x\n"), RecordFields()))
    assert items == [RecordError("e.csv", "no column 'text' in the header (choose it with --text-field)")]


def test_locator_escapes_separators_and_orders_keys() -> None:
    assert locate("a.jsonl", line=3, record_id="x#1=2%", field="title") == "a.jsonl#line=3&id=x%231%3D2%25&field=title"
    assert locate("a.html") == "a.html"
