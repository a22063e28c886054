"""DAT006 rate-mismatch: a rate its own counts contradict, with rounding tolerance."""

import pytest

from govscan.checks import Check, rate_mismatch
from govscan.engine import Scanner


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=[], detectors=[], checks=[Check(rule=rate_mismatch.RULE, run=rate_mismatch.check)])


def found(scanner, text):
    return [(f.code, f.matched_text, f.explanation) for f in scanner.scan_text(text)]


@pytest.mark.parametrize(
    ("text", "value", "explanation"),
    [
        ("29个网站中2个不合格，合格率为95%。", "95%", "29个中合格27个，合格率应为 27/29 = 93.1%，而不是 95%"),
        ("抽查网站29个，其中不合格2个，合格率93.1%。", None, None),
        ("抽查网站29个，其中合格27个，合格率为90%。", "90%", "29个中合格27个，合格率应为 27/29 = 93.1%，而不是 90%"),
        (
            "抽查29家企业，不合格的有2家，不合格率为10%。",
            "10%",
            "29家中不合格2家，不合格率应为 2/29 = 6.9%，而不是 10%",
        ),
        ("共受理40件，按期办结38件，办结率为95%。", None, None),
        (
            "共受理40件，按期办结38件，办结率为90.5%。",
            "90.5%",
            "40件中办结38件，办结率应为 38/40 = 95.0%，而不是 90.5%",
        ),
        ("29个网站中2个不合格，合格率为93%。", None, None),  # rounded to an integer
        ("29个网站中2个不合格，合格率为93.2%。", None, None),  # within one unit of the last digit
    ],
)
def test_judged(scanner, text, value, explanation):
    expected = [] if value is None else [("DAT006", value, explanation)]
    assert found(scanner, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "内蒙古、上海等16个地区和部门留言按期办结率达100%。",
        "抽查3个市的29个网站，其中2个不合格，合格率为95%。",  # three counts: ambiguous
        "29个网站中2个不合格，合格率为95%，较上年提高5%。",  # two percentages
        "29个网站中2家不合格，合格率为95%。",  # different measure words
        "29个网站中2个存在问题，合格率为95%。",  # the part is not counted as 合格/不合格
    ],
)
def test_quiet(scanner, text):
    assert found(scanner, text) == []
