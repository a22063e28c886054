"""The term-lexicon loader skips files that declare another ``kind:``; those load through their own schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from govscan.errors import LexiconError
from govscan.lexicon import load_lexicons, packaged_lexicon_dir
from govscan.lexicon.data_file import load_data_file
from govscan.lexicon.formulations import Formulations
from govscan.lexicon.load import file_kind


def test_packaged_kinds() -> None:
    folder = packaged_lexicon_dir()
    assert file_kind(folder / "formulations.yaml") == "formulations"
    assert file_kind(folder / "leaders.yaml") == "leaders"
    assert file_kind(folder / "typos.yaml") == "terms"


def test_term_loader_skips_other_kinds() -> None:
    codes = {lexicon.code for lexicon in load_lexicons()}
    assert "LEX401" in codes
    assert not codes & {"LEX302", "LEX303"}


def test_nested_kind_key_does_not_count(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("code: LEX999\nentries:\n  - kind: formulations\n", encoding="utf-8")
    assert file_kind(path) == "terms"


def test_data_file_of_the_wrong_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("kind: leaders\ncode: LEX302\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_data_file(path, Formulations, "formulations")
    assert (caught.value.line, caught.value.field) == (1, "kind")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("kind: formulations\ncode: [LEX302\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_data_file(path, Formulations, "formulations")
    assert caught.value.line == 3
