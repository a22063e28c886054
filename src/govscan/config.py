"""Project configuration: ``[tool.govscan]`` in ``pyproject.toml`` or the top level of ``govscan.toml``.

Looked up from the current folder upwards (the first folder holding either
file wins; ``govscan.toml`` before ``pyproject.toml``), or named with
``--config``. Values are validated by pydantic (unknown keys are errors, so a
typo does not silently do nothing); command-line options override them.
Relative lexicon folders are resolved against the config file's folder.

Example::

    [tool.govscan]
    select = ["PII", "LEX"]
    ignore = ["LEX401"]
    fail-on = "error"
    lexicons = ["lexicons/local"]
    exclude = ["*/attachments/*"]
    text-field = "content.body"
    id-field = "article_id"
    [tool.govscan.limits]
    max-member-bytes = 33554432
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from govscan.batch import ScanSpec, Walk, default_jobs
from govscan.errors import ConfigError
from govscan.sources.limits import Limits
from govscan.sources.options import ReadOptions, RecordFields

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILES = ("govscan.toml", "pyproject.toml")


class _Section(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, alias_generator=lambda n: n.replace("_", "-")
    )


class LimitsConfig(_Section):
    max_member_bytes: int | None = Field(default=None, gt=0)
    max_ratio: float | None = Field(default=None, gt=1)
    max_total_bytes: int | None = Field(default=None, gt=0)


class Config(_Section):
    select: list[str] = []
    ignore: list[str] = []
    fail_on: Literal["error", "warning", "note", "never"] | None = None
    lexicons: list[Path] = []
    include: list[str] = []
    exclude: list[str] = []
    jobs: int | None = Field(default=None, ge=1)
    text_field: str | None = None
    title_field: str | None = None
    id_field: str | None = None
    date_field: str | None = None
    limits: LimitsConfig = LimitsConfig()


def find_config(start: Path) -> Path | None:
    """The config file governing ``start``: the nearest folder upwards holding one."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name == "govscan.toml" or _has_section(candidate)):
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    """The validated config in ``path`` (an empty Config when there is none)."""
    if path is None:
        return Config()
    data = _read_toml(path)
    section = data if path.name != "pyproject.toml" else data.get("tool", {}).get("govscan", {})
    where = "[tool.govscan]" if path.name == "pyproject.toml" else "govscan.toml"
    try:
        config = Config.model_validate(section)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}" for e in error.errors()
        )
        raise ConfigError(f"{path}: {where}: {problems}") from error
    lexicons = [folder if folder.is_absolute() else path.parent / folder for folder in config.lexicons]
    return config.model_copy(update={"lexicons": lexicons})


def _has_section(path: Path) -> bool:
    return "govscan" in _read_toml(path).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error


def settings(
    config: Config,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    fail_on: str | None = None,
    lexicons: tuple[Path, ...] = (),
    default_lexicons: bool = True,
    include: tuple[str, ...] = (),
    exclude: tuple[str, ...] = (),
    jobs: int | None = None,
    text_field: str | None = None,
    title_field: str | None = None,
    id_field: str | None = None,
    date_field: str | None = None,
    as_of: dt.date | None = None,
) -> Settings:
    """Command-line values over config values over defaults."""
    defaults = RecordFields()
    fields = RecordFields(
        text=text_field or config.text_field or defaults.text,
        title=title_field or config.title_field or defaults.title,
        id=id_field or config.id_field or defaults.id,
        date=date_field or config.date_field or defaults.date,
    )
    limit_values = {k: v for k, v in config.limits.model_dump().items() if v is not None}
    spec = ScanSpec(
        select=select or tuple(config.select),
        ignore=ignore or tuple(config.ignore),
        lexicon_dirs=lexicons or tuple(config.lexicons),
        default_lexicons=default_lexicons,
        as_of=as_of,
        read=ReadOptions(fields=fields, limits=Limits(**limit_values)),
    )
    walk = Walk(include=include or tuple(config.include), exclude=exclude or tuple(config.exclude))
    return Settings(
        spec=spec, walk=walk, jobs=jobs or config.jobs or default_jobs(), fail_on=fail_on or config.fail_on or "warning"
    )


@dataclass(frozen=True)
class Settings:
    """Everything a batch run needs, resolved."""

    spec: ScanSpec
    walk: Walk
    jobs: int
    fail_on: str
