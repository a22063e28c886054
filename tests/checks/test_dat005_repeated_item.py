"""DAT005 repeated-item: 、 lists, comma runs and numbered lists."""

import pytest

from govscan.checks import Check, repeated_item
from govscan.engine import Scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=repeated_item.RULE, run=repeated_item.check)])


def found(scanner, text):
    return [(f.code, f.span.start, f.span.end, f.matched_text, f.explanation) for f in scanner.scan_text(text)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("采用图解、动漫、新闻发布会、动漫、音频等形式开展解读。", 14, 16),
        ("采用图解、动漫、新闻发布会、音频、动漫等形式。", 17, 19),
        ("形式包括：图解，动漫，新闻发布会，动漫，音频。", 17, 19),
        ("（1）图解；（2）动漫；（3）动漫。", 15, 17),
        ("①图解②动漫③动漫", 7, 9),
        ("1.图解\n2.动漫\n3.动漫", 12, 14),
        ("（一）加强组织领导；\n（二）落实值班制度；\n（三）加强组织领导。", 25, 31),
    ],
)
def test_fires(scanner, text, start, end):
    value = text[start:end]
    assert found(scanner, text) == [("DAT005", start, end, value, f"“{value}”在同一列举中已经出现过")]


@pytest.mark.parametrize(
    "text",
    [
        "建立省、市、县、乡、村五级网络。",
        "第1、2、3、2条",
        "开展更大范围、更高水平、更加紧密的交流，共筑对话平台，增进开放互信。",
        "加强组织领导，加强组织领导",  # two clauses, not a list of three
        "一、总体要求\n正文。\n二、总体要求",
    ],
)
def test_quiet(scanner, text):
    assert found(scanner, text) == []
