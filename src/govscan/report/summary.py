"""End-of-run summary, accumulated while results stream by (memory bounded by rule codes and ``TOP``)."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.text import Text

from govscan.baseline import Entry
from govscan.models import FileResult, Severity

# How many files the summary lists as having the most findings.
TOP = 5


@dataclass
class Summary:
    """Counts of one run. Results of one file arrive together, so "top files" needs only a bounded heap."""

    files: int = 0
    documents: int = 0
    errors: int = 0
    by_code: Counter[str] = field(default_factory=Counter)
    by_severity: Counter[Severity] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    _top: list[tuple[int, str]] = field(default_factory=list)
    _current: str | None = None
    _current_count: int = 0

    def add(self, result: FileResult) -> None:
        findings = [(f.code, f.name, f.severity) for f in result.findings]
        self.add_findings(result.path, result.error is not None, findings)

    def add_findings(self, path: str, failed: bool, findings: Sequence[tuple]) -> None:
        """One document's result: whether it failed, and (code, name, severity, …) of each of its findings."""
        self.documents += 1
        if failed:
            self.errors += 1
        for code, name, severity, *_ in findings:
            self.by_code[code] += 1
            self.by_severity[Severity(severity)] += 1
            self.names.setdefault(code, name)
        container = path.split("#", 1)[0]
        if container != self._current:
            self._close_current()
            self._current = container
        self._current_count += len(findings)

    @property
    def findings(self) -> int:
        return sum(self.by_code.values())

    def top_files(self) -> list[tuple[str, int]]:
        self._close_current()
        return [(path, count) for count, path in sorted(self._top, key=lambda item: (-item[0], item[1]))]

    def _close_current(self) -> None:
        if self._current is not None and self._current_count:
            item = (self._current_count, self._current)
            if len(self._top) < TOP:
                heapq.heappush(self._top, item)
            else:
                heapq.heappushpop(self._top, item)
        self._current, self._current_count = None, 0


def print_summary(console: Console, summary: Summary, stale: list[Entry] | None = None) -> None:
    """Findings by rule, the files with most findings, stale baseline entries, then the one-line tally last."""
    if summary.by_code:
        rules = ", ".join(f"{code} {summary.names[code]} ×{count}" for code, count in sorted(summary.by_code.items()))
        console.print(Text(f"By rule: {rules}"))
    top = summary.top_files()
    if top:
        console.print(Text("Top files: " + ", ".join(f"{path} ({count})" for path, count in top)))
    if stale:
        console.print(
            Text(f"Baseline: {_plural(len(stale), 'stale entry', 'stale entries')} no longer found:", "yellow")
        )
        for entry in stale:
            console.print(Text(f"    {entry.path} {entry.code} {entry.fingerprint}", "yellow"))
    scanned = _plural(summary.files, "file") + " scanned"
    if summary.documents != summary.files:
        scanned += f" ({_plural(summary.documents, 'document')})"
    parts = [scanned, _plural(summary.findings, "finding")]
    if summary.findings:
        parts.append(", ".join(f"{summary.by_severity[s]} {s.value}" for s in Severity if summary.by_severity[s]))
    if summary.errors:
        unit = "file" if summary.documents == summary.files else "document"
        parts.append(_plural(summary.errors, f"{unit} error"))
    console.print(Text("Summary: " + "; ".join(parts), "bold"))


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"
