"""HTML text after ``</body>`` or ``</html>``: lxml moves or drops it, browsers show it, so check scans it
(at its place in the page's text, once) and redact masks it as text; comments there stay unscanned."""

from __future__ import annotations

import datetime as dt

import pytest
import regex
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from govscan.cli import cli
from govscan.detectors._checksums import resident_id_check_char
from govscan.engine import Scanner
from govscan.filters import RuleSelection
from govscan.redact import redact_text
from govscan.sources import Document, html
from govscan.sources.document import HiddenLink
from govscan.sources.html import _end_tags_as_comments, _past_end_tags
from govscan.sources.html_redact import redact

ID = "11010519491231002" + resident_id_check_char("11010519491231002")
AS_OF = dt.date(2024, 6, 30)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(selection=RuleSelection.of(("PII", "HTM"), ()))


def findings(scanner: Scanner, page: str) -> list[tuple[str, int, int, int, int, int]]:
    """``(code, start, end, line, column, end_column)`` of each finding in the page's text."""
    document = html.read("p.html", page.encode())[0]
    return [
        (f.code, f.span.start, f.span.end, f.line, f.column, f.end_column)
        for f in scanner.scan_document(document, as_of=AS_OF)
    ]


def test_text_after_the_html_end_tag_is_scanned_on_its_own_line(scanner) -> None:
    page = "<html><body><p>通知</p></body></html><p>联系电话13912345678</p>"
    assert html.parse("p.html", page).text == "通知\n联系电话13912345678\n"
    assert findings(scanner, page) == [("PII002", 7, 18, 2, 5, 16)]


def test_text_after_the_body_end_tag_is_scanned_on_its_own_line(scanner) -> None:
    page = f"<html><body><p>通知</p></body><p>身份证号{ID}</p></html>"
    assert html.parse("p.html", page).text == f"通知\n身份证号{ID}\n"
    assert findings(scanner, page) == [("PII001", 7, 25, 2, 5, 23)]


def test_text_inside_after_body_and_after_html_is_read_once_in_document_order(scanner) -> None:
    page = (
        "<html><body>\n<p>电话13912345678</p>\n</body>\n尾部 <b>身份证号" + ID + "</b>\n</html>\n"
        "<div>联系电话13812345678</div>末尾\n"
    )
    assert html.parse("p.html", page).text == f"电话13912345678\n尾部 身份证号{ID}\n联系电话13812345678\n末尾\n"
    assert findings(scanner, page) == [
        ("PII002", 2, 13, 1, 3, 14),
        ("PII001", 21, 39, 2, 8, 26),
        ("PII002", 44, 55, 3, 5, 16),
    ]


def test_end_tags_inside_attributes_comments_and_scripts_do_not_end_the_page(scanner) -> None:
    page = (
        '<html><body><p title="</html>">甲</p><!-- </html> --><script>"</html>"</script><p>乙</p>'
        "</body></HTML ><p>电话13912345678</p></html><p>丙</p>"
    )
    assert html.parse("p.html", page).text == "甲\n乙\n电话13912345678\n丙\n"
    assert findings(scanner, page) == [("PII002", 6, 17, 3, 3, 14)]


def test_a_comment_after_the_html_end_tag_is_not_scanned_but_is_masked(scanner) -> None:
    page = "<html><body><p>通知</p></body></html><!-- 联系电话13912345678 -->\n"
    assert html.parse("p.html", page).text == "通知\n"
    assert findings(scanner, page) == []
    masked = redact("p.html", page.encode(), _masker(scanner))
    assert masked == page.replace("13912345678", "139****5678").encode()


def test_hidden_links_after_the_html_end_tag_are_found_where_they_sit(scanner) -> None:
    page = (
        '<html><body><p>通知</p></body></html><div style="display:none">'
        '<a href="https://spam.example.net/">博彩</a></div><p>尾</p>'
    )
    [document] = html.read("p.html", page.encode())
    assert document.hidden_links == (
        HiddenLink(offset=3, href="https://spam.example.net/", text="博彩", reason="display:none"),
    )
    assert findings(scanner, page) == [("HTM001", 3, 3, 2, 1, 1)]


def test_a_normal_page_reads_as_before(scanner) -> None:
    page = (
        '<html><head><title>标题</title><meta name="PubDate" content="2024-01-02"></head>'
        "<body><p>电话13912345678</p></body></html>\r\n"
    )
    parsed = html.parse("p.html", page)
    assert (parsed.text, parsed.title, parsed.date, parsed.hidden_links) == (
        "电话13912345678\n",
        "标题",
        dt.date(2024, 1, 2),
        (),
    )
    assert findings(scanner, page) == [("PII002", 2, 13, 1, 3, 14)]


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>通知</p></body><p>联系电话13912345678</p></html>",
        "<html><body><p>通知</p></body></html>\n<p>联系电话13912345678</p>\n",
        "<p>通知</html>联系电话13912345678",
    ],
    ids=["after-body", "after-html", "in-an-open-paragraph"],
)
def test_redact_masks_the_trailing_text_check_reports(scanner, page) -> None:
    masked = redact("p.html", page.encode(), _masker(scanner))
    assert masked == page.replace("13912345678", "139****5678").encode()


def test_check_reports_trailing_text_at_its_line_and_column(tmp_path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<html><body>\n<p>通知</p>\n<p>正文</p></body></html>\n<p>联系电话13912345678</p>\n")
    result = CliRunner().invoke(cli, ["check", "--select", "PII", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{path}:3:5 PII002 error 手机号码属于个人信息")


def _masker(scanner: Scanner):
    def mask(document: Document) -> str:
        return redact_text(document.text, scanner.scan_text(document.text, as_of=AS_OF))

    return mask


PIECES = st.sampled_from(
    [
        *("</html>", "</HTML >", "</html\n>", "</html/>", "</htmlx>", "</body>", "<html>", "<p>", "</p>", "a", "1"),
        *(" ", "\n", "\r\n", "\t", "<!-- </html> -->", "<!--", "-->", "<script>", "</script>", '<p title="</html>">'),
        *("<textarea>", "</textarea>", "<title>", "</title>", "<", ">", '"', "'", "中"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=20))
def test_the_quick_look_for_end_tags_agrees_with_tokenizing(pieces) -> None:
    """Left as it is, a page may differ from the tokenized rewrite only in one last end tag with nothing after."""
    text = "".join(pieces)
    quick, tokenized = _past_end_tags(text), _end_tags_as_comments(text)
    if quick != tokenized:
        assert quick is text
        last = regex.search(r"<!-- *-->[\t\n\f\r ]*\Z", tokenized)
        assert last is not None
        assert tokenized[: last.start()] == text[: last.start()]


def test_a_page_ending_with_its_end_tag_is_not_tokenized() -> None:
    page = "<html><body><p>正文</p></body></HTML>\r\n"
    assert _past_end_tags(page) is page
