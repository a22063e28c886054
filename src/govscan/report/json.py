"""Versioned JSON envelope: every file has either ``findings`` or an ``error``."""

from __future__ import annotations

import json
from typing import Any

from govscan import __version__
from govscan.models import FileResult, Finding, Report

# Bump when a field is removed or changes meaning; adding fields keeps it.
SCHEMA_VERSION = 1


def finding_to_dict(finding: Finding, *, show_values: bool = False, fingerprint: str | None = None) -> dict[str, Any]:
    """``fingerprint`` stands in for ``finding.fingerprint`` (batch workers compute it without copying the finding)."""
    fingerprint = fingerprint or finding.fingerprint
    data: dict[str, Any] = {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "message": finding.message,
        "start": finding.span.start,
        "end": finding.span.end,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "excerpt": finding.excerpt,
        "suggestion": finding.suggestion,
        "explanation": finding.explanation,
        "source": finding.source.model_dump(mode="json", exclude_none=True) if finding.source else None,
    }
    if fingerprint:
        data["fingerprint"] = fingerprint
    if show_values or not finding.personal_data:
        data["value"] = finding.matched_text
    return data


def file_to_dict(result: FileResult, *, show_values: bool = False) -> dict[str, Any]:
    if result.error is not None:
        return {"path": result.path, "error": result.error.model_dump(mode="json")}
    return {
        "path": result.path,
        "findings": [finding_to_dict(f, show_values=show_values) for f in result.findings],
    }


def file_fragment(path: str, findings: list[str]) -> str:
    """``json.dumps(file_to_dict(…))`` assembled from each finding's own ``json.dumps``: the same text."""
    return '{"path": ' + json.dumps(path, ensure_ascii=False) + ', "findings": [' + ", ".join(findings) + "]}"


def render(report: Report, *, show_values: bool = False) -> str:
    envelope = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "govscan", "version": __version__},
        "files": [file_to_dict(r, show_values=show_values) for r in report.files],
    }
    return json.dumps(envelope, ensure_ascii=False, indent=2)


class JsonStream:
    """The same envelope as :func:`render`, written one file at a time so a huge run never sits in memory.

    ``close`` may add top-level keys after ``files`` (``stale_baseline``).
    """

    def __init__(self, out, *, show_values: bool = False):
        self._out = out
        self._show_values = show_values
        self._first = True
        head = json.dumps({"version": SCHEMA_VERSION, "tool": {"name": "govscan", "version": __version__}})
        out.write(head[:-1] + ', "files": [')

    def write(self, result: FileResult) -> None:
        self.write_fragment(json.dumps(file_to_dict(result, show_values=self._show_values), ensure_ascii=False))

    def write_fragment(self, fragment: str) -> None:
        """One file's object, already serialized (see :func:`file_fragment`)."""
        self._out.write(("\n  " if self._first else ",\n  ") + fragment)
        self._first = False

    def close(self, **extra: Any) -> None:
        tail = "".join(f', "{key}": {json.dumps(value, ensure_ascii=False)}' for key, value in extra.items())
        self._out.write(("]" if self._first else "\n]") + tail + "}\n")
