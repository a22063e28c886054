"""The engine's internal record of a rule firing, before it becomes a Finding."""

from __future__ import annotations

from dataclasses import dataclass

from govscan.models import Confidence, Rule, Severity, Source


@dataclass(frozen=True)
class Hit:
    """A rule firing on ``[start, end)`` of the *folded* text."""

    rule: Rule
    start: int
    end: int
    message: str
    explanation: str
    severity: Severity
    confidence: Confidence = Confidence.HIGH
    suggestion: str | None = None
    source: Source | None = None
