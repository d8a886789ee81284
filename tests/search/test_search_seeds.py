"""Searching the bundled seed articles: matches, facets, filters, sorting, JSON shape."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parents[2] / "searchlib" / "seeds"

FACETS = ["actor", "agreement", "year", "source"]


def seeds_containing(pattern: str) -> set[str]:
    """Seed file stems whose raw text matches ``pattern`` (computed from the files)."""
    return {path.stem for path in SEEDS_DIR.glob("*.txt")
            if re.search(pattern, path.read_text(encoding="utf-8"))}


def test_alievs_name_finds_every_seed(seed_index):
    results = seed_index.search("علييف")
    assert results.total == 5 == len(seeds_containing("علييف"))


def test_putin_finds_the_seeds_that_name_him(seed_index):
    results = seed_index.search("بوتين", limit=10)
    assert results.total == len(seeds_containing("بوتين")) == 4
    assert {hit.id for hit in results.hits} == {
        hit.id for hit in seed_index.search("بوتين", limit=10).hits}


def test_hamza_and_clitic_variants_match(seed_index):
    # typed without hamza; the seeds write أذربيجان
    assert seed_index.search("اذربيجان").total == len(seeds_containing("[أا]ذربيجان"))
    assert seed_index.search("وبوتين").total == seed_index.search("بوتين").total


def test_facets_count_over_all_matches(seed_index):
    results = seed_index.search("علييف", limit=1, facets=FACETS)
    assert len(results.hits) == 1 and results.total == 5
    assert set(results.facets) == set(FACETS)
    actors = {item["value"]: item["count"] for item in results.facets["actor"]}
    assert actors, "the seeds name actors"
    assert all(1 <= count <= 5 for count in actors.values())
    counts = [(-item["count"], item["value"]) for item in results.facets["actor"]]
    assert counts == sorted(counts)
    # a facet count is the number of matching documents with that value
    for value, count in list(actors.items())[:3]:
        assert seed_index.search("علييف", filters={"actor": value}).total == count
    assert sum(item["count"] for item in results.facets["year"]) <= 5
    assert all(re.fullmatch(r"\d{4}", item["value"]) for item in results.facets["year"])


def test_date_filter_keeps_exactly_that_year(seed_index):
    everything = seed_index.search("علييف", limit=10)
    in_2024 = {hit.id for hit in everything.hits if hit.date and hit.date.year == 2024}
    filtered = seed_index.search("علييف", filters={"date_from": "2024-01-01",
                                                   "date_to": "2024-12-31"})
    assert {hit.id for hit in filtered.hits} == in_2024
    assert seed_index.search("علييف AND date:2024").total == len(in_2024)
    assert seed_index.search("date:[2024-01-01 TO 2024-12-31]").total == len(in_2024)


def test_sort_by_date_is_newest_first(seed_index):
    hits = seed_index.search("علييف", sort="date").hits
    dates = [hit.date for hit in hits if hit.date]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) < len(hits), "some seeds state no date"
    undated_from = len(dates)
    assert all(hit.date is None for hit in hits[undated_from:]), "undated documents come last"
    assert all(hit.score is None for hit in hits), "no relevance score when sorted by date"


def test_paging(seed_index):
    first = seed_index.search("علييف", limit=2, page=1)
    second = seed_index.search("علييف", limit=2, page=2)
    last = seed_index.search("علييف", limit=2, page=3)
    beyond = seed_index.search("علييف", limit=2, page=4)
    pages = [hit.id for page in (first, second, last) for hit in page.hits]
    assert len(pages) == 5 == len(set(pages))
    assert beyond.hits == [] and beyond.total == 5


def test_to_dict_is_the_interface_json(seed_index):
    data = seed_index.search("بوتين", limit=3, facets=FACETS).to_dict()
    assert list(data) == ["query", "total", "page", "limit", "hits", "facets", "suggestion"]
    assert (data["query"], data["total"], data["page"], data["limit"]) == ("بوتين", 4, 1, 3)
    hit = data["hits"][0]
    assert {"id", "title", "date", "source", "actors", "agreements", "score",
            "highlights"} <= set(hit)
    assert hit["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit["date"])
    assert isinstance(hit["score"], float) and "<b>" in hit["highlights"]
    for agreement in (a for h in data["hits"] for a in h["agreements"]):
        assert set(agreement) == {"name", "type", "date"}
    for items in data["facets"].values():
        assert all(set(item) == {"value", "count"} for item in items)
    import json
    json.dumps(data)  # serializable as is


def test_actor_field_query_matches_part_of_a_name(seed_index):
    putin = [item["value"] for item in seed_index.search("بوتين", facets=["actor"])
             .facets["actor"] if "بوتين" in item["value"]]
    if not putin:
        pytest.skip("the extractor found no actor named بوتين")
    by_field = seed_index.search("actor:بوتين")
    by_filter = seed_index.search("", filters={"actor": putin[0]})
    assert by_field.total >= by_filter.total >= 1


def test_more_like_this(seed_index):
    some_id = seed_index.search("بوتين").hits[0].id
    similar = seed_index.more_like_this(some_id, limit=3)
    assert 1 <= len(similar.hits) <= 3
    assert some_id not in {hit.id for hit in similar.hits}
