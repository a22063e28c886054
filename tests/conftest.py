"""Shared fixtures: one Scanner per session (building it parses every lexicon)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govscan import Scanner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def scanner() -> Scanner:
    return Scanner()


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip: only CI and the team's checkouts have that folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here: ../shared is only present in the team's checkout and CI")
    return path
