"""HTML attribute values (tooltips, alt text, description metadata, mail and phone links, form values): check reads
them as ``#field=attributes`` at the file's line:column, redact masks them in place, and the two agree."""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import pytest
import regex
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govscan.cli import cli
from govscan.detectors._checksums import luhn_check_digit, resident_id_check_char
from govscan.engine import Scanner
from govscan.errors import InputError
from govscan.filters import RuleSelection
from govscan.sources import Document, html
from govscan.sources.document import Place, relocate
from govscan.sources.html_redact import redact
from govscan.sources.html_tokens import tokenize

ID = "11010519491231002" + resident_id_check_char("11010519491231002")
CARD = "622202123456789012" + luhn_check_digit("622202123456789012")
AS_OF = dt.date(2024, 6, 30)
ATTRIBUTES = "p.html#field=attributes"


@pytest.fixture(scope="module")
def pii_and_lexicon() -> Scanner:
    return Scanner(selection=RuleSelection.of(("PII", "LEX"), ()))


def attribute_findings(scanner: Scanner, page: str) -> list[tuple[str, str, int, int, int, int]]:
    """``(code, value, line, column, end_line, end_column)`` of the findings in the page's attributes, in the file."""
    found = []
    for document in html.read("p.html", page.encode()):
        if document.path == ATTRIBUTES:
            for f in relocate(document, scanner.scan_document(document, as_of=AS_OF)):
                found.append((f.code, f.matched_text, f.line, f.column, f.end_line, f.end_column))
    return found


def attributes_of(page: str) -> Document | None:
    return next((d for d in html.read("p.html", page.encode()) if d.path == ATTRIBUTES), None)


# --- what check reads ---------------------------------------------------------------------------------------

PAGE = (
    f'<html><head><meta name="keywords" content="公示,身份证{ID}"><link title="13512345678"></head><body>\n'
    f'<img alt="&#49;3912345678" title=\'卡号{CARD}\' data-title="13812345678">\n'
    '<input type="text" placeholder=请输入手机号13712345678 value="国家卫生计生委">'
    '<a title="国家卫生计生委" href="tel:136-1234-5678">电话</a>\n'
    '<a href="mailto:zhang%31234@163.com?subject=13512345678&amp;body=%31">邮件</a>\n'
    "</body></html>"
)


def test_attribute_values_are_one_text_whose_findings_point_at_the_file(pii_and_lexicon) -> None:
    document = attributes_of(PAGE)
    assert document.text == (
        f"公示,身份证{ID}\n\n13912345678\n\n卡号{CARD}\n\n请输入手机号13712345678\n\n国家卫生计生委\n\n"
        "国家卫生计生委\n\n136-1234-5678\n\nzhang1234@163.com\n\n"
    )
    assert attribute_findings(pii_and_lexicon, PAGE) == [
        ("PII001", ID, 1, 50, 1, 68),
        ("PII002", "13912345678", 2, 11, 2, 26),  # written &#49;3912345678: the end is past the reference
        ("PII004", CARD, 2, 37, 2, 56),
        ("PII002", "13712345678", 3, 38, 3, 49),  # unquoted placeholder
        ("LEX101", "国家卫生计生委", 3, 76, 3, 83),  # a tooltip is text a visitor reads; a form value is not
        ("PII002", "136-1234-5678", 3, 95, 3, 108),
        ("PII005", "zhang1234@163.com", 4, 17, 4, 36),  # %31 decoded; the ?subject= part is not read
    ]


def test_a_page_without_scanned_attributes_reads_as_before() -> None:
    page = '<html><head><title>通知</title></head><body><p class="a" id="b">联系电话13912345678</p></body></html>'
    documents = html.read("p.html", page.encode())
    assert [(d.path, d.text, d.places) for d in documents] == [
        ("p.html", "联系电话13912345678\n", ()),
        ("p.html#field=title", "通知", ()),
    ]


def test_a_value_split_across_lines_keeps_each_line_s_columns(pii_and_lexicon) -> None:
    page = "<html><body>\n<img\n  src=a.png\n  alt='联系人\r\n 电话13912345678'\n>\n</body></html>"
    assert attributes_of(page).text == "联系人\n 电话13912345678\n\n"
    assert attribute_findings(pii_and_lexicon, page) == [("PII002", "13912345678", 5, 4, 5, 15)]


def test_values_in_a_comment_or_script_are_not_attributes(pii_and_lexicon) -> None:
    page = (
        '<html><body><!-- <img alt="13912345678"> --><script>s = \'<img alt="13912345678">\';</script>\n'
        '<p><img alt="13912345678"></p><!-- <a title="13812345678"> --></body></html>'
    )
    assert attributes_of(page).text == "13912345678\n\n"
    assert attribute_findings(pii_and_lexicon, page) == [("PII002", "13912345678", 2, 14, 2, 25)]


def test_attributes_of_hidden_elements_and_select_options_are_read(pii_and_lexicon) -> None:
    page = (
        '<html><body><div style="display:none"><img alt="13912345678"></div>\n'
        '<select><option value="13812345678">张三</option></select></body></html>'
    )
    assert attribute_findings(pii_and_lexicon, page) == [
        ("PII002", "13912345678", 1, 49, 1, 60),
        ("PII002", "13812345678", 2, 24, 2, 35),
    ]


def test_an_ignore_comment_on_the_value_s_line_silences_it(tmp_path) -> None:
    page = '<html><body><img alt="13912345678"><!-- govscan: ignore[PII002] -->\n<img alt="13812345678"></body></html>'
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "jsonl", "--as-of", "2024-06-30", str(tmp_path / "p.html")])
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [(r["path"].rsplit("/", 1)[-1], r["code"], r["line"], r["column"], r["end_column"]) for r in records] == [
        ("p.html#field=attributes", "PII002", 2, 11, 22)
    ]


def test_a_link_target_not_valid_as_percent_encoded_utf8_is_read_as_written() -> None:
    page = '<html><body><a href="mailto:%D5%C5san@163.com">邮件</a><a href="https://a.cn/?t=1">x</a></body></html>'
    assert attributes_of(page).text == "%D5%C5san@163.com\n\n"


def test_relocate_drops_prose_rules_in_link_targets_and_keeps_spans(pii_and_lexicon) -> None:
    document = Document(path=ATTRIBUTES, text="国家卫生计生委\n\n", places=(Place(0, 7, 3, True),))
    assert [f.code for f in pii_and_lexicon.scan_document(document)] == ["LEX101"]
    assert relocate(document, pii_and_lexicon.scan_document(document)) == []
    placed = document.model_copy(update={"places": (Place(0, 7, 3, False),)})
    (finding,) = relocate(placed, pii_and_lexicon.scan_document(placed))
    assert (finding.span.start, finding.line, finding.column, finding.end_column) == (0, 7, 3, 10)
    assert finding.matched_text == "国家卫生计生委"


# --- what redact masks, and that check then finds nothing -----------------------------------------------------

QUOTES = (
    "<html><body>\n<img alt=\"电话13912345678\" title='13812345678' data-x=1 placeholder=13712345678>\n"
    '<input value="&#49;3612345678"><a href="MAILTO:zhang1234@163.com?subject=%E5%92%A8">邮件</a>\n'
    '<div hidden><span title="13512345678">x</span></div><!-- <img alt="13412345678"> -->\n</body></html>'
)
QUOTES_MASKED = (
    "<html><body>\n<img alt=\"电话139****5678\" title='138****5678' data-x=1 placeholder=137****5678>\n"
    '<input value="&#49;36****5678"><a href="MAILTO:z********@163.com?subject=%E5%92%A8">邮件</a>\n'
    '<div hidden><span title="135****5678">x</span></div><!-- <img alt="134****5678"> -->\n</body></html>'
)


def test_redact_masks_quoted_unquoted_referenced_hidden_and_link_values_in_place(masker) -> None:
    assert redact("p.html", QUOTES.encode(), masker).decode() == QUOTES_MASKED


def test_redact_writes_a_mask_over_the_whole_reference_or_percent_escape(masker) -> None:
    page = '<html><body><img alt="139&#49;&#x32;34&#53;678"><a href="tel:139%31%3234%35678">电话</a></body></html>'
    assert redact("p.html", page.encode(), masker).decode() == (
        '<html><body><img alt="139****&#53;678"><a href="tel:139****%35678">电话</a></body></html>'
    )


def test_what_check_reports_in_attributes_redact_masks_and_a_recheck_finds_none(pii_and_lexicon, masker) -> None:
    for page in (PAGE, QUOTES):
        personal = [f for f in attribute_findings(pii_and_lexicon, page) if f[0].startswith("PII")]
        assert len(personal) >= 5
        copy = redact("p.html", page.encode(), masker).decode()
        assert [f for f in attribute_findings(pii_and_lexicon, copy) if f[0].startswith("PII")] == []
        for _, value, *_ in personal:
            assert value not in copy


def test_a_personal_value_redact_cannot_find_in_the_bytes_is_refused(pii_and_lexicon, masker) -> None:
    page = '<html><body>\n<div hidden><style title="13912345678">p {}</style></div><p>x</p></body></html>'
    # the attributes of a <style> start tag are not looked for (its contents are code): placed at its line only
    assert attribute_findings(pii_and_lexicon, page) == [("PII002", "13912345678", 2, 1, 2, 12)]
    with pytest.raises(InputError, match="cannot find the attribute value '13912345678'"):
        redact("p.html", page.encode(), masker)


def test_check_then_redact_then_check_through_the_command_line(tmp_path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_text(QUOTES, encoding="utf-8")
    runner = CliRunner()

    def attribute_records(path) -> list[tuple[str, int, int]]:
        result = runner.invoke(cli, ["check", "--format", "jsonl", "--select", "PII", "--as-of", "2024-06-30", path])
        records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
        return [(r["code"], r["line"], r["column"]) for r in records if r["path"].endswith("#field=attributes")]

    assert attribute_records(str(tmp_path / "in" / "p.html")) == [
        ("PII002", 2, 13),
        ("PII002", 2, 33),
        ("PII002", 2, 67),
        ("PII002", 3, 15),
        ("PII005", 3, 48),
        ("PII002", 4, 26),
    ]
    result = runner.invoke(
        cli, ["redact", "--out", str(tmp_path / "out"), "--as-of", "2024-06-30", str(tmp_path / "in")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "p.html").read_text(encoding="utf-8") == QUOTES_MASKED
    assert attribute_records(str(tmp_path / "out" / "p.html")) == []


# --- property: the line:column of every character agrees with the tokenizer's slices --------------------------

VALUE_CHARS = st.text(alphabet=st.sampled_from("1389&#;x3\r\n \t%E5张@'\""), min_size=1, max_size=14)


@settings(max_examples=300, deadline=None)
@given(VALUE_CHARS, VALUE_CHARS, st.sampled_from(['"', "'", ""]))
def test_each_character_is_placed_where_the_tokenizer_says_it_was_written(alt, title, quote):
    """The anchors (one per plain value, more after references and line breaks) give every character of the
    gathered text, and the end of each value, the line:column of the file slice the page's tokenizer says wrote it."""
    if quote:
        alt, title = alt.replace(quote, ""), title.replace(quote, "")
    else:
        alt, title = (regex.sub(r"[\s>\"']", "", v) for v in (alt, title))
        assume(alt and title)  # an empty unquoted value would take the next line's text as its value
    page = f"<html><body>\n<p>x</p><img alt={quote}{alt}{quote}\n title={quote}{title}{quote}>\n</body>"
    document = attributes_of(page)
    written = tokenize(page).tags[-1].attributes
    parsed = lxml.html.document_fromstring(page).find(".//img")
    assume(all(written[name].text == parsed.get(name) for name in ("alt", "title")))  # see the refusal test
    expected = ""
    wanted: list[tuple[int, int]] = []
    for name in ("alt", "title"):
        run = written[name]
        if run.text.strip():
            expected += run.text + "\n\n"
            # each character, then the value's end (where a finding ending with the value ends), then the blank line
            wanted += [_position_in(page, start) for start, _ in run.ranges]
            wanted += [_position_in(page, run.ranges[-1][1]), (0, 0)]
    if not expected:
        assert document is None
        return
    assert document.text == expected
    placed = _positions_by_places(document)
    assert [p for p, w in zip(placed, wanted, strict=True) if w != (0, 0)] == [w for w in wanted if w != (0, 0)]


def _positions_by_places(document: Document) -> list[tuple[int, int]]:
    """The file line:column of each character of the gathered text, as ``relocate`` computes it."""
    places = document.file_places()
    positions = []
    for offset in range(len(document.text)):
        place = max((p for p in places if p.offset <= offset), key=lambda p: p.offset)
        positions.append((place.line, place.column + offset - place.offset))
    return positions


def _position_in(source: str, offset: int) -> tuple[int, int]:
    return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1
