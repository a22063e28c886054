"""Output records rendered where a document is scanned, so that a batch's main process only filters and writes.

With several worker processes the main process shares the cores with them;
when it unpickled every finding and rendered it, it was the bottleneck. A
worker now turns each scanned document into a :class:`Rendered`: its locator,
its error if any, per finding the few fields the main process still needs
(summary, ``--fail-on``, baseline) and the finding's text in the output format.
The main process drops what the baseline accepts and writes the rest
(:class:`RecordWriter`), byte for byte what rendering the findings there
would have written.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import NamedTuple, TextIO

from rich.console import Console

from govscan.models import Confidence, Finding, Rule
from govscan.report import csv as csv_report
from govscan.report import json as json_report
from govscan.report import sarif as sarif_report
from govscan.report import text as text_report

FORMATS = ("text", "json", "jsonl", "csv", "sarif")


@dataclass(frozen=True)
class ConsoleLook:
    """What the main process's console decided about the terminal, so a worker's console renders alike."""

    is_terminal: bool = False
    color_system: str | None = None
    width: int = 80

    @classmethod
    def of(cls, console: Console) -> ConsoleLook:
        return cls(console.is_terminal, console.color_system, console.width)

    def console(self, out: TextIO) -> Console:
        return Console(
            file=out,
            highlight=False,
            soft_wrap=True,
            emoji=False,
            force_terminal=self.is_terminal,
            color_system=self.color_system,  # type: ignore[arg-type]
            width=self.width,
        )


@dataclass(frozen=True)
class RenderSpec:
    """How to render (picklable): format, whether to show personal data, the lowest confidence kept."""

    format: str = "jsonl"
    show_values: bool = False
    minimum: Confidence | None = None
    look: ConsoleLook = ConsoleLook()


class FindingKey(NamedTuple):
    """What the main process needs of a finding besides its text."""

    code: str
    name: str
    severity: str
    fingerprint: str


class Rendered(NamedTuple):
    """One document's result, rendered: one record per finding, or the error (``error_kind`` set)."""

    path: str
    keys: tuple[FindingKey, ...] = ()
    records: tuple[str, ...] = ()
    error_kind: str | None = None
    error_message: str | None = None


class Renderer:
    """Renders findings of scanned documents as the main process's writer expects them (worker side)."""

    def __init__(self, spec: RenderSpec, rules: tuple[Rule, ...]):
        self.spec = spec
        self._index = {rule.code: i for i, rule in enumerate(rules)}
        self._buffer = io.StringIO()
        self._console = spec.look.console(self._buffer) if spec.format == "text" else None
        self._record = getattr(self, f"_{spec.format}")

    def render(self, path: str, findings: list[Finding], fingerprints: list[str]) -> Rendered:
        keys = tuple(
            FindingKey(f.code, f.name, f.severity.value, p) for f, p in zip(findings, fingerprints, strict=True)
        )
        records = tuple(self._record(path, f, p) for f, p in zip(findings, fingerprints, strict=True))
        return Rendered(path, keys, records)

    def error(self, path: str, kind: str, message: str) -> Rendered:
        return render_error(self.spec, path, kind, message)

    def _jsonl(self, path: str, finding: Finding, fingerprint: str) -> str:
        data = json_report.finding_to_dict(finding, show_values=self.spec.show_values, fingerprint=fingerprint)
        return json.dumps({"path": path, **data}, ensure_ascii=False) + "\n"

    def _json(self, path: str, finding: Finding, fingerprint: str) -> str:
        data = json_report.finding_to_dict(finding, show_values=self.spec.show_values, fingerprint=fingerprint)
        return json.dumps(data, ensure_ascii=False)

    def _csv(self, path: str, finding: Finding, fingerprint: str) -> str:
        return _csv_line(
            csv_report.finding_row(path, finding, show_values=self.spec.show_values, fingerprint=fingerprint)
        )

    def _sarif(self, path: str, finding: Finding, fingerprint: str) -> str:
        return sarif_report.result_json(finding, path, self._index, fingerprint)

    def _text(self, path: str, finding: Finding, fingerprint: str) -> str:
        text_report.print_finding(self._console, path, finding, show_values=self.spec.show_values)
        return self._take()

    def _take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


def render_error(spec: RenderSpec, path: str, kind: str, message: str) -> Rendered:
    """A file that could not be scanned, as a record of the format (SARIF keeps errors for the end of the log)."""
    if spec.format == "jsonl":
        record = json.dumps({"path": path, "error": {"kind": kind, "message": message}}, ensure_ascii=False) + "\n"
    elif spec.format == "json":
        record = json.dumps({"path": path, "error": {"kind": kind, "message": message}}, ensure_ascii=False)
    elif spec.format == "csv":
        record = _csv_line(csv_report.error_row(path, message))
    elif spec.format == "text":
        buffer = io.StringIO()
        text_report.print_error(spec.look.console(buffer), path, message)
        record = buffer.getvalue()
    else:
        return Rendered(path, error_kind=kind, error_message=message)
    return Rendered(path, records=(record,), error_kind=kind, error_message=message)


def _csv_line(row: list) -> str:
    buffer = io.StringIO()
    csv_report.csv.writer(buffer, lineterminator="\n").writerow(row)
    return buffer.getvalue()


class RecordWriter:
    """Writes rendered results in the chosen format as they arrive (main-process side)."""

    def __init__(self, out: TextIO, spec: RenderSpec, rules: tuple[Rule, ...]):
        self._out = out
        self._format = spec.format
        self._json = json_report.JsonStream(out, show_values=spec.show_values) if spec.format == "json" else None
        self._sarif = sarif_report.SarifStream(out, rules) if spec.format == "sarif" else None
        if spec.format == "csv":
            csv_report.CsvWriter(out, show_values=spec.show_values)

    def write(self, result: Rendered, kept: list[bool] | None = None) -> None:
        """``result``'s records; with ``kept``, only those of the findings it marks."""
        records = (
            result.records
            if kept is None or result.error_kind
            else [r for r, k in zip(result.records, kept, strict=True) if k]
        )
        if self._json is not None:
            if result.error_kind is None:
                self._json.write_fragment(json_report.file_fragment(result.path, records))
            else:
                self._json.write_fragment(records[0])
        elif self._sarif is not None:
            if result.error_kind is not None:
                self._sarif.add_error(result.path, result.error_kind, result.error_message or "")
            for record in records:
                self._sarif.write_result(record)
        else:
            self._out.write("".join(records))

    def close(self, **extra) -> None:
        """End the document (JSON may get top-level keys after ``files``: ``stale_baseline``)."""
        if self._json is not None:
            self._json.close(**extra)
        elif self._sarif is not None:
            self._sarif.close()
