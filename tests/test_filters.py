from __future__ import annotations

import pytest

from govscan.filters import RuleSelection, at_or_above
from govscan.models import Severity


@pytest.mark.parametrize(
    ("select", "ignore", "code", "allowed"),
    [
        ((), (), "PII002", True),
        (("PII",), (), "PII002", True),
        (("PII",), (), "LEX401", False),
        ((), ("LEX4",), "LEX401", False),
        ((), ("LEX4",), "LEX101", True),
        (("PII002",), ("PII",), "PII002", True),  # the more specific prefix wins
        (("PII",), ("PII002",), "PII002", False),
        (("PII",), ("PII",), "PII002", False),  # a tie goes to ignore
        (("pii,lex4",), (), "LEX401", True),  # comma-separated and case-insensitive
    ],
)
def test_rule_selection(select, ignore, code, allowed) -> None:
    assert RuleSelection.of(select, ignore).allows(code) is allowed


def test_severity_threshold() -> None:
    assert at_or_above(Severity.ERROR, Severity.WARNING)
    assert not at_or_above(Severity.NOTE, Severity.WARNING)
    assert not at_or_above(Severity.ERROR, None)
