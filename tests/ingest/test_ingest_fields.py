"""Field coercion: ids, dates, absurd titles and texts, lists that are not lists."""
from __future__ import annotations

import json

import pytest

from searchlib.ingest import (MAX_TEXT_CHARS, MAX_TITLE_CHARS, Record, Skipped, normalize_date,
                              record_from_object)

from ingest_helpers import ARABIC_SENTENCE, read_all


def _one(**fields) -> Record | Skipped:
    return record_from_object({"text": ARABIC_SENTENCE, **fields}, "t.jsonl:1")


@pytest.mark.parametrize("given,expected", [(42, "42"), (42.0, "42"), (" a-1 ", "a-1"),
                                            ("", None), (0, "0")])
def test_ids_are_strings(given, expected):
    assert _one(id=given).id == expected


@pytest.mark.parametrize("given", [True, [1], {"a": 1}, 1.5, "x" * 1001])
def test_ids_that_cannot_be_ids_skip_the_record(given):
    skipped = _one(id=given)
    assert isinstance(skipped, Skipped) and skipped.origin == "t.jsonl:1"
    assert "id" in skipped.reason


def test_url_is_the_id_when_there_is_none():
    assert _one(url="http://x/1").id == "http://x/1"
    assert _one(id="own", url="http://x/1").id == "own"


@pytest.mark.parametrize("given,expected", [
    ("2024-08-18", "2024-08-18"), ("2015-07-21 02:51:32", "2015-07-21"),
    ("2015-07-21 2:51:32", "2015-07-21"), ("2024-08-18T10:20:30Z", "2024-08-18"),
    ("2024-08-18T10:20:30.5+03:00", "2024-08-18"), ("2024/8/1", "2024-08-01"),
    ("2024-13-45", None), ("2024-02-30", None), ("yesterday", None), ("18/08/2024", None),
    ("2024-08-18 garbage", None), ("2024-08-18T10:20", "2024-08-18"),
    ("2024-08-18 25:00:00", None), ("2024-08-18T10:61", None), ("  2024-08-18  ", "2024-08-18"),
    ("20240818", None), ("", None)])
def test_normalize_date(given, expected):
    assert normalize_date(given) == expected


def test_bad_date_keeps_record_drops_date_with_warning():
    record = _one(date="2024-13-45")
    assert isinstance(record, Record) and record.date is None
    assert record.warnings == ["date ignored: '2024-13-45' is not a valid date"]
    record = _one(date=20240818)
    assert record.date is None and record.warnings


def test_huge_title_is_cut_with_warning(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"id": "t", "title": "ع" * 10_000, "text": ARABIC_SENTENCE}),
                    encoding="utf-8")
    (record,), _ = read_all(path)
    assert len(record.title) == MAX_TITLE_CHARS
    assert record.warnings == [f"title cut from 10,000 to {MAX_TITLE_CHARS:,} characters"]


def test_huge_text_is_skipped_but_large_text_accepted():
    big = _one(text="ب " * (MAX_TEXT_CHARS // 2))
    assert isinstance(big, Record) and len(big.text) == MAX_TEXT_CHARS
    too_big = _one(text="ب " * (MAX_TEXT_CHARS // 2 + 1))
    assert isinstance(too_big, Skipped) and too_big.reason.startswith("text too large")


def test_lists_that_are_not_lists_are_coerced():
    record = _one(actors="بوتين", agreements={"name": "هدنة", "type": "ceasefire"})
    assert record.actors == ["بوتين"]
    assert record.agreements == [{"name": "هدنة", "type": "ceasefire"}]
    record = _one(actors=["بوتين", None, "  ", 7], agreements="هدنة")
    assert record.actors == ["بوتين", "7"] and record.agreements == ["هدنة"]
    assert record.warnings == ["actors: item of type null ignored"]
    record = _one(actors=5)
    assert record.actors is None and record.warnings == ["actors ignored: expected a list, got number"]
    assert _one(actors=[]).actors == []  # given as empty: kept, not re-extracted


def test_strings_are_stripped_and_odd_types_dropped():
    record = _one(title="  عنوان  ", source=7, author={"name": "x"}, url="")
    assert (record.title, record.source, record.author, record.url) == ("عنوان", "7", None, None)
    assert record.warnings == ["author ignored: expected a string, got object"]


def test_text_wins_over_content_which_stays_in_extra():
    record = record_from_object({"text": "أ", "content": "ب"}, "o")
    assert record.text == "أ" and record.extra == {"content": "ب"}
    assert record_from_object({"text": "", "content": "ب"}, "o").text == "ب"
    assert record_from_object({"text": ["فقرة", "أخرى"]}, "o").text == "فقرة\n\nأخرى"
