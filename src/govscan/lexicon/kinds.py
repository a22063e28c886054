"""Loaders of the structured data files in a lexicon folder, by their top-level ``kind:``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from govscan.errors import LexiconError
from govscan.lexicon.formulations import load_formulations
from govscan.lexicon.leaders import load_leaders

DATA_KINDS: dict[str, Callable[[Path], BaseModel]] = {
    "formulations": load_formulations,
    "leaders": load_leaders,
}


def load_data_kind(path: Path, kind: str) -> BaseModel:
    """Validate a file of a non-term ``kind`` with its own schema; an unknown kind is an error."""
    if kind not in DATA_KINDS:
        raise LexiconError(str(path), f"unknown kind {kind!r} (known: terms, {', '.join(DATA_KINDS)})", field="kind")
    return DATA_KINDS[kind](path)
