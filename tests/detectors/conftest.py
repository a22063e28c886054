"""Shared fixtures for detector tests: one PII-only scanner per session, and a compact view of findings."""

from __future__ import annotations

import datetime as dt

import pytest

from govscan import RuleSelection, Scanner

AS_OF = dt.date(2024, 6, 30)


@pytest.fixture(scope="session")
def pii_scanner() -> Scanner:
    return Scanner(selection=RuleSelection.of(["PII"]))


@pytest.fixture(scope="session")
def found(pii_scanner):
    """``found(text)`` → ``[(code, matched text, severity, confidence), …]`` in text order."""

    def scan(text: str, as_of: dt.date = AS_OF):
        return [
            (f.code, f.matched_text, f.severity.value, f.confidence.value)
            for f in pii_scanner.scan_text(text, as_of=as_of)
        ]

    return scan
