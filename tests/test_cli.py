"""The command line: formats, exit codes and bad input, on real files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, shared_path
from govscan.cli import cli

NOTICE = FIXTURES / "drafts" / "notice.txt"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_text_report_on_the_sample_draft() -> None:
    result = run("check", str(NOTICE))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{NOTICE}:4:30 LEX401 warning 错别字：「截止目前」应为「截至目前」 → 截至目前"
    assert lines[1] == "    为进一步提升政府网站内容质量，区政府决定开展内容检查工作。截止目前，已完成第一轮自查。"
    assert lines[2] == "    依据：2010年十大语文差错（《咬文嚼字》编辑部）"
    assert f"{NOTICE}:6:14 PII002 error 手机号码属于个人信息，公开前应去标识化（如 139****5678）" in lines
    assert "    联系人：王某某，联系电话：139 **** 5678。" in lines
    assert "1234" not in result.stdout
    assert lines[-1] == "Summary: 1 file scanned; 4 findings; 1 error, 3 warning"


def test_show_values_reveals_personal_data_on_request() -> None:
    result = run("check", "--select", "PII", "--show-values", str(NOTICE))
    assert "    联系人：王某某，联系电话：139 1234 5678。" in result.stdout.splitlines()


def test_stdin_json_reports_full_width_phone_at_the_right_span() -> None:
    result = run("check", "--format", "json", "-", input="联系电话：１３９１２３４５６７８\n".encode())
    assert result.exit_code == 1
    envelope = json.loads(result.stdout)
    assert envelope["version"] == 1
    (file,) = envelope["files"]
    assert file["path"] == "<stdin>"
    (finding,) = file["findings"]
    assert {k: finding[k] for k in ("code", "name", "severity", "start", "end", "line", "column", "excerpt")} == {
        "code": "PII002",
        "name": "mobile-phone",
        "severity": "error",
        "start": 5,
        "end": 16,
        "line": 1,
        "column": 6,
        "excerpt": "联系电话：１３９****５６７８",
    }
    assert "value" not in finding
    assert finding["suggestion"] is None


def test_gb18030_file_is_decoded(tmp_path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("请依法子以公开。".encode("gb18030"))
    result = run("check", "--format", "json", str(path))
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["code"], finding["start"], finding["value"]) == ("LEX401", 3, "子以")


@pytest.mark.parametrize(("fail_on", "code"), [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on_threshold(fail_on: str, code: int) -> None:
    assert run("check", "--fail-on", fail_on, str(NOTICE)).exit_code == code


def test_fail_on_error_ignores_warnings_only() -> None:
    assert run("check", "--fail-on", "error", "--select", "LEX", str(NOTICE)).exit_code == 0


def test_clean_input_exits_zero() -> None:
    result = run("check", "-", input="本通知自印发之日起施行。")
    assert result.exit_code == 0
    assert result.stdout.strip() == "Summary: 1 file scanned; 0 findings"


def test_select_and_ignore_by_prefix() -> None:
    codes = {
        f["code"]
        for f in json.loads(run("check", "--format", "json", "--ignore", "PII", str(NOTICE)).stdout)["files"][0][
            "findings"
        ]
    }
    assert codes == {"LEX401"}


def test_sarif_is_valid_against_the_official_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = run("check", "--format", "sarif", str(NOTICE), str(FIXTURES / "missing.txt"))
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"PII002", "LEX401"}
    phone = next(r for r in run_["results"] if r["ruleId"] == "PII002")
    region = phone["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (6, 14, 27)
    assert region["snippet"]["text"] == "联系人：王某某，联系电话：139 **** 5678。"
    assert "1234" not in json.dumps(run_["results"], ensure_ascii=False)
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert note["message"]["text"].endswith("missing.txt: no such file or directory")


def test_directory_is_walked_in_order(tmp_path) -> None:
    (tmp_path / "b.txt").write_text("依法子以公开", encoding="utf-8")
    (tmp_path / "a.md").write_text("电话13912345678", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    files = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)["files"]
    assert [f["path"] for f in files] == [str(tmp_path / "a.md"), str(tmp_path / "b.txt")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), not text"),
        (b"abc\x80\xff", None),
    ],
)
def test_bad_file_is_an_error_entry_and_the_rest_is_scanned(tmp_path, content: bytes, message: str | None) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("check", "--format", "json", str(bad), str(NOTICE))
    files = json.loads(result.stdout)["files"]
    assert files[0]["path"] == str(bad)
    assert files[0]["error"]["kind"] == "input"
    if message:
        assert files[0]["error"]["message"] == message
    else:
        assert files[0]["error"]["message"].startswith("not valid UTF-8 (byte 3) nor GB18030")
    assert len(files[1]["findings"]) == 4
    assert result.exit_code == 1
    assert f"govscan: {bad}: " in result.stderr


def test_bad_file_alone_is_reported_in_text_and_exits_2(tmp_path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run("check", str(bad))
    assert result.stdout.splitlines()[0] == f"{bad}: error: empty file"
    assert result.exit_code == 2


def test_missing_path_is_a_usage_error_after_scanning_the_rest(tmp_path) -> None:
    result = run("check", "--fail-on", "never", str(tmp_path / "nope.txt"), str(NOTICE))
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.txt'}: error: no such file or directory" in result.stdout
    assert "Summary: 2 files scanned; 4 findings; 1 error, 3 warning; 1 file error" in result.stdout


def test_directory_without_text_files(tmp_path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert (
        f"{tmp_path}: error: no files to scan "
        "(.csv, .docx, .htm, .html, .jsonl, .md, .shtml, .tsv, .txt, .zip) in this folder" in result.stdout
    )


def test_empty_stdin() -> None:
    result = run("check", "-", input=b"")
    assert result.exit_code == 2
    assert "<stdin>: error: empty file" in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    assert run("check", "--format", "xml", str(NOTICE)).exit_code == 2


def test_broken_lexicon_exits_3(monkeypatch) -> None:
    import govscan.lexicon.load as load

    monkeypatch.setattr(load, "packaged_lexicon_dir", lambda: FIXTURES / "lexicons" / "broken")
    result = run("check", str(NOTICE))
    assert result.exit_code == 3
    assert result.stderr.startswith("govscan: lexicon error: ")
    assert "bad_yaml.yaml:9: invalid YAML" in result.stderr


def test_rules_lists_every_rule() -> None:
    result = run("rules", "--format", "json")
    rules = {r["code"]: r["name"] for r in json.loads(result.stdout)}
    assert rules["PII002"] == "mobile-phone"
    assert rules["LEX401"] == "common-typo"


def test_explain_shows_the_rule_doc() -> None:
    result = run("explain", "PII002")
    assert result.stdout.splitlines()[0].strip() == "PII002 mobile-phone"
    assert "Kind: detector" in result.stdout and "Default severity: error" in result.stdout
    assert "What it finds" in result.stdout
    assert run("explain", "mobile-phone").stdout == result.stdout


def test_explain_unknown_code() -> None:
    result = run("explain", "XYZ999")
    assert result.exit_code == 2
    assert "unknown rule 'XYZ999'" in result.stderr


def test_python_dash_m_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "govscan", "check", "--format", "json", "-"],
        input="电话13912345678".encode(),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["files"][0]["findings"][0]["code"] == "PII002"
