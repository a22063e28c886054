"""Baselines: write sorted hashed entries, filter accepted findings one for one, report stale entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govscan.baseline import Baseline, Entry, entries_of, write
from govscan.errors import ConfigError
from govscan.models import FileResult, Finding, Severity, Span


def _finding(code: str, fingerprint: str) -> Finding:
    return Finding(
        code=code,
        name="x",
        severity=Severity.ERROR,
        message="m",
        span=Span(start=0, end=1),
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        excerpt="x",
        excerpt_span=Span(start=0, end=1),
        fingerprint=fingerprint,
    )


def test_written_file_is_sorted_and_holds_no_values(tmp_path: Path) -> None:
    result = FileResult(path="b.txt", findings=(_finding("PII002", "f2"), _finding("LEX401", "f1")))
    target = tmp_path / "baseline.json"
    assert write(target, [*entries_of(result), Entry(path="a.txt", code="PII002", fingerprint="f0")]) == 3
    assert json.loads(target.read_text(encoding="utf-8")) == {
        "version": 1,
        "tool": "govscan",
        "entries": [
            {"path": "a.txt", "code": "PII002", "fingerprint": "f0"},
            {"path": "b.txt", "code": "LEX401", "fingerprint": "f1"},
            {"path": "b.txt", "code": "PII002", "fingerprint": "f2"},
        ],
    }


def test_filter_consumes_entries_one_for_one_and_reports_stale(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    (tmp_path / "gone").mkdir()
    write(
        target,
        [
            Entry(path="b.txt", code="PII002", fingerprint="same"),
            Entry(path="b.txt", code="LEX401", fingerprint="fixed"),
            Entry(path=str(tmp_path / "deleted.txt"), code="PII002", fingerprint="z"),
        ],
    )
    baseline = Baseline.load(target)
    result = FileResult(path="b.txt", findings=(_finding("PII002", "same"), _finding("PII002", "same")))
    assert [f.fingerprint for f in baseline.filter(result).findings] == ["same"]
    assert baseline.stale() == [
        Entry(path=str(tmp_path / "deleted.txt"), code="PII002", fingerprint="z"),
        Entry(path="b.txt", code="LEX401", fingerprint="fixed"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "baseline is not valid JSON"),
        ('{"version": 1, "entries": [{"path": "a"}]}', "not a govscan baseline: entries.0.code"),
        ('{"version": 9, "entries": []}', "baseline version 9 is not supported"),
    ],
)
def test_bad_baseline_files_are_config_errors(tmp_path: Path, content: str, message: str) -> None:
    target = tmp_path / "b.json"
    target.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Baseline.load(target)
