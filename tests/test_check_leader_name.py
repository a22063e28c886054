"""LEX303 leader-name: data examples, derived near-misses, dates, and ordinary names that must not fire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govscan.checks import all_checks
from govscan.checks.leader_name import find
from govscan.engine import Scanner
from govscan.errors import LexiconError
from govscan.lexicon.leaders import load_leaders, packaged_leaders
from govscan.normalize import fold

DATA = packaged_leaders()


def _hits(text: str, as_of: dt.date = DATA.examples_as_of):
    return find(DATA, fold(text).text, as_of)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=(), detectors=(), checks=[c for c in all_checks() if c.rule.code == "LEX303"])


@pytest.mark.parametrize(
    "text",
    [t for x in DATA.leaders for t in x.examples.fire],
    ids=[x.name for x in DATA.leaders for _ in x.examples.fire],
)
def test_fire_examples_fire(text: str) -> None:
    assert _hits(text)


@pytest.mark.parametrize(
    "text", [t for x in DATA.leaders for t in x.examples.ok], ids=[x.name for x in DATA.leaders for _ in x.examples.ok]
)
def test_ok_examples_are_clean(text: str) -> None:
    assert _hits(text) == []


def test_every_post_has_a_source() -> None:
    for leader in DATA.leaders:
        for post in leader.posts:
            assert post.source.title and post.source.issuer, leader.name


def test_near_miss_span_message_and_suggestion(scanner: Scanner) -> None:
    [finding] = scanner.scan_text("会上，习进平总书记发表重要讲话。", as_of=dt.date(2025, 5, 1))
    assert (finding.code, finding.name, finding.severity.value) == ("LEX303", "leader-name", "error")
    assert (finding.span.start, finding.span.end) == (3, 6)
    assert finding.suggestion == "习近平"
    assert finding.message == "领导人姓名疑似写错：「习进平」应为「习近平」"
    assert finding.explanation == "「进」与「近」同音，且紧邻职务「总书记」"


def test_shape_confusion_from_the_method_table() -> None:
    [hit] = _hits("全国政协主席王泸宁出席。")
    assert hit.explanation == "「泸」与「沪」形近，且紧邻职务「全国政协主席」"


def test_wrong_title_span_covers_name_and_title(scanner: Scanner) -> None:
    [finding] = scanner.scan_text("李强副总理出席。", as_of=dt.date(2024, 1, 1))
    assert (finding.span.start, finding.span.end, finding.matched_text) == (0, 5, "李强副总理")
    assert finding.message == "李强在 2024-01-01 不任「副总理」"


def test_titles_follow_the_document_date() -> None:
    assert _hits("李克强总理主持召开国务院常务会议。", dt.date(2020, 6, 1)) == []
    assert [h.message for h in _hits("李克强总理主持召开国务院常务会议。", dt.date(2024, 6, 1))] == [
        "李克强在 2024-06-01 不任「总理」"
    ]
    assert _hits("李强总理主持召开国务院常务会议。", dt.date(2023, 3, 11)) == []
    assert _hits("国家副主席王岐山出席。", dt.date(2022, 1, 1)) == []


def test_near_miss_needs_a_title_the_leader_holds_on_that_date() -> None:
    assert _hits("李墙总理出席。", dt.date(2024, 1, 1))
    assert _hits("李墙总理出席。", dt.date(2020, 1, 1)) == []  # 李强 was not premier yet


@pytest.mark.parametrize(
    "text",
    [
        # Near-misses of leaders' names away from any title.
        "习进平是本村村民。",
        "王户宁、丁学祥、赵乐济参加培训。",
        # Common surnames and given names with ordinary or generic titles.
        "李明同志任科长，张伟同志任副科长，王芳同志任主任科员。",
        "市政协副主席韩峥、县总工会主席李墙出席。",
        "蔡琦同志、李熙同志、韩政同志、李蔷同志获评先进个人。",
        "工会主席李强、学生会主席李希主持。",
        "王海宁同志、赵东明同志、丁雪梅同志参加会议。",
        "中华全国总工会副主席（兼职）",
        "各成员单位有关司局负责同志担任联络员。",
        # Exact names not next to a title, and titles next to other words.
        "李强调研了三个村。",
        "总书记指出，要坚持以人民为中心。",
        "新加坡总理李显龙、越共中央总书记苏林会见。",
    ],
)
def test_ordinary_names_and_leader_names_away_from_titles_do_not_fire(text: str) -> None:
    assert _hits(text, dt.date(2025, 1, 1)) == []


def test_traditional_text_spans_into_the_original(scanner: Scanner) -> None:
    text = "國務院副總理李強出席會議。"
    [finding] = scanner.scan_text(text, as_of=dt.date(2024, 1, 1))
    assert (finding.span.start, finding.span.end, finding.matched_text) == (0, 8, "國務院副總理李強")


def test_post_titles_must_be_known_titles(tmp_path: Path) -> None:
    source = (Path(__file__).parents[1] / "lexicons" / "leaders.yaml").read_text(encoding="utf-8")
    path = tmp_path / "leaders.yaml"
    path.write_text(source.replace("titles: [中央纪委书记]", "titles: [纪委书记]", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="not in the titles list"):
        load_leaders(path)
