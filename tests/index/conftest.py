"""Fixtures for the index tests: the bundled seeds and small JSONL-style documents."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO / "searchlib" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    """The five bundled seed articles."""
    return SEEDS_DIR


@pytest.fixture
def new_index(tmp_path):
    """A factory for empty indexes in the test's temp folder."""
    import searchlib

    made = []

    def make(name: str = "ix", **options):
        index = searchlib.create_index(tmp_path / name, **options)
        made.append(index)
        return index

    yield make
    for index in made:
        index.close()
