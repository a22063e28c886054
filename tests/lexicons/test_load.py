"""Lexicon files are checked on load; every error names the file, line and field."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from govscan.errors import LexiconError
from govscan.lexicon import load_lexicon, load_lexicons, packaged_lexicon_dir

BROKEN = FIXTURES / "lexicons" / "broken"


def test_packaged_lexicons_load_and_ship_with_the_package() -> None:
    assert (packaged_lexicon_dir() / "typos.yaml").is_file()
    assert "LEX401" in {lx.code for lx in load_lexicons()}


@pytest.mark.parametrize(
    ("name", "line", "field", "message"),
    [
        ("bad_yaml.yaml", 9, None, "invalid YAML: did not find expected key"),
        ("no_source.yaml", 11, "entries.1.source", "Field required"),
        ("unknown_field.yaml", 8, "entries.0.sugestion", "Extra inputs are not permitted"),
        ("duplicate_term.yaml", 10, "entries.1.term", "duplicate term '甲乙' (first at entries.0)"),
    ],
)
def test_broken_file_names_file_line_and_field(name: str, line: int, field: str | None, message: str) -> None:
    with pytest.raises(LexiconError) as caught:
        load_lexicon(BROKEN / name)
    error = caught.value
    assert (error.path, error.line, error.field, error.message) == (str(BROKEN / name), line, field, message)
    assert str(error).startswith(f"{BROKEN / name}:{line}")


def test_folder_with_a_broken_file_fails_as_a_whole() -> None:
    with pytest.raises(LexiconError):
        load_lexicons([BROKEN])


def test_missing_folder_is_an_error(tmp_path) -> None:
    with pytest.raises(LexiconError, match="lexicon folder does not exist"):
        load_lexicons([tmp_path / "nope"])
