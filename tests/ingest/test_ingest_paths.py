"""What the user gives: missing paths, unsupported files, hidden files, symbolic links, duplicates."""
from __future__ import annotations

import json
import os

import pytest

from searchlib.ingest import InputError, Skipped, estimate_total, iter_records

from ingest_helpers import ARABIC_SENTENCE, SEEDS_DIR, read_all


def test_missing_path_raises_before_anything_is_read(tmp_path):
    missing = tmp_path / "nope" / "news.jsonl"
    with pytest.raises(InputError) as caught:
        iter_records([SEEDS_DIR, missing])
    message = str(caught.value)
    assert str(missing) in message and "\n" not in message


def test_broken_top_level_symlink_raises(tmp_path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="broken symbolic link"):
        iter_records([link])


def test_unsupported_files_are_reported_and_hidden_ones_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    records, skipped = read_all(tmp_path)
    assert [r.id for r in records] == ["a"]
    assert [s.origin for s in skipped] == [str(tmp_path / "photo.png")]
    assert skipped[0].reason.startswith("unsupported file type (.png)")


def test_explicit_unsupported_file_is_reported(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("id,text\n1,x\n", encoding="utf-8")
    (skip,) = list(iter_records([path]))
    assert skip.origin == str(path) and skip.reason.startswith("unsupported file type (.csv)")


def test_symlink_loop_is_reported_once_and_does_not_hang(tmp_path):
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(".", target_is_directory=True)
    records, skipped = read_all(root)
    assert [r.id for r in records] == ["sub/a"]
    assert sorted(s.origin for s in skipped) == [str(root / "self"), str(root / "sub" / "loop")]
    assert all(s.reason.startswith("symbolic link loop") for s in skipped)


def test_linked_folder_is_followed_once(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(real, target_is_directory=True)
    records, skipped = read_all(top)
    assert [r.id for r in records] == ["linked/a"]
    records, skipped = read_all(top, real)
    assert [r.id for r in records] == ["linked/a"]
    assert skipped == [Skipped(str(real), f"already read as {top / 'linked'}")]


def test_same_file_given_twice_is_read_once(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC_SENTENCE, encoding="utf-8")
    records, skipped = read_all(path, tmp_path)
    assert len(records) == 1
    assert skipped == [Skipped(str(tmp_path / "a.txt"), f"already read as {path}")]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert list(iter_records([tmp_path])) == [Skipped(str(tmp_path / "pipe.txt"),
                                                      "not a regular file")]


def test_estimate_total(tmp_path):
    (tmp_path / "a.txt").write_text(ARABIC_SENTENCE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps({"text": "x"}) for _ in range(3))
                                      + "\n\n", encoding="utf-8")
    assert estimate_total([tmp_path]) == 4 == len(list(iter_records([tmp_path])))
    (tmp_path / "c.json").write_text("[]", encoding="utf-8")
    assert estimate_total([tmp_path]) is None
    with pytest.raises(InputError):
        estimate_total([tmp_path / "missing"])
