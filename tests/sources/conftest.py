"""Fixtures shared by the source tests."""

from __future__ import annotations

import datetime as dt

import pytest

from govscan import Scanner
from govscan.filters import RuleSelection
from govscan.redact import redact_text
from govscan.sources import Document

# The date the redaction tests judge their documents at.
REDACT_AS_OF = dt.date(2024, 6, 30)


@pytest.fixture(scope="session")
def masker():
    """A Masker as ``govscan redact`` builds one: every personal value of a document masked in place."""
    scanner = Scanner(selection=RuleSelection.of(("PII",), ()))

    def mask(document: Document) -> str:
        return redact_text(document.text, scanner.scan_text(document.text, as_of=REDACT_AS_OF))

    return mask
