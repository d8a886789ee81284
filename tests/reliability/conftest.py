"""Fixtures for the reliability tests (the helpers live in reliability_support.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from reliability_support import SEEDS_DIR


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private working/home folder for child processes."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def seeds_index(tmp_path_factory):
    """A small index of the five seed articles, shared by a test module (read-only use)."""
    import searchlib

    ix = searchlib.create_index(tmp_path_factory.mktemp("seeds-index") / "ix")
    report = ix.index_paths([SEEDS_DIR])
    assert report.indexed == 5, report
    return ix
