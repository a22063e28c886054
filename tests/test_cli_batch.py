"""The issue's "done when": a fixture archive scanned with --jobs 2, every planted finding located, the broken
file an error, exit by findings, and a baseline that makes the second run report nothing new."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from govscan.cli import cli

GENERATOR = Path(__file__).resolve().parents[1] / "fixtures" / "batch" / "make_fixtures.py"
FIELDS = ["--text-field", "content.body", "--id-field", "meta.id"]

PLANTED = [
    ("site.zip!news/utf8.html", "LEX401", 3, 1),
    ("site.zip!news/utf8.html", "PII002", 4, 6),
    ("site.zip!news/utf8.html", "HTM001", 6, 1),
    ("site.zip!news/gbk.html", "LEX401", 1, 9),
    ("site.zip!news/gbk.html", "PII002", 2, 7),
    ("site.zip!drafts/draft.docx", "LEX401", 2, 3),
    ("site.zip!drafts/draft.docx", "PII002", 4, 4),
    ("site.zip!drafts/draft.docx#field=header", "LEX401", 1, 6),
    ("site.zip!export/articles.jsonl#line=2&id=A-102", "PII002", 2, 6),
    ("site.zip!export/articles.jsonl#line=3&id=A-103", "LEX401", 1, 11),
]
ERRORS = {
    "site.zip!broken/corrupt.docx": ("input", "not a valid DOCX file (File is not a zip file)"),
    "site.zip!../escape.txt": ("archive", "refused: member name climbs out of the archive with '..' (path traversal)"),
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("make_fixtures", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    directory = tmp_path_factory.mktemp("fixture")
    module.build(directory)
    return directory


def _check(workdir: Path, monkeypatch: pytest.MonkeyPatch, *arguments: str, jobs: str = "1"):
    """``check site.zip``; worker processes only where a test is about them (each pool costs a start-up)."""
    monkeypatch.chdir(workdir)
    return CliRunner().invoke(cli, ["check", "site.zip", "--jobs", jobs, *FIELDS, *arguments])


def test_every_planted_finding_is_reported_at_its_file_record_and_line(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _check(workdir, monkeypatch, "--format", "json", jobs="2")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["version"] == 1 and report["tool"]["name"] == "govscan"
    found = [(f["path"], f["code"], f["line"], f["column"]) for f in _findings(report)]
    assert found == PLANTED
    errors = {f["path"]: (f["error"]["kind"], f["error"]["message"]) for f in report["files"] if "error" in f}
    assert errors == ERRORS
    assert "13812345678" not in result.stdout  # suppressed in the page, and values are masked anyway
    assert all("value" not in f for f in _findings(report) if f["code"] == "PII002")


def _findings(report: dict) -> list[dict]:
    return [dict(f, path=entry["path"]) for entry in report["files"] for f in entry.get("findings", [])]


def test_jsonl_and_csv_stream_the_same_findings(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.loads(line) for line in _check(workdir, monkeypatch, "--format", "jsonl").stdout.splitlines()]
    assert [(x["path"], x["code"], x["line"], x["column"]) for x in lines if "code" in x] == PLANTED
    assert {x["path"] for x in lines if "error" in x} == set(ERRORS)
    rows = list(csv.DictReader(io.StringIO(_check(workdir, monkeypatch, "--format", "csv").stdout.lstrip("\ufeff"))))
    assert [(r["path"], r["code"], int(r["line"]), int(r["column"])) for r in rows if r["code"]] == PLANTED
    assert all(r["value"] == "" for r in rows if r["code"] == "PII002")


def test_text_report_ends_with_the_summary_and_no_progress_when_not_a_tty(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _check(workdir, monkeypatch)
    assert result.exit_code == 1
    assert "site.zip!export/articles.jsonl#line=2&id=A-102:2:6 PII002 error" in result.stdout
    assert result.stdout.splitlines()[-3:] == [
        "By rule: HTM001 hidden-link ×1, LEX401 common-typo ×5, PII002 mobile-phone ×4",
        "Top files: site.zip!drafts/draft.docx (3), site.zip!news/utf8.html (3), "
        "site.zip!export/articles.jsonl (2), site.zip!news/gbk.html (2)",
        "Summary: 1 file scanned (13 documents); 10 findings; 5 error, 5 warning; 2 document errors",
    ]
    assert "files/s" not in result.stderr


def test_baseline_makes_the_second_run_report_zero_new_findings(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    created = CliRunner().invoke(
        cli, ["baseline", "create", "site.zip", "--jobs", "2", *FIELDS, "-o", "baseline.json", "-q"]
    )
    assert created.exit_code == 0, created.output
    assert "wrote 10 baseline entries to baseline.json" in created.stderr
    stored = (workdir / "baseline.json").read_text(encoding="utf-8")
    assert "13912345678" not in stored and "截止目前" not in stored and '"line"' not in stored
    again = _check(workdir, monkeypatch, "--baseline", "baseline.json", "--format", "json", jobs="2")
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert _findings(report) == []
    assert report["stale_baseline"] == []


def test_baseline_lists_stale_entries_when_a_finding_is_gone(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    entries = json.loads((workdir / "baseline.json").read_text(encoding="utf-8"))["entries"]
    extra = {"path": "site.zip!news/gbk.html", "code": "PII002", "fingerprint": "0" * 32}
    (workdir / "stale.json").write_text(json.dumps({"version": 1, "entries": [*entries, extra]}), encoding="utf-8")
    result = _check(workdir, monkeypatch, "--baseline", "stale.json")
    assert result.exit_code == 0
    assert "Baseline: 1 stale entry no longer found:" in result.stdout
    assert f"site.zip!news/gbk.html PII002 {'0' * 32}" in result.stdout


def test_config_file_supplies_fields_and_a_bad_config_exits_3(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    (workdir / "govscan.toml").write_text('text-field = "content.body"\nid-field = "meta.id"\nselect = ["PII"]\n')
    try:
        result = CliRunner().invoke(cli, ["check", "site.zip", "--jobs", "1", "--format", "jsonl"])
        codes = [json.loads(line).get("code") for line in result.stdout.splitlines()]
        assert [c for c in codes if c] == ["PII002"] * 4
        overridden = CliRunner().invoke(cli, ["check", "site.zip", "-j", "1", "--format", "jsonl", "--select", "HTM"])
        assert [json.loads(line).get("code") for line in overridden.stdout.splitlines() if '"code"' in line] == [
            "HTM001"
        ]
        (workdir / "govscan.toml").write_text('selct = ["PII"]\n')
        bad = CliRunner().invoke(cli, ["check", "site.zip"])
        assert bad.exit_code == 3
        assert "govscan.toml: govscan.toml: selct: Extra inputs are not permitted" in bad.stderr
    finally:
        (workdir / "govscan.toml").unlink()


def test_progress_bar_is_drawn_on_a_terminal(workdir: Path) -> None:
    pty = pytest.importorskip("pty")
    import os
    import subprocess
    import sys

    master, slave = pty.openpty()
    command = [sys.executable, "-m", "govscan", "check", "site.zip", "-j", "2", *FIELDS, "--format", "jsonl"]
    process = subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not chunk:
            break
        drawn += chunk
    stdout, _ = process.communicate()
    os.close(master)
    assert process.returncode == 1
    assert len(stdout.decode().splitlines()) == len(PLANTED) + len(ERRORS)
    screen = drawn.decode("utf-8", "replace")
    assert "1/1" in screen and "files/s" in screen and "10 findings" in screen


def test_include_and_exclude_apply_to_archive_members(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _check(workdir, monkeypatch, "--format", "jsonl", "--exclude", "drafts/*", "--include", "*.html")
    paths = {json.loads(line)["path"] for line in result.stdout.splitlines()}
    # The traversal member is refused whatever the globs say; everything else is an HTML page.
    assert paths == {"site.zip!news/utf8.html", "site.zip!news/gbk.html", "site.zip!../escape.txt"}


@pytest.mark.parametrize("output_format", ["text", "json", "jsonl", "csv", "sarif"])
def test_two_workers_write_the_same_bytes_as_one(
    workdir: Path, monkeypatch: pytest.MonkeyPatch, output_format: str
) -> None:
    one = _check(workdir, monkeypatch, "--format", output_format, "-q")
    two = _check(workdir, monkeypatch, "--format", output_format, "-q", jobs="2")
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert one.exit_code == 1 and "news/gbk.html" in one.stdout


def test_a_zip_inside_a_zip_is_scanned_with_its_members_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as package:
        package.writestr("news/a.txt", "第一行\n值班电话13912345678".encode())
    with zipfile.ZipFile(tmp_path / "site.zip", "w") as package:
        package.writestr("attachments/files.zip", inner.getvalue())
        package.writestr("deep.zip", b"not a zip")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "site.zip", "--format", "json"])
    assert result.exit_code == 1, result.output
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    found = files["site.zip!attachments/files.zip!news/a.txt"]["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("PII002", 2, 5)]
    assert files["site.zip!deep.zip"]["error"] == {
        "kind": "archive",
        "message": "not a readable zip archive (File is not a zip file)",
    }
