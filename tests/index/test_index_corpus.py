"""On real SaudiNewsNet articles (skipped when ../shared/corpora/saudinewsnet is absent)."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "saudinewsnet"

pytestmark = [pytest.mark.corpus, pytest.mark.slow,
              pytest.mark.skipif(not CORPUS_DIR.is_dir(), reason="SaudiNewsNet corpus absent")]


def first_records(count: int) -> list:
    from searchlib.ingest import Record, iter_records

    zip_path = sorted(CORPUS_DIR.glob("*.zip"))[0]
    records = (item for item in iter_records([zip_path]) if isinstance(item, Record))
    return list(itertools.islice(records, count))


def test_corpus_sample_with_two_processes(new_index):
    records = first_records(150)
    index = new_index()
    report = index.add_documents([record.to_dict() for record in records], procs=2)
    assert report.indexed + len(report.skipped) == 150 and report.indexed >= 140
    again = index.add_documents([record.to_dict() for record in records], procs=2)
    assert again.unchanged == report.indexed and again.indexed == again.updated == 0
    # an article is found from its own headline, among the first hits
    found = 0
    titled = [record for record in records if record.title and len(record.title.split()) >= 4]
    for record in titled[:20]:
        hits = index.search(record.title, limit=10).hits
        found += any(hit.id == record.id or hit.title == record.title for hit in hits)
    assert found >= 0.9 * min(20, len(titled))
    stats = index.stats()
    assert stats["documents"] == report.indexed
    assert stats["facets"]["source"] and stats["facets"]["year"][0]["value"] == "2015"
