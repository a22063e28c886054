"""Which findings a run keeps: rule selection by code prefix and severity thresholds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from govscan.models import Severity


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
