"""Shared fixtures: one Scanner per session (building it parses every lexicon)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govscan import RuleSelection, Scanner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner()


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip: only CI and the team's checkouts have that folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here: ../shared is only present in the team's checkout and CI")
    return path


# Personal-data detectors (issue 3): one PII-only scanner, and a compact view of its findings.
PII_AS_OF = dt.date(2024, 6, 30)


@pytest.fixture(scope="session")
def pii_scanner() -> Scanner:
    return Scanner(selection=RuleSelection.of(["PII"]))


@pytest.fixture(scope="session")
def found(pii_scanner):
    """``found(text)`` → ``[(code, matched text, severity, confidence), …]`` in text order."""

    def scan(text: str, as_of: dt.date = PII_AS_OF):
        return [
            (f.code, f.matched_text, f.severity.value, f.confidence.value)
            for f in pii_scanner.scan_text(text, as_of=as_of)
        ]

    return scan


@pytest.fixture(scope="session")
def masker(pii_scanner):
    """A Masker as ``govscan redact`` builds one: every personal value of a document masked in place."""
    from govscan.redact import redact_text

    def mask(document) -> str:
        return redact_text(document.text, pii_scanner.scan_text(document.text, as_of=PII_AS_OF))

    return mask
