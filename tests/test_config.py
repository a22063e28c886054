"""Config: [tool.govscan] / govscan.toml found upwards, validated with clear errors, overridden by the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from govscan.config import Config, find_config, load_config, settings
from govscan.errors import ConfigError


def test_pyproject_section_is_found_from_a_subfolder_and_validated(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.govscan]\nselect = ["PII"]\nfail-on = "error"\nlexicons = ["lex"]\ntext-field = "content.body"\n'
        "[tool.govscan.limits]\nmax-member-bytes = 1000\n",
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    path = find_config(tmp_path / "sub")
    assert path == tmp_path / "pyproject.toml"
    config = load_config(path)
    assert (config.select, config.fail_on, config.text_field) == (["PII"], "error", "content.body")
    assert config.lexicons == [tmp_path / "lex"]
    assert config.limits.max_member_bytes == 1000


def test_pyproject_without_the_section_is_skipped_for_govscan_toml_higher_up(tmp_path: Path) -> None:
    (tmp_path / "govscan.toml").write_text('ignore = ["LEX4"]\n', encoding="utf-8")
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path / "proj") == tmp_path / "govscan.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[tool.govscan]\nfail_onn = "error"\n', r"\[tool.govscan\]: fail_onn: Extra inputs are not permitted"),
        ('[tool.govscan]\nfail-on = "sometimes"\n', "fail-on: Input should be 'error', 'warning', 'note' or 'never'"),
        ("[tool.govscan]\njobs = 0\n", "jobs: Input should be greater than or equal to 1"),
        ("[tool.govscan\n", "invalid TOML"),
    ],
)
def test_invalid_config_names_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_command_line_overrides_config() -> None:
    config = Config.model_validate({"select": ["PII"], "fail-on": "error", "jobs": 3, "id-field": "meta.id"})
    resolved = settings(config, select=("LEX",), jobs=1)
    assert (resolved.spec.select, resolved.fail_on, resolved.jobs) == (("LEX",), "error", 1)
    assert resolved.spec.read.fields.id == "meta.id"
    assert settings(Config()).fail_on == "warning"
