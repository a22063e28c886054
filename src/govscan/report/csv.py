"""CSV for spreadsheets: one row per finding or file error, written as results arrive (UTF-8 with BOM for Excel)."""

from __future__ import annotations

import csv
from typing import TextIO

from govscan.models import FileResult, Finding

COLUMNS = (
    "path",
    "line",
    "column",
    "code",
    "name",
    "severity",
    "confidence",
    "message",
    "suggestion",
    "excerpt",
    "fingerprint",
    "value",
    "error",
)


class CsvWriter:
    """Header first, then rows; ``value`` is empty for personal data unless ``show_values``."""

    def __init__(self, out: TextIO, *, show_values: bool = False):
        self._writer = csv.writer(out, lineterminator="\n")
        self._show_values = show_values
        out.write("\ufeff")
        self._writer.writerow(COLUMNS)

    def write(self, result: FileResult) -> None:
        if result.error is not None:
            self._writer.writerow(error_row(result.path, result.error.message))
            return
        for f in result.findings:
            self._writer.writerow(finding_row(result.path, f, show_values=self._show_values))


def finding_row(path: str, f: Finding, *, show_values: bool = False, fingerprint: str | None = None) -> list:
    """The row of one finding; ``fingerprint`` stands in for ``f.fingerprint`` (see ``json.finding_to_dict``)."""
    value = f.matched_text if show_values or not f.personal_data else ""
    return [
        path,
        f.line,
        f.column,
        f.code,
        f.name,
        f.severity.value,
        f.confidence.value,
        f.message,
        f.suggestion or "",
        f.excerpt,
        fingerprint or f.fingerprint or "",
        value,
        "",
    ]


def error_row(path: str, message: str) -> list:
    return [path, *[""] * (len(COLUMNS) - 2), message]
