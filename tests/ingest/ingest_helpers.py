"""Helpers for the ingestion tests (a uniquely named module, not conftest: other test folders have
their own conftest.py). Every bad or odd input is built in tmp_path by the tests themselves."""
from __future__ import annotations

from pathlib import Path

import pytest

from searchlib.ingest import Record, Skipped, iter_records

REPO = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO / "searchlib" / "seeds"
CORPUS_DIR = REPO / ".." / "shared" / "corpora" / "saudinewsnet"

ARABIC_SENTENCE = ("أعلن الجيش الروسي، الثلاثاء، أنه سيتسلم المعابر الحدودية بين أراضي الانفصاليين "
                   "وأوكرانيا، وقال المتحدث إن وقف إطلاق النار صامد.")


def read_all(*paths) -> tuple[list[Record], list[Skipped]]:
    """All items of iter_records(paths), split into records and skips (nothing else allowed)."""
    records, skipped = [], []
    for item in iter_records(list(paths)):
        if isinstance(item, Record):
            records.append(item)
        else:
            assert isinstance(item, Skipped), item
            skipped.append(item)
    return records, skipped


def corpus_dir() -> Path:
    """The SaudiNewsNet corpus next to the repository; skips the calling test when it is absent."""
    if not CORPUS_DIR.is_dir() or not any(CORPUS_DIR.glob("*.zip")):
        pytest.skip("SaudiNewsNet corpus not found at ../shared/corpora/saudinewsnet")
    return CORPUS_DIR
