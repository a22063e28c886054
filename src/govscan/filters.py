"""Which findings a run keeps: rule selection by code prefix, severity thresholds, inline suppressions.

Also the fingerprint that baselines (:mod:`govscan.baseline`) compare findings by.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from govscan.models import Finding, Severity
from govscan.normalize import fold


@dataclass(frozen=True)
class RuleSelection:
    """ruff-style ``--select`` / ``--ignore`` by code prefix (``PII``, ``LEX1``, ``PII002``).

    The longest matching prefix decides; on a tie ``ignore`` wins. With no
    ``select`` every rule is selected.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def of(cls, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> RuleSelection:
        return cls(_prefixes(select), _prefixes(ignore))

    def allows(self, code: str) -> bool:
        selected = _longest_prefix(code, self.select) if self.select else 0
        if selected < 0:
            return False
        ignored = _longest_prefix(code, self.ignore)
        return ignored < 0 or ignored < selected


def _prefixes(values: Iterable[str]) -> tuple[str, ...]:
    """Accept ``PII,LEX1`` as well as repeated options."""
    return tuple(p.strip().upper() for value in values for p in value.split(",") if p.strip())


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest prefix of ``code`` in ``prefixes``; -1 if none."""
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def at_or_above(severity: Severity, threshold: Severity | None) -> bool:
    """Whether ``severity`` reaches ``threshold`` (``None`` means never)."""
    return threshold is not None and severity.rank >= threshold.rank


# ``govscan: ignore`` or ``govscan: ignore[PII003,LEX101]`` anywhere on a line
# (in HTML, inside a comment: the HTML reader keeps it on the line it belongs to).
_SUPPRESSION = regex.compile(r"govscan:\s*ignore(?:\[(?P<codes>[^\]]*)\])?")


def suppressions(text: str) -> dict[int, tuple[str, ...]]:
    """1-based line → code prefixes silenced on it (an empty tuple silences every rule)."""
    if "govscan:" not in text:
        return {}
    found: dict[int, tuple[str, ...]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _SUPPRESSION.finditer(line):
            codes = _prefixes([match["codes"]]) if match["codes"] is not None else ()
            previous = found.get(number)
            found[number] = () if previous == () or not codes else (previous or ()) + codes
    return found


def apply_suppressions(findings: Sequence[Finding], text: str) -> list[Finding]:
    """``findings`` without those silenced by a directive on their first line."""
    silenced = suppressions(text)
    if not silenced:
        return list(findings)
    kept = []
    for finding in findings:
        codes = silenced.get(finding.line)
        if codes is None or (codes and _longest_prefix(finding.code, codes) < 0):
            kept.append(finding)
    return kept


# Characters of original text on each side of a hit that make up its fingerprint's context.
FINGERPRINT_CONTEXT = 16
_INSIGNIFICANT = regex.compile(r"[\s\-\u2010-\u2015()（）]+")


def fingerprint(finding: Finding, text: str) -> str:
    """A line-free identity of ``finding`` in ``text`` for baselines.

    sha256 over the rule code, a hash of the normalized value (folded, without
    spaces and separators) and a hash of up to ``FINGERPRINT_CONTEXT`` folded
    characters either side on the same line. Moving the text to another line
    keeps it; changing the value or its neighbourhood makes a new finding. The
    value is only ever stored hashed together with its context.
    """
    start, end = finding.span.start, finding.span.end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, start - FINGERPRINT_CONTEXT) : start]
    after = text[end : min(line_end, end + FINGERPRINT_CONTEXT)]
    value = text[start:end] if end > start else finding.message
    parts = (finding.code, _digest(_normal(value)), _digest(_normal(before) + "\x00" + _normal(after)))
    return _digest("\x00".join(parts))[:32]


def _normal(text: str) -> str:
    return _INSIGNIFICANT.sub("", fold(text).text).lower()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
