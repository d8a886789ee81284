"""Creating, opening, validating and locking an index."""
from __future__ import annotations

import pickle

import pytest

import searchlib
from searchlib.analyzers import AnalyzerConfig
from searchlib.index import IndexNotFoundError
from index_helpers import article


def test_opening_with_another_analyzer_config_is_a_mismatch(new_index, tmp_path):
    new_index().add_documents([article(1)])
    with pytest.raises(searchlib.IndexMismatchError, match="rebuild"):
        searchlib.open_index(tmp_path / "ix", AnalyzerConfig(stem=False))
    with pytest.raises(searchlib.IndexMismatchError):
        searchlib.create_index(tmp_path / "ix", AnalyzerConfig(stopwords=False))
    assert searchlib.open_index(tmp_path / "ix").search("zqmark1").total == 1


def test_signature_change_is_a_mismatch(new_index, tmp_path):
    import json

    new_index()
    meta_file = tmp_path / "ix" / "searchlib.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["analyzer"]["signature"] += ";older"
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(searchlib.IndexMismatchError, match="another version"):
        searchlib.open_index(tmp_path / "ix")


def test_a_folder_that_is_not_an_index_is_a_clear_error(tmp_path):
    (tmp_path / "plain").mkdir()
    with pytest.raises(IndexNotFoundError, match="not a searchlib index"):
        searchlib.open_index(tmp_path / "plain")
    with pytest.raises(IndexNotFoundError, match="no such index folder"):
        searchlib.open_index(tmp_path / "missing")


def test_create_on_existing_index_opens_it_or_overwrites(new_index, tmp_path):
    new_index().add_documents([article(1)])
    assert searchlib.create_index(tmp_path / "ix").search("zqmark1").total == 1
    fresh = searchlib.create_index(tmp_path / "ix", overwrite=True)
    assert fresh.search("zqmark1").total == 0
    assert len(fresh) == 0


def test_a_second_writer_times_out_with_index_locked_error(new_index, tmp_path):
    index = new_index()
    other = searchlib.open_index(tmp_path / "ix", lock_timeout=0.3)
    writer = index._open_writer()          # holds the lock like a long indexing run
    try:
        with pytest.raises(searchlib.IndexLockedError, match="another process is writing"):
            other.add_documents([article(1)])
        with pytest.raises(searchlib.IndexLockedError):
            other.delete(["doc-1"])
    finally:
        writer.cancel()
    assert other.add_documents([article(1)]).indexed == 1


def test_readers_see_new_commits(new_index, tmp_path):
    index = new_index()
    reader = searchlib.open_index(tmp_path / "ix")
    assert reader.search("zqmark1").total == 0
    index.add_documents([article(1)])
    assert reader.search("zqmark1").total == 1


def test_schema_pickles_with_its_analyzer(new_index):
    schema = new_index().schema
    copy = pickle.loads(pickle.dumps(schema))
    text = "وقال بُوتِين إن المفاوضات مستمرة"
    assert ([t.text for t in copy["body"].analyzer(text)]
            == [t.text for t in schema["body"].analyzer(text)])
    assert list(copy["body"].prepare(text)) == list(schema["body"].index(text))


def test_stats(new_index, seeds_dir):
    index = new_index()
    index.index_paths([seeds_dir])
    stats = index.stats()
    assert stats["documents"] == 5
    assert stats["analyzer"]["signature"] == AnalyzerConfig().signature()
    assert stats["size_bytes"] > 0 and stats["last_commit"]
    assert stats["terms"]["body"] > 100
    assert set(stats["facets"]) == {"actor", "agreement", "year", "source"}
