"""Folders and .txt files: one article per file, ids from the relative path."""
from __future__ import annotations

import os

from searchlib.ingest import Record, iter_records

from ingest_helpers import ARABIC_SENTENCE, SEEDS_DIR, read_all


def test_seed_folder_yields_five_records_with_whole_text():
    records, skipped = read_all(SEEDS_DIR)
    assert skipped == []
    assert len(records) == 5
    files = sorted(SEEDS_DIR.glob("*.txt"))
    assert [r.id for r in records] == [f.stem for f in files]
    for record, path in zip(records, files):
        assert record.text == path.read_text(encoding="utf-8")
        assert record.origin == os.path.join(str(SEEDS_DIR), path.name)
        assert record.title is None and record.date is None and record.actors is None


def test_single_txt_file_id_is_its_stem(tmp_path):
    article = tmp_path / "2024" / "news-1.txt"
    article.parent.mkdir()
    article.write_text(ARABIC_SENTENCE, encoding="utf-8")
    (record,) = list(iter_records([article]))
    assert record.id == "news-1"
    assert record.text == ARABIC_SENTENCE


def test_nested_folder_ids_are_relative_paths_without_suffix(tmp_path):
    for rel in ["b/z.txt", "a.txt", "b/c/d.TXT"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARABIC_SENTENCE + rel, encoding="utf-8")
    records, skipped = read_all(tmp_path)
    assert skipped == []
    # a folder's files first, then its subfolders, each in sorted order
    assert [r.id for r in records] == ["a", "b/z", "b/c/d"]
    assert records[2].text.endswith("b/c/d.TXT")


def test_order_is_deterministic(tmp_path):
    for name in ["c.txt", "a.txt", "b.txt"]:
        (tmp_path / name).write_text(ARABIC_SENTENCE, encoding="utf-8")
    first = [r.origin for r in iter_records([tmp_path])]
    assert first == [str(tmp_path / n) for n in ["a.txt", "b.txt", "c.txt"]]
    assert [r.origin for r in iter_records([tmp_path])] == first


def test_iter_records_is_lazy_generator(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    items = iter_records([tmp_path])
    assert iter(items) is items
    assert isinstance(next(items), Record)


def test_a_single_path_string_is_not_split_into_characters():
    records = list(iter_records(str(SEEDS_DIR)))
    assert len(records) == 5
