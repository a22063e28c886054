"""`govscan lexicon check` as a library: every problem, with the file and line to edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govscan.lexicon import packaged_lexicon_dir
from govscan.lexicon.lint import Problem, ProblemKind, check_lexicon_files

LEXICON_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "lexicons"
USER_BROKEN = LEXICON_FIXTURES / "user-broken"
LINT_PROBLEMS = LEXICON_FIXTURES / "lint-problems"
DAY = dt.date(2026, 1, 15)


def test_packaged_lexicons_have_no_problems() -> None:
    assert check_lexicon_files([packaged_lexicon_dir()]) == []


def test_a_users_clean_lexicon_has_no_problems() -> None:
    assert check_lexicon_files([LEXICON_FIXTURES / "user"], today=DAY) == []


@pytest.mark.parametrize(
    ("case", "line", "field", "message"),
    [
        ("invalid-yaml", 10, None, "invalid YAML: did not find expected key"),
        ("missing-source", 7, "entries.0.source", "Field required"),
        ("unknown-field", 9, "entries.0.replacement", "Extra inputs are not permitted"),
        (
            "wrong-date",
            9,
            "entries.0.valid_from",
            "Input should be a valid date or datetime, day value is outside expected range",
        ),
    ],
)
def test_schema_errors_name_file_line_and_field(case: str, line: int, field: str | None, message: str) -> None:
    path = USER_BROKEN / case / "local-terms.yaml"
    assert check_lexicon_files([USER_BROKEN / case], today=DAY) == [
        Problem(ProblemKind.SCHEMA, str(path), line, field, message)
    ]


def test_every_problem_of_a_set_of_files_is_reported_at_once() -> None:
    first, second, third = (str(LINT_PROBLEMS / name) for name in ("a-first.yaml", "b-second.yaml", "c-third.yaml"))
    problems = [str(problem) for problem in check_lexicon_files([LINT_PROBLEMS], today=DAY)]
    assert problems == [
        f"{first}:29: entries.2.source.issuer: the entry has no source issuer",
        f"{first}:31: entries.2.examples.fire.0: example does not fire 「截止到目前」 "
        "(as of 2026-01-15; found: nothing)",
        f"{first}:32: entries.2.examples.ok.0: example fires 「截止到目前」 but must not (as of 2026-01-15)",
        f"{second}:8: entries.0.term: 「办事大厅」 fires inside 「网上办事大厅」 ({first}:9) "
        "where that entry is silent, e.g. in 「原网上办事大厅已停止服务。」; "
        "give 「办事大厅」 the same exceptions or dates",
        f"{second}:16: entries.1.term: term 「政务ＡＰＰ」 is already defined at {first}:18",
        f"{second}:22: entries.1.examples.fire.0: example does not fire 「政务ＡＰＰ」 "
        "(as of 2026-01-15; found: LEX902「政务ＡＰＰ」)",
        f"{third}:1: code: LEX902 is already used by {first}:2",
    ]


def test_kinds_are_reported_as_data() -> None:
    kinds = [problem.kind for problem in check_lexicon_files([LINT_PROBLEMS], today=DAY)]
    assert kinds == [
        ProblemKind.MISSING_SOURCE,
        ProblemKind.EXAMPLE,
        ProblemKind.EXAMPLE,
        ProblemKind.SHADOWED_TERM,
        ProblemKind.DUPLICATE_TERM,
        ProblemKind.EXAMPLE,
        ProblemKind.DUPLICATE_CODE,
    ]


def test_overlap_where_the_longer_term_fires_is_not_shadowing(tmp_path: Path) -> None:
    """Both terms wrong everywhere: the engine keeps the longer hit, nothing to fix."""
    (tmp_path / "a.yaml").write_text(
        (LINT_PROBLEMS / "b-second.yaml").read_text(encoding="utf-8").split('  - term: "政务ＡＰＰ"')[0],
        encoding="utf-8",
    )
    longer = (LEXICON_FIXTURES / "user" / "local-terms.yaml").read_text(encoding="utf-8")
    (tmp_path / "b.yaml").write_text(longer.replace("    valid_from: 2020-01-01\n", ""), encoding="utf-8")
    assert check_lexicon_files([tmp_path], today=DAY) == []


def test_examples_run_on_a_day_the_entry_is_wrong(tmp_path: Path) -> None:
    """An entry wrong only until 2018 is still tested, as of its last wrong day."""
    text = (LEXICON_FIXTURES / "user" / "local-terms.yaml").read_text(encoding="utf-8")
    (tmp_path / "past.yaml").write_text(
        text.replace("valid_from: 2020-01-01", "valid_until: 2018-03-16"), encoding="utf-8"
    )
    assert check_lexicon_files([tmp_path], today=DAY) == []
    (tmp_path / "past.yaml").write_text(
        text.replace("valid_from: 2020-01-01", "valid_until: 2018-03-16").replace("网上办事大厅在线", "政务服务网在线"),
        encoding="utf-8",
    )
    assert [str(p).split(": ", 2)[2] for p in check_lexicon_files([tmp_path], today=DAY)] == [
        "example does not fire 「网上办事大厅」 (as of 2018-03-16; found: nothing)"
    ]


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    assert [str(p) for p in check_lexicon_files([tmp_path / "nope"])] == [
        f"{tmp_path / 'nope'}: no such file or folder"
    ]
