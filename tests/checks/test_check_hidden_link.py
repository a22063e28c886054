"""HTM001 hidden-link: fires where an HTML page hides an off-site anchor, at the right original position."""

from __future__ import annotations

import pytest

from govscan.engine import Scanner
from govscan.filters import RuleSelection
from govscan.sources import html
from govscan.sources.document import Document, HiddenLink


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(selection=RuleSelection.of(["HTM"]))


def test_fires_on_a_hidden_off_site_link_with_host_and_reason(scanner: Scanner) -> None:
    page = '<p>正文</p><div style="display:none"><a href="http://casino.example.com/x">博彩</a></div><p>下一段</p>'
    (document,) = html.read("p.html", page.encode())
    (finding,) = scanner.scan_document(document)
    assert (finding.code, finding.name, finding.severity.value) == ("HTM001", "hidden-link", "error")
    assert finding.message == "隐藏链接「博彩」指向外部网站 casino.example.com（display:none）"
    assert (finding.line, finding.column, finding.span.start, finding.span.end) == (2, 1, 3, 3)


def test_offset_maps_back_through_folding(scanner: Scanner) -> None:
    # Zero-width spaces vanish in the folded text; the finding must still point into the original.
    text = "电\u200b话\u200b\n后文"
    link = HiddenLink(offset=5, href="https://spam.example.net/", text="", reason="font-size:0")
    (finding,) = scanner.scan_document(Document(path="p.html", text=text, hidden_links=(link,)))
    assert (finding.span.start, finding.line, finding.column) == (5, 2, 1)
    assert finding.message == "隐藏链接指向外部网站 spam.example.net（font-size:0）"


def test_visible_and_relative_links_do_not_fire(scanner: Scanner) -> None:
    page = '<p><a href="http://other.example.com/">外站</a><a style="display:none" href="/local">本站</a></p>'
    (document,) = html.read("p.html", page.encode())
    assert scanner.scan_document(document) == []


def test_ignoring_the_family_turns_it_off() -> None:
    link = HiddenLink(offset=0, href="https://spam.example.net/", text="x", reason="display:none")
    quiet = Scanner(selection=RuleSelection.of(["HTM"], ["HTM001"]))
    assert quiet.scan_document(Document(path="p.html", text="正文", hidden_links=(link,))) == []
