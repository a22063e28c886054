"""Masking findings and writing redacted text: pure functions, no I/O.

Each detector's ``mask(value)`` returns a string of the same length as the value
(so excerpt offsets and redacted files line up); a caller may override how many
characters a kind keeps with ``keep={"PII002": (3, 4)}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from govscan.detectors import all_detectors
from govscan.masking import mask_value
from govscan.models import Confidence, Finding

Keep = Mapping[str, tuple[int, int]]


def mask(finding: Finding, keep: Keep | None = None) -> str:
    """The finding's matched text masked as its detector prescribes (same length), or per ``keep``."""
    value = finding.matched_text
    if keep and finding.code in keep:
        return mask_value(value, keep[finding.code])
    detector = next((d for d in all_detectors() if d.rule.code == finding.code), None)
    masker = getattr(detector.module, "mask", mask_value) if detector else mask_value
    return masker(value)


def redact_text(text: str, findings: Iterable[Finding], keep: Keep | None = None) -> str:
    """``text`` with every personal-data finding masked in place; everything else unchanged."""
    chars = list(text)
    for finding in findings:
        if not finding.personal_data:
            continue
        masked = mask(finding, keep)
        if len(masked) != finding.span.end - finding.span.start:
            raise ValueError(f"{finding.code} mask changed the length of the value")
        chars[finding.span.start : finding.span.end] = masked
    return "".join(chars)


def confident(findings: Iterable[Finding], minimum: Confidence | None) -> list[Finding]:
    """Findings at or above ``minimum`` confidence (all of them when ``minimum`` is ``None``)."""
    return [f for f in findings if minimum is None or f.confidence.rank >= minimum.rank]


def parse_keep(values: Iterable[str]) -> dict[str, tuple[int, int]]:
    """``["PII002=3,4"]`` → ``{"PII002": (3, 4)}``; raises ``ValueError`` on a malformed entry."""
    keep = {}
    for value in values:
        code, _, numbers = value.partition("=")
        start, _, end = numbers.partition(",")
        if not (code.strip() and start.strip().isdigit() and end.strip().isdigit()):
            raise ValueError(f"--keep wants CODE=START,END (e.g. PII002=3,4), not {value!r}")
        keep[code.strip().upper()] = (int(start), int(end))
    return keep
