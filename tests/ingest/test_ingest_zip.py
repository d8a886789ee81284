"""Zip archives (the SaudiNewsNet layout) read in place; damaged archives reported, not fatal."""
from __future__ import annotations

import json
import zipfile

from searchlib.ingest import Skipped, iter_records

from ingest_helpers import ARABIC_SENTENCE, read_all


def _article(n: int, **fields) -> dict:
    base = {"source": "sabq", "url": f"https://sabq.org/{n}", "date_extracted":
            "2015-07-21 02:51:32", "title": f"عنوان {n}", "author": "", "content":
            f"{ARABIC_SENTENCE} {n}"}
    return {**base, **fields}


def _saudinewsnet_zip(folder, day: str, articles: list[dict]):
    path = folder / f"{day}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{day}.json", json.dumps(articles, ensure_ascii=False))
    return path


def test_saudinewsnet_zip_is_mapped(tmp_path):
    articles = [_article(0), _article(1, content=""), _article(2, title="", author="واس",
                                                                date_extracted="2015-08-02")]
    path = _saudinewsnet_zip(tmp_path, "2015-07-21", articles)
    records, skipped = read_all(path)
    assert skipped == [Skipped(f"{path}!2015-07-21.json#1", "no text")]
    first, third = records
    assert (first.id, first.url, first.text) == ("https://sabq.org/0", "https://sabq.org/0",
                                                 f"{ARABIC_SENTENCE} 0")
    assert (first.date, first.source, first.title, first.author) == ("2015-07-21", "sabq",
                                                                     "عنوان 0", None)
    assert first.origin == f"{path}!2015-07-21.json#0"
    assert (third.title, third.author, third.date) == (None, "واس", "2015-08-02")
    assert "date_extracted" not in first.extra and "content" not in first.extra


def test_folder_of_zips_in_sorted_order_and_bare_json(tmp_path):
    _saudinewsnet_zip(tmp_path, "2015-07-22", [_article(3)])
    _saudinewsnet_zip(tmp_path, "2015-07-21", [_article(1), _article(2)])
    (tmp_path / "2015-07-23.json").write_text(json.dumps([_article(4)]), encoding="utf-8")
    records, skipped = read_all(tmp_path)
    assert skipped == []
    assert [r.id for r in records] == [f"https://sabq.org/{n}" for n in (1, 2, 3, 4)]


def test_truncated_zip_is_one_skip_and_others_still_read(tmp_path):
    good = _saudinewsnet_zip(tmp_path, "2015-07-21", [_article(1)])
    data = _saudinewsnet_zip(tmp_path, "2015-07-22", [_article(n) for n in range(50)]).read_bytes()
    broken = tmp_path / "2015-07-22.zip"
    broken.write_bytes(data[: len(data) // 2])
    junk = tmp_path / "2015-07-23.zip"
    junk.write_bytes(b"this is not a zip file at all")
    records, skipped = read_all(tmp_path)
    assert [r.origin for r in records] == [f"{good}!2015-07-21.json#0"]
    assert [s.origin for s in skipped] == [str(broken), str(junk)]
    assert all(s.reason.startswith("corrupt zip file") for s in skipped)


def test_corrupt_member_data_is_reported(tmp_path):
    path = _saudinewsnet_zip(tmp_path, "2015-07-21", [_article(n) for n in range(20)])
    data = bytearray(path.read_bytes())
    # flip bytes in the compressed data (after the 30-byte local header and the member name)
    start = 30 + len("2015-07-21.json") + 10
    for offset in range(start, start + 40):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    records, skipped = read_all(path)
    assert records == []
    assert len(skipped) == 1 and skipped[0].origin == f"{path}!2015-07-21.json"
    assert skipped[0].reason.startswith("cannot read:")


def test_zip_with_mixed_members(tmp_path):
    path = tmp_path / "mixed.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("b/article.txt", ARABIC_SENTENCE)
        archive.writestr("a.jsonl", json.dumps({"id": "j", "text": ARABIC_SENTENCE}) + "\nbad\n")
        archive.writestr("notes.md", "# notes")
        archive.writestr("__MACOSX/._a.jsonl", b"\x00\x05")
        archive.writestr("empty/", b"")
    records, skipped = read_all(path)
    assert [(r.id, r.origin) for r in records] == [("j", f"{path}!a.jsonl:1"),
                                                   ("b/article", f"{path}!b/article.txt")]
    assert [s.origin for s in skipped] == [f"{path}!a.jsonl:2", f"{path}!notes.md"]
    assert skipped[1].reason.startswith("unsupported file type (.md)")


def test_zip_is_read_in_place(tmp_path):
    path = _saudinewsnet_zip(tmp_path, "2015-07-21", [_article(1)])
    before = sorted(p.name for p in tmp_path.iterdir())
    list(iter_records([path]))
    assert sorted(p.name for p in tmp_path.iterdir()) == before
