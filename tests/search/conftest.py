"""Fixtures for the search tests: a seed index shared by a module, small purpose-built ones."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO / "searchlib" / "seeds"
CORPUS_DIR = REPO / ".." / "shared" / "corpora" / "saudinewsnet"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    """The five seed articles, indexed once per test module (do not write to it)."""
    import searchlib

    index = searchlib.create_index(tmp_path_factory.mktemp("seeds") / "ix")
    assert index.index_paths([SEEDS_DIR]).indexed == 5
    yield index
    index.close()


@pytest.fixture
def index_of(tmp_path):
    """A factory: an index holding the given JSONL-style documents."""
    import searchlib

    made = []

    def make(docs, name="ix"):
        index = searchlib.create_index(tmp_path / name)
        report = index.add_documents(docs)
        assert not report.skipped, report.skipped
        made.append(index)
        return index

    yield make
    for index in made:
        index.close()
