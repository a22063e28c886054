"""Load a structured data file (``kind: formulations``, ``kind: leaders``) into its own strict model.

Term lexicons go through :func:`govscan.lexicon.load.load_lexicon`; files of another
kind carry data a check module interprets itself, but are validated the same way:
pydantic with ``extra="forbid"``, and every error names file, line and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from govscan.errors import LexiconError
from govscan.lexicon.load import read_yaml, validated

Model = TypeVar("Model", bound=BaseModel)


def load_data_file(path: Path, model: type[Model], kind: str) -> Model:
    """Parse ``path`` and validate it as ``model``; its top-level ``kind`` must be ``kind``."""
    text, data = read_yaml(path)
    if not isinstance(data, dict) or data.get("kind") != kind:
        raise LexiconError(str(path), f"expected a mapping with kind: {kind}", line=1, field="kind")
    return validated(model, data, path, text)
