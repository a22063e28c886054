"""Rule codes and names are public API: unique, well-formed, never silently renamed."""

from __future__ import annotations

import regex

from govscan import Scanner
from govscan.detectors import all_detectors

# Codes and names users select, ignore and suppress by; a rename breaks their configs.
STABLE = {"PII002": "mobile-phone", "LEX401": "common-typo"}


def test_codes_and_names_are_unique_and_well_formed(scanner: Scanner) -> None:
    codes = [r.code for r in scanner.rules]
    names = [r.name for r in scanner.rules]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    # A new family is a design decision (design.md lists them), not something a file adds by accident.
    assert {c[:3] for c in codes} <= {"PII", "LEX", "DAT", "HTM"}
    assert all(regex.fullmatch(r"[A-Z]{3}\d{3}", c) for c in codes)


def test_stable_codes_keep_their_names(scanner: Scanner) -> None:
    shipped = {r.code: r.name for r in scanner.rules}
    assert {code: shipped.get(code) for code in STABLE} == STABLE


def test_detectors_are_discovered_without_an_import_list() -> None:
    modules = {d.module.__name__.rsplit(".", 1)[1]: d.rule.code for d in all_detectors()}
    assert modules["mobile_phone"] == "PII002"
    assert all(d.rule.personal_data for d in all_detectors())
