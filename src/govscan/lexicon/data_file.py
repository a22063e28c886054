"""Load a structured data file (``kind: formulations``, ``kind: leaders``) into its own strict model.

Term lexicons go through :func:`govscan.lexicon.load.load_lexicon`; files of another
kind carry data a check module interprets itself, but are validated the same way:
pydantic with ``extra="forbid"``, and every error names file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from govscan.errors import LexiconError
from govscan.lexicon.load import _line_of

Model = TypeVar("Model", bound=BaseModel)


def load_data_file(path: Path, model: type[Model], kind: str) -> Model:
    """Parse ``path`` and validate it as ``model``; its top-level ``kind`` must be ``kind``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(str(path), f"cannot read file: {error}") from error
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise LexiconError(str(path), f"invalid YAML: {problem}", line=mark.line + 1 if mark else None) from error
    if not isinstance(data, dict) or data.get("kind") != kind:
        raise LexiconError(str(path), f"expected a mapping with kind: {kind}", line=1, field="kind")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        raise LexiconError(
            str(path),
            first["msg"],
            line=_line_of(root, location),
            field=".".join(str(part) for part in location) or None,
        ) from error
