from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from pydantic import ValidationError

import govscan
from govscan import Scanner
from govscan.errors import GovscanError

TEXT = "区攻府通知：\n对违法行为依法子以处罚。联系电话13912345678，截止目前已办结。"


def test_findings_are_sorted_with_spans_lines_and_columns(scanner: Scanner) -> None:
    found = [(f.code, f.span.start, f.span.end, f.line, f.column, f.matched_text) for f in scanner.scan_text(TEXT)]
    assert found == [
        ("LEX401", 1, 3, 1, 2, "攻府"),
        ("LEX401", 14, 16, 2, 8, "子以"),
        ("PII002", 23, 34, 2, 17, "13912345678"),
        ("LEX401", 35, 39, 2, 29, "截止目前"),
    ]


def test_lexicon_finding_carries_suggestion_source_and_explanation(scanner: Scanner) -> None:
    finding = scanner.scan_text("依法子以公开")[0]
    assert finding.suggestion == "予以"
    assert finding.message == "错别字：「子以」应为「予以」"
    assert finding.source is not None and finding.source.issuer.startswith("中国社会科学院")
    assert finding.explanation == "词表 LEX401 条目「子以」，分词边界吻合"


@pytest.mark.parametrize(
    ("text", "fires"),
    [("依法子以公开", True), ("孔子以仁为本", False), ("君子以厚德载物", False), ("对违法行为子以处罚", True)],
)
def test_word_boundaries_decide_short_terms(scanner: Scanner, text: str, fires: bool) -> None:
    assert any(f.matched_text == "子以" for f in scanner.scan_text(text)) is fires


def test_excerpt_masks_every_personal_value_on_the_line(scanner: Scanner) -> None:
    finding = next(f for f in scanner.scan_text("电话13912345678，依法子以公开，手机15012345678") if f.code == "LEX401")
    assert finding.excerpt == "电话139****5678，依法子以公开，手机150****5678"


def test_excerpt_is_cut_around_long_lines(scanner: Scanner) -> None:
    (finding,) = scanner.scan_text("说明。" * 30 + "依法子以公开" + "。说明" * 30)
    assert finding.excerpt.startswith("…") and finding.excerpt.endswith("…")
    assert finding.excerpt[finding.excerpt_span.start : finding.excerpt_span.end] == "子以"


def test_findings_are_frozen(scanner: Scanner) -> None:
    finding = scanner.scan_text("电话13912345678")[0]
    with pytest.raises(ValidationError):
        finding.code = "X"  # type: ignore[misc]


def test_matched_text_is_private(scanner: Scanner) -> None:
    finding = scanner.scan_text("电话13912345678")[0]
    assert finding.matched_text == "13912345678"
    assert "matched_text" not in finding.model_dump()
    assert "13912345678" not in finding.model_dump_json()


def test_top_level_scan_text_matches_a_fresh_scanner(scanner: Scanner) -> None:
    assert govscan.scan_text(TEXT) == scanner.scan_text(TEXT)


def test_scanner_is_deterministic_and_thread_safe(scanner: Scanner) -> None:
    texts = [TEXT * (i % 3 + 1) for i in range(24)]
    expected = [scanner.scan_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(scanner.scan_text, texts)) == expected


def test_empty_text_has_no_findings(scanner: Scanner) -> None:
    assert scanner.scan_text("") == []


def test_as_of_is_accepted(scanner: Scanner) -> None:
    assert scanner.scan_text("依法子以公开", as_of=dt.date(2016, 1, 1))[0].code == "LEX401"


def test_public_errors_share_a_base() -> None:
    assert issubclass(govscan.LexiconError, GovscanError)
    assert issubclass(govscan.InputError, GovscanError)
