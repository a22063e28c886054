"""HTML: visible text with block line breaks, title and date metadata, hidden links, suppression comments."""

from __future__ import annotations

import datetime as dt

import pytest

from govscan.errors import InputError
from govscan.sources import html
from govscan.sources.document import HiddenLink

PAGE = """<html><head><meta charset="utf-8"><title>页面标题</title>
<meta name="ArticleTitle" content="关于做好工作的通知">
<meta property="article:published_time" content="2023-05-06T08:00:00+08:00">
<style>.hd { display: none } p { color: red }</style>
<script>var phone = "13912345678";</script></head>
<body><div><a href="/">首页</a> <a href="/news">新闻</a></div>
<h1>关于做好工作的通知</h1>
<p>各单位：<br>截止目前，<b>全市</b>
已完成任务。</p>
<!-- 这是注释 13912345678 -->
<table><tr><td>姓名</td><td>电话</td></tr><tr><td>张三</td><td>13812345678</td></tr></table>
<div class="hd"><a href="http://casino.example.com/">博彩</a></div>
<p style="position:absolute; left:-9999px"><a href="https://spam.example.net/x">代开发票</a></p>
<span style="display:none"><a href="/internal">内部链接</a></span>
<pre>第一行
  第二行</pre>
</body></html>"""


@pytest.fixture(scope="module")
def page() -> html.Page:
    return html.parse("page.html", PAGE)


def test_visible_text_has_one_line_per_block_and_tabs_between_cells(page: html.Page) -> None:
    assert page.text == (
        "首页 新闻\n关于做好工作的通知\n各单位：\n截止目前，全市 已完成任务。\n"
        "姓名\t电话\n张三\t13812345678\n第一行\n第二行\n"
    )


def test_title_and_date_come_from_metadata(page: html.Page) -> None:
    assert page.title == "关于做好工作的通知"
    assert page.date == dt.date(2023, 5, 6)


def test_hidden_off_site_links_are_collected_with_why_and_where(page: html.Page) -> None:
    offset = page.text.index("第一行")
    assert page.hidden_links == (
        HiddenLink(offset=offset, href="http://casino.example.com/", text="博彩", reason="display:none"),
        HiddenLink(offset=offset, href="https://spam.example.net/x", text="代开发票", reason="off-screen"),
    )


def test_links_to_the_page_own_host_are_not_hidden_links() -> None:
    page = html.parse(
        "p.html",
        '<html><head><meta property="og:url" content="https://www.example.gov.cn/a.html"></head><body>'
        '<a style="font-size:0" href="https://www.example.gov.cn/b.html">本站</a>'
        '<a style="font-size:0" href="https://other.example.org/">外站</a></body></html>',
    )
    assert [link.href for link in page.hidden_links] == ["https://other.example.org/"]
    assert page.hidden_links[0].reason == "font-size:0"


def test_publication_date_falls_back_to_a_published_line_in_the_page() -> None:
    page = html.parse("p.html", "<html><body><p>正文</p><div>发布时间：2021年12月3日 10:00</div></body></html>")
    assert page.date == dt.date(2021, 12, 3)
    assert page.title is None


def test_suppression_comment_is_kept_at_the_end_of_its_line() -> None:
    page = html.parse("p.html", "<p>电话 13912345678<!-- govscan: ignore[PII002] --> 转 8</p><p>下一段</p>")
    assert page.text == "电话 13912345678 转 8  govscan: ignore[PII002]\n下一段\n"


def test_suppression_comment_between_blocks_attaches_to_the_next_line() -> None:
    page = html.parse("p.html", "<p>上一段</p><!-- govscan: ignore --><p>电话 13912345678</p>")
    assert page.text == "上一段\n电话 13912345678  govscan: ignore\n"


def test_read_declares_gbk_and_adds_the_title_field_when_the_body_lacks_it() -> None:
    data = '<html><head><meta charset="gbk"><title>表彰决定</title></head><body><p>正文内容</p></body></html>'
    documents = html.read("p.html", data.encode("gbk"))
    assert [(d.path, d.text) for d in documents] == [("p.html", "正文内容\n"), ("p.html#field=title", "表彰决定")]


def test_empty_page_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty HTML page"):
        html.parse("p.html", "   ")


def test_an_element_without_style_is_not_hidden_by_style() -> None:
    # The walker skips _hiding_reason for elements without a style attribute; this is what that assumes.
    assert html._hiding_reason("") is None
    assert html._hiding_reason("display: none") == "display:none"
