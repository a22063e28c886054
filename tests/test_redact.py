"""govscan.mask, redact_text and the ``govscan redact`` command: masked copies, same length, inputs untouched."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

import govscan
from govscan.cli import cli
from govscan.detectors._checksums import luhn_check_digit, resident_id_check_char

ID = "11010519491231002" + resident_id_check_char("11010519491231002")
CARD = "622202123456789012" + luhn_check_digit("622202123456789012")
SAMPLE = (
    "关于2024年度临时救助对象的公示\n"
    f"王某，身份证号：{ID}，联系电话：139-1234-5678，家住城关镇幸福路25号3栋2单元401室。\n"
    f"救助金发放至银行卡号：{CARD}，邮箱12345678@qq.com。\n"
    "监督电话：0571-88881234。本公示依据国办发〔2017〕47号。\n"
)
MASKED = (
    "关于2024年度临时救助对象的公示\n"
    "王某，身份证号：11*************02X，联系电话：139-****-5678，家住城关镇***************。\n"
    "救助金发放至银行卡号：6222***********0128，邮箱1*******@qq.com。\n"
    "监督电话：0571-******34。本公示依据国办发〔2017〕47号。\n"
)


@pytest.fixture(scope="module")
def findings():
    return govscan.scan_text(SAMPLE, as_of=dt.date(2024, 6, 30))


def test_sample_has_one_finding_per_value(findings):
    assert [f.code for f in findings] == ["PII001", "PII002", "PII006", "PII004", "PII005", "PII003"]
    assert CARD.endswith("0128")


def test_mask_returns_a_same_length_masked_value(findings):
    masks = [govscan.mask(f) for f in findings]
    assert masks[:2] == ["11*************02X", "139-****-5678"]
    assert all(len(m) == len(f.matched_text) for m, f in zip(masks, findings, strict=True))


def test_mask_keep_overrides_a_kind(findings):
    assert govscan.mask(findings[1], keep={"PII002": (0, 4)}) == "***-****-5678"


def test_redact_text_masks_every_value_and_nothing_else(findings):
    assert govscan.redact_text(SAMPLE, findings) == MASKED


def test_cli_redact_round_trip_leaves_input_untouched(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "notice.txt").write_text(SAMPLE, encoding="utf-8")
    (source / "sub").mkdir()
    (source / "sub" / "gbk.txt").write_bytes(SAMPLE.encode("gb18030"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["redact", str(source), "--out", str(out), "--as-of", "2024-06-30"])
    assert result.exit_code == 0, result.output
    assert (out / "notice.txt").read_text(encoding="utf-8") == MASKED
    assert (out / "sub" / "gbk.txt").read_bytes() == MASKED.encode("gb18030")
    assert (source / "notice.txt").read_text(encoding="utf-8") == SAMPLE
    assert "6 values masked" in result.output


def test_cli_redact_keep_and_select(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out"
    args = ["redact", str(tmp_path / "a.txt"), "--out", str(out), "--select", "PII002", "--keep", "PII002=0,2"]
    result = CliRunner().invoke(cli, [*args, "--as-of", "2024-06-30"])
    assert result.exit_code == 0, result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == SAMPLE.replace("139-1234-5678", "***-****-**78")


def test_cli_redact_refuses_to_write_into_the_input(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["redact", str(tmp_path), "--out", str(tmp_path / "masked")])
    assert result.exit_code == 2
    assert "lies inside the input" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_cli_redact_rejects_a_malformed_keep(tmp_path):
    (tmp_path / "a.txt").write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["redact", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--keep", "PII002"]
    )
    assert result.exit_code == 2
    assert "CODE=START,END" in result.output


def test_check_min_confidence_filters_findings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("见 028-8888 1234，联系电话13912345678", encoding="utf-8")
    runner = CliRunner()
    low = runner.invoke(cli, ["check", str(path), "--format", "json", "--select", "PII"])
    high = runner.invoke(cli, ["check", str(path), "--format", "json", "--select", "PII", "--min-confidence", "high"])
    assert low.output.count('"code": "PII') == 2
    assert high.output.count('"code": "PII') == 1
    assert '"code": "PII002"' in high.output
    assert "13912345678" not in high.output


def test_rules_lists_every_pii_detector():
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    names = {r["code"]: r["name"] for r in __import__("json").loads(result.output)}
    assert {k: v for k, v in names.items() if k.startswith("PII")} == {
        "PII001": "resident-id",
        "PII002": "mobile-phone",
        "PII003": "landline",
        "PII004": "bank-card",
        "PII005": "email",
        "PII006": "address",
        "PII007": "passport",
        "PII008": "travel-permit",
    }


def test_cli_redact_writes_every_format_it_can_and_names_the_ones_it_cannot(tmp_path):
    source = tmp_path / "export"
    source.mkdir()
    (source / "big5.txt").write_bytes("聯絡電話：139-1234-5678。\r\n".encode("big5"))
    (source / "page.html").write_bytes("<p>联系电话：13912345678</p>\r\n".encode())
    (source / "records.jsonl").write_bytes('{"text": "电话13912345678"}\r\n'.encode())
    (source / "rows.csv").write_bytes("id,text\r\n1,电话13912345678\r\n".encode())
    (source / "draft.docx").write_bytes(b"PK\x03\x04")
    (source / "site.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (source / "notes.bin").write_bytes(b"\x00\x01")  # unknown suffix in a folder: not a redaction input
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["redact", str(source), "--out", str(out), "--as-of", "2024-06-30"])
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == ["big5.txt", "page.html", "records.jsonl", "rows.csv"]
    assert (out / "big5.txt").read_bytes() == "聯絡電話：139-****-5678。\r\n".encode("big5")
    assert (out / "page.html").read_bytes() == "<p>联系电话：139****5678</p>\r\n".encode()
    assert (out / "records.jsonl").read_bytes() == '{"text": "电话139****5678"}\r\n'.encode()
    assert (out / "rows.csv").read_bytes() == "id,text\r\n1,电话139****5678\r\n".encode()
    assert f"{source / 'draft.docx'}: Word files cannot be masked in place" in result.output
    assert f"{source / 'site.zip'}: archives are not redacted" in result.output
    assert "records.jsonl: 1 value masked" in result.output


def test_cli_redact_never_overwrites_an_input_inside_out(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").write_text(SAMPLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["redact", str(out / "a.txt"), "--out", str(out), "--as-of", "2024-06-30"])
    assert result.exit_code == 2
    assert "would overwrite the input" in result.output
    assert (out / "a.txt").read_text(encoding="utf-8") == SAMPLE


def test_cli_redact_text_field_option_for_exports(tmp_path):
    (tmp_path / "e.jsonl").write_text('{"body": "电话13912345678", "text": "13912345678"}\n', encoding="utf-8")
    out = tmp_path / "out"
    args = ["redact", str(tmp_path / "e.jsonl"), "--out", str(out), "--text-field", "body", "--as-of", "2024-06-30"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert (out / "e.jsonl").read_text(encoding="utf-8") == '{"body": "电话139****5678", "text": "13912345678"}\n'
