"""Records rendered in a worker and written by the main process: the same text the report writers produce."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from govscan.engine import Scanner
from govscan.filters import fingerprint
from govscan.models import FileError, FileResult, Report
from govscan.report import csv as csv_report
from govscan.report import json as json_report
from govscan.report import jsonl as jsonl_report
from govscan.report import sarif as sarif_report
from govscan.report import text as text_report
from govscan.report.records import ConsoleLook, RecordWriter, Renderer, RenderSpec

TEXTS = {
    "a.txt": "联系电话：13912345678。\n要再接再励，依法子以公开。\n",
    "b.txt": "本通知自印发之日起施行。\n",
    "c.txt": "再接再励\n再接再励，手机 13800138000",
}


@pytest.fixture(scope="module")
def scanned() -> tuple[Scanner, list[FileResult]]:
    scanner = Scanner()
    results = []
    for path, text in TEXTS.items():
        findings = scanner.scan_text(text)
        marked = [f.model_copy(update={"fingerprint": fingerprint(f, text)}) for f in findings]
        for old, new in zip(findings, marked, strict=True):
            new.with_matched_text(old.matched_text)
        results.append(FileResult(path=path, findings=tuple(marked)))
    results.insert(1, FileResult(path="bad.txt", error=FileError(kind="input", message="empty file")))
    return scanner, results


def _rendered(scanner: Scanner, results: list[FileResult], spec: RenderSpec, keep=None) -> str:
    renderer = Renderer(spec, scanner.rules)
    out = io.StringIO()
    writer = RecordWriter(out, spec, scanner.rules)
    for result in results:
        if result.error is not None:
            writer.write(renderer.error(result.path, result.error.kind, result.error.message))
            continue
        bare = [f.model_copy(update={"fingerprint": None}) for f in result.findings]
        for old, new in zip(result.findings, bare, strict=True):
            new.with_matched_text(old.matched_text)
        rendered = renderer.render(result.path, bare, [f.fingerprint for f in result.findings])
        writer.write(rendered, keep(result) if keep else None)
    writer.close()
    return out.getvalue()


def _written(scanner: Scanner, results: list[FileResult], output_format: str, show_values: bool) -> str:
    out = io.StringIO()
    if output_format == "text":
        console = Console(file=out, highlight=False, soft_wrap=True, emoji=False, width=80)
        for result in results:
            text_report.print_file(console, result, show_values=show_values)
    elif output_format == "json":
        stream = json_report.JsonStream(out, show_values=show_values)
        for result in results:
            stream.write(result)
        stream.close()
    elif output_format == "jsonl":
        for result in results:
            jsonl_report.write_result(out, result, show_values=show_values)
    elif output_format == "csv":
        writer = csv_report.CsvWriter(out, show_values=show_values)
        for result in results:
            writer.write(result)
    else:
        out.write(sarif_report.render(Report(files=tuple(results)), scanner.rules) + "\n")
    return out.getvalue()


@pytest.mark.parametrize("show_values", [False, True])
@pytest.mark.parametrize("output_format", ["text", "json", "jsonl", "csv", "sarif"])
def test_records_join_into_what_the_writers_write(scanned, output_format: str, show_values: bool) -> None:
    scanner, results = scanned
    spec = RenderSpec(output_format, show_values, look=ConsoleLook(width=80))
    expected = _written(scanner, results, output_format, show_values)
    assert _rendered(scanner, results, spec) == expected
    if output_format != "sarif":  # SARIF has no values to show (its rule descriptions quote examples)
        assert ("13912345678" in expected) == show_values


@pytest.mark.parametrize("output_format", ["text", "json", "jsonl", "csv", "sarif"])
def test_findings_a_baseline_accepts_are_left_out(scanned, output_format: str) -> None:
    scanner, results = scanned
    spec = RenderSpec(output_format, look=ConsoleLook(width=80))
    first_only = [r if r.error else r.model_copy(update={"findings": r.findings[:1]}) for r in results]
    keep = lambda result: [i == 0 for i in range(len(result.findings))]  # noqa: E731
    assert _rendered(scanner, results, spec, keep) == _written(scanner, first_only, output_format, False)


@pytest.mark.parametrize("files", [0, 1, 2, 4])
def test_streamed_sarif_is_the_indented_dump_of_its_own_log(scanned, files: int) -> None:
    scanner, results = scanned
    text = sarif_report.render(Report(files=tuple(results[:files])), scanner.rules)
    log = json.loads(text)
    assert text == json.dumps(log, ensure_ascii=False, indent=2)
    assert len(log["runs"][0]["results"]) == sum(len(r.findings) for r in results[:files])
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == (["bad.txt: empty file"] if files >= 2 else [])
