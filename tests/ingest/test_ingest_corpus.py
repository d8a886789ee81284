"""The real SaudiNewsNet corpus (skipped when ../shared/corpora/saudinewsnet is absent)."""
from __future__ import annotations

import json
import zipfile

import pytest

from searchlib.ingest import Record, Skipped, iter_records

from ingest_helpers import corpus_dir

pytestmark = pytest.mark.corpus


def test_one_zip_yields_every_article_with_text_and_unique_ids():
    day = sorted(corpus_dir().glob("*.zip"))[0]
    with zipfile.ZipFile(day) as archive:
        (member,) = archive.namelist()
        articles = json.loads(archive.read(member))
    with_text = [a for a in articles if a["content"].strip()]

    items = list(iter_records([day]))
    records = [item for item in items if isinstance(item, Record)]
    skipped = [item for item in items if isinstance(item, Skipped)]
    assert len(records) == len(with_text)
    assert len(records) + len(skipped) == len(articles)
    assert {s.reason for s in skipped} <= {"no text"}
    assert len({r.id for r in records}) == len(records)
    assert [r.url for r in records] == [a["url"] for a in with_text]
    assert all(r.date == a["date_extracted"][:10] for r, a in zip(records, with_text))
    assert all(r.origin.startswith(f"{day}!{member}#") for r in records)


def test_whole_corpus_folder_every_article_read_or_reported():
    folder = corpus_dir()
    zips = sorted(folder.glob("*.zip"))
    expected_with_text = total = 0
    for day in zips:
        with zipfile.ZipFile(day) as archive:
            for member in archive.namelist():
                articles = json.loads(archive.read(member))
                total += len(articles)
                expected_with_text += sum(1 for a in articles if a["content"].strip())
    others = [p for p in folder.iterdir() if p.suffix != ".zip" and not p.name.startswith(".")]

    ids, skipped = set(), []
    records = 0
    for item in iter_records([folder]):
        if isinstance(item, Record):
            records += 1
            ids.add(item.id)
            assert item.date is not None and item.url == item.id
        else:
            skipped.append(item)
    assert records == expected_with_text == len(ids)
    assert records + len(skipped) == total + len(others)
    assert sum(1 for s in skipped if s.reason == "no text") == total - expected_with_text
