"""Property tests: the redaction writers' own parsers agree with the parsers the scan uses, on random input."""

from __future__ import annotations

import csv
import json

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.errors import InputError
from govscan.sources import Document, html
from govscan.sources.csv import _rows
from govscan.sources.decode import lines_with_ends
from govscan.sources.html_redact import redact as redact_html
from govscan.sources.jsonl import _char_ranges, _string_spans

CSV_CHARS = st.text(alphabet='a1,"\r\n \t', max_size=40)


@settings(max_examples=400, deadline=None)
@given(CSV_CHARS)
def test_csv_rows_agree_with_csv_reader(text):
    try:
        expected = list(csv.reader(lines_with_ends(text)))
    except csv.Error:
        return  # the writer refuses such files (it compares with csv.reader first)
    rows = _rows(text, ",")
    assert [[cell.text for cell in row] for _, row in rows] == expected
    for _, row in rows:
        for cell in row:
            assert len(cell.ranges) == len(cell.text)


JSON_TEXT = st.text(alphabet=st.sampled_from('ab1"\\/\n\t\u2028中\U0001f600 '), max_size=8)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_TEXT, inner, max_size=3),
    max_leaves=8,
)


def _strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, str(index)))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(JSON_TEXT, JSON_VALUES, max_size=4), st.booleans(), st.sampled_from([None, 1]))
def test_json_string_spans_locate_every_string(record, ascii_only, indent):
    line = json.dumps(record, ensure_ascii=ascii_only, separators=(", ", ": ") if indent else (",", ":"))
    spans = _string_spans(line)
    for path, value in _strings(record):
        start, end = spans[path]
        ranges = _char_ranges(line, start, end)
        assert len(ranges) == len(value)
        assert [json.loads(f'"{line[a:b]}"') for a, b in ranges] == list(value)


HTML_PIECES = st.sampled_from(
    [
        *("<p>", "</p>", "<div hidden>", "</div>", "<br>", "</br>", "&amp;", "&nbsp;", "&#x31;", "&lt", "&notit;"),
        *("<!-- 1 -->", "\r\n", "\r", "<script>1<2</script>", "<style>p{}</style>", "<title>1</title>", "<?x 1?>"),
        *('<meta name="title" content="1&amp;1">', "</html>", "<b>", "1", "12", "a", " ", "<", ">", '"', "中"),
        *("<pre>", "</pre>", "<td>", "<table><tr>1<td>2</table>", "<textarea>1&lt;</textarea>", "<a href=1>"),
        *("<select><option>1</select>", "<template>1</template>", "<noscript>1</noscript>", "<P TITLE='1'>"),
    ]
)


def _digits_masked(document: Document) -> str:
    return "".join("*" if char.isdigit() else char for char in document.text)


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_PIECES, min_size=1, max_size=25))
def test_html_copy_changes_only_digits_and_hides_every_scanned_one(pieces):
    page = "<html><body>" + "".join(pieces)
    try:
        copy = redact_html("p.html", page.encode(), _digits_masked).decode()
    except InputError:
        return
    # Each digit (or reference to one) is kept or became one asterisk; every other character is the same.
    pattern = "".join(
        r"(?:&\#x31;|\*)" if token == "&#x31;" else rf"(?:{token}|\*)" if token.isdigit() else regex.escape(token)
        for token in regex.findall(r"&#x31;|.", page, flags=regex.DOTALL)
    )
    assert regex.fullmatch(pattern, copy, flags=regex.DOTALL)
    assert not any(char.isdigit() for document in html.read("p.html", copy.encode()) for char in document.text)
