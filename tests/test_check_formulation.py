"""LEX302 formulation: every data example, exact spans through the Scanner, dates, schema errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govscan.checks import all_checks
from govscan.checks.formulation import find
from govscan.engine import Scanner
from govscan.errors import LexiconError
from govscan.lexicon.formulations import load_formulations, packaged_formulations
from govscan.normalize import fold

DATA = packaged_formulations()
SECTIONS = [*DATA.enumerations, *DATA.patterns, *DATA.quoted]


def _label(entry) -> str:
    return getattr(entry, "name", None) or entry.term


def _hits(text: str, as_of: dt.date = DATA.examples_as_of):
    return find(DATA, fold(text).text, as_of)


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner(lexicons=(), detectors=(), checks=[c for c in all_checks() if c.rule.code == "LEX302"])


@pytest.mark.parametrize(
    "text", [t for e in SECTIONS for t in e.examples.fire], ids=[_label(e) for e in SECTIONS for _ in e.examples.fire]
)
def test_fire_examples_fire(text: str) -> None:
    assert _hits(text)


@pytest.mark.parametrize(
    "text", [t for e in SECTIONS for t in e.examples.ok], ids=[_label(e) for e in SECTIONS for _ in e.examples.ok]
)
def test_ok_examples_are_clean(text: str) -> None:
    assert _hits(text) == []


def test_every_entry_has_a_source() -> None:
    for entry in SECTIONS:
        assert entry.source.title and entry.source.issuer, _label(entry)


def test_wrong_order_span_message_and_suggestion(scanner: Scanner) -> None:
    text = "牢固树立“四个意识”，即政治意识、核心意识、大局意识、看齐意识。"
    [finding] = scanner.scan_text(text)
    assert (finding.code, finding.name, finding.severity.value) == ("LEX302", "formulation", "error")
    assert (finding.span.start, finding.span.end) == (12, 31)
    assert finding.matched_text == "政治意识、核心意识、大局意识、看齐意识"
    assert finding.message == "「四个意识」的顺序有误"
    assert finding.suggestion == "政治意识、大局意识、核心意识、看齐意识"


def test_wrong_member_names_the_member() -> None:
    [hit] = _hits(
        "“两个确立”：确立习近平总书记党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。"
    )
    assert hit.message == "「两个确立」的表述不完整或有误"
    assert "「确立习近平总书记党中央的核心、全党的核心地位」不属于「两个确立」" in hit.explanation


def test_missing_member_is_named() -> None:
    [hit] = _hits("坚定“四个自信”，即道路自信、理论自信、制度自信。")
    assert hit.explanation == "缺少「文化自信」"


def test_four_comprehensives_old_form_depends_on_the_date() -> None:
    text = "协调推进“四个全面”战略布局，即全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。"
    assert _hits(text, dt.date(2019, 6, 1)) == []
    [hit] = _hits(text, dt.date(2021, 1, 1))
    assert hit.message == "「四个全面」的表述已更新"
    assert hit.suggestion == "全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党"


def test_broken_theory_name_span(scanner: Scanner) -> None:
    [finding] = scanner.scan_text("深入学习贯彻习近平思想和习近平经济思想。")
    assert (finding.span.start, finding.span.end) == (6, 11)
    assert finding.suggestion == "习近平新时代中国特色社会主义思想"


def test_missing_quotes_is_a_warning_and_not_doubled_by_the_strategy_error(scanner: Scanner) -> None:
    [warning] = scanner.scan_text("服务一带一路建设。")
    assert (warning.severity.value, warning.span.start, warning.span.end) == ("warning", 2, 6)
    assert warning.suggestion == "“一带一路”"
    [error] = scanner.scan_text("服务一带一路战略。")
    assert (error.severity.value, error.matched_text, error.suggestion) == ("error", "一带一路战略", "“一带一路”倡议")


def test_congress_counter_suggestion() -> None:
    [hit] = _hits("党的十九届全国代表大会报告指出。")
    assert hit.suggestion == "十九次全国代表大会"


def test_traditional_text_spans_into_the_original(scanner: Scanner) -> None:
    text = "深入學習貫徹習近平思想。"
    [finding] = scanner.scan_text(text)
    assert finding.matched_text == "習近平思想"
    assert (finding.span.start, finding.span.end) == (6, 11)


def test_schema_error_names_file_line_and_field(tmp_path: Path) -> None:
    source = (Path(__file__).parents[1] / "lexicons" / "formulations.yaml").read_text(encoding="utf-8")
    broken = source.replace("    label: 四个自信\n", "    label: 四个自信\n    colour: red\n", 1)
    path = tmp_path / "formulations.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_formulations(path)
    line = broken.splitlines().index("    colour: red") + 1
    assert (caught.value.line, caught.value.field) == (line, "enumerations.1.colour")


def test_member_must_match_its_item_regex(tmp_path: Path) -> None:
    source = (Path(__file__).parents[1] / "lexicons" / "formulations.yaml").read_text(encoding="utf-8")
    path = tmp_path / "formulations.yaml"
    path.write_text(source.replace("[道路自信, 理论自信", "[道路自信心, 理论自信", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match="does not match the item regex"):
        load_formulations(path)
