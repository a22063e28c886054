"""Inline suppressions and baseline fingerprints (filters.py)."""

from __future__ import annotations

import pytest

from govscan.engine import Scanner
from govscan.filters import apply_suppressions, fingerprint, suppressions


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return Scanner()


def test_directives_are_read_per_line() -> None:
    text = "a govscan: ignore\nb\nc govscan: ignore[pii002, LEX4]\nd govscan:ignore[PII002] govscan: ignore"
    assert suppressions(text) == {1: (), 3: ("PII002", "LEX4"), 4: ()}


def test_suppression_silences_only_the_listed_codes_on_that_line(scanner: Scanner) -> None:
    text = "电话 13912345678，截止目前 # govscan: ignore[PII]\n电话 13812345678\n截止目前 govscan: ignore"
    kept = apply_suppressions(scanner.scan_text(text), text)
    assert [(f.code, f.line) for f in kept] == [("LEX401", 1), ("PII002", 2)]


def test_fingerprint_ignores_line_numbers_but_not_value_or_context(scanner: Scanner) -> None:
    def print_of(text: str) -> str:
        (finding,) = scanner.scan_text(text)
        return fingerprint(finding, text)

    base = print_of("联系电话：13912345678。")
    assert print_of("新增一行\n\n联系电话：13912345678。") == base
    assert print_of("联系电话：139-1234-5678。") == base
    assert print_of("联系电话：13912345679。") != base
    assert print_of("报名电话：13912345678。") != base
    assert len(base) == 32 and "13912345678" not in base
