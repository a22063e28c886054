"""Users' own lexicon folders on the command line, and the `govscan lexicon` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from govscan.cli import cli

ROOT = Path(__file__).resolve().parent.parent
LEXICON_FIXTURES = ROOT / "fixtures" / "lexicons"
USER = LEXICON_FIXTURES / "user"
USER_BROKEN = LEXICON_FIXTURES / "user-broken"
TEXT = "请登录网上办事大厅在线办理，不要再接再励。"


def run(*arguments: str, stdin: str | None = None) -> Result:
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(arguments), input=stdin, catch_exceptions=False)


def codes_found(result: Result) -> list[tuple[str, str]]:
    """(code, matched text) of every finding, checked against the span in ``TEXT``."""
    found = []
    for file in json.loads(result.stdout)["files"]:
        for finding in file["findings"]:
            assert TEXT[finding["start"] : finding["end"]] == finding["value"]
            found.append((finding["code"], finding["value"]))
    return found


def test_user_lexicon_dir_adds_rules_to_the_packaged_ones() -> None:
    result = run("check", "--format", "json", "--lexicon-dir", str(USER), "-", stdin=TEXT)
    assert result.exit_code == 1
    assert codes_found(result) == [("LEX901", "网上办事大厅"), ("LEX401", "再接再励")]


def test_no_default_lexicons_keeps_only_the_users() -> None:
    result = run("check", "--format", "json", "--no-default-lexicons", "--lexicon-dir", str(USER), "-", stdin=TEXT)
    assert codes_found(result) == [("LEX901", "网上办事大厅")]


def test_ignore_turns_off_one_packaged_lexicon_by_code() -> None:
    result = run("check", "--format", "json", "--lexicon-dir", str(USER), "--ignore", "LEX401", "-", stdin=TEXT)
    assert codes_found(result) == [("LEX901", "网上办事大厅")]


def test_user_rules_are_listed_and_explained() -> None:
    rules = json.loads(run("rules", "--format", "json", "--lexicon-dir", str(USER)).stdout)
    assert {"code": "LEX901", "name": "local-term"}.items() <= next(r for r in rules if r["code"] == "LEX901").items()
    page = run("explain", "LEX901", "--format", "markdown", "--lexicon-dir", str(USER)).stdout
    assert "### `网上办事大厅` → `政务服务网`\n\n- Wrong: from 2020-01-01\n" in page


def test_user_term_clashing_with_a_packaged_one_is_an_error_until_that_rule_is_ignored() -> None:
    folder = LEXICON_FIXTURES / "user-takeover"
    clash = run("check", "--lexicon-dir", str(folder), "-", stdin=TEXT)
    assert clash.exit_code == 3
    assert "term '再接再励' is already defined in" in clash.stderr
    taken_over = run("check", "--format", "json", "--lexicon-dir", str(folder), "--ignore", "LEX401", "-", stdin=TEXT)
    assert taken_over.exit_code == 1
    assert codes_found(taken_over) == [("LEX902", "再接再励")]


@pytest.mark.parametrize(
    ("case", "location"),
    [
        ("invalid-yaml", "local-terms.yaml:10: invalid YAML: did not find expected key"),
        ("missing-source", "local-terms.yaml:7: entries.0.source: Field required"),
        ("unknown-field", "local-terms.yaml:9: entries.0.replacement: Extra inputs are not permitted"),
        (
            "wrong-date",
            "local-terms.yaml:9: entries.0.valid_from: "
            "Input should be a valid date or datetime, day value is outside expected range",
        ),
    ],
)
def test_broken_user_lexicon_exits_3_naming_file_and_line(case: str, location: str) -> None:
    folder = USER_BROKEN / case
    result = run("check", "--lexicon-dir", str(folder), "-", stdin=TEXT)
    assert result.exit_code == 3
    assert result.stderr == f"govscan: lexicon error: {folder}/{location}\n"
    checked = run("lexicon", "check", str(folder))
    assert checked.exit_code == 3
    assert checked.stdout == f"{folder}/{location}\n"


def test_missing_lexicon_dir_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", "--lexicon-dir", str(tmp_path / "nope"), "-", stdin=TEXT)
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_lexicon_check_is_clean_on_packaged_and_user_lexicons() -> None:
    result = run("lexicon", "check", "--lexicon-dir", str(USER))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "lexicons OK\n")


def test_lexicon_check_reports_every_problem_as_json() -> None:
    result = run("lexicon", "check", "--format", "json", str(LEXICON_FIXTURES / "lint-problems"))
    assert result.exit_code == 3
    problems = json.loads(result.stdout)
    assert [(Path(p["path"]).name, p["line"], p["kind"]) for p in problems] == [
        ("a-first.yaml", 29, "missing-source"),
        ("a-first.yaml", 31, "example"),
        ("a-first.yaml", 32, "example"),
        ("b-second.yaml", 8, "shadowed-term"),
        ("b-second.yaml", 16, "duplicate-term"),
        ("b-second.yaml", 22, "example"),
        ("c-third.yaml", 1, "duplicate-code"),
    ]


def test_lexicon_list_json_prints_every_entry_of_a_code() -> None:
    result = run("lexicon", "list", "LEX901", "--format", "json", "--lexicon-dir", str(USER))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "code": "LEX901",
            "term": "网上办事大厅",
            "suggestion": "政务服务网",
            "valid_from": "2020-01-01",
            "exceptions": [],
            "source": {"title": "网站用语规范（示例）", "issuer": "示例市政务服务数据管理局", "date": "2019-12-20"},
            "examples": {"fire": ["请登录网上办事大厅在线办理。"], "ok": ["请登录政务服务网在线办理。"]},
        }
    ]


def test_lexicon_list_table_shows_term_suggestion_dates_and_source() -> None:
    result = run("lexicon", "list", "local-term", "--lexicon-dir", str(USER), "--no-default-lexicons")
    assert result.exit_code == 0
    row = next(line for line in result.stdout.splitlines() if "LEX901" in line)
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert cells[:5] == ["LEX901", "网上办事大厅", "政务服务网", "2020-01-01", ""]
    assert cells[5] == "网站用语规范（示例）（示例市政务服务数据管理局，2019-12-20）"


def test_lexicon_list_by_prefix_and_unknown_code() -> None:
    result = run("lexicon", "list", "LEX4", "--format", "json")
    assert {row["code"] for row in json.loads(result.stdout)} == {"LEX401"}
    unknown = run("lexicon", "list", "LEX999")
    assert unknown.exit_code == 2
    assert "no lexicon matches 'LEX999'" in unknown.stderr
