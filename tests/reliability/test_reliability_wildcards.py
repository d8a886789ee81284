"""Wildcard, prefix and fuzzy queries that could expand to thousands of terms stay bounded.

The index holds 30,000 distinct made-up Arabic words sharing a few prefixes; each query must come
back with results or a QueryError. The time bound is a hang guard (generous for a shared 2-core
machine), not a benchmark.
"""
from __future__ import annotations

import itertools
import time

import pytest

import searchlib
from searchlib import QueryError

LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
HANG_GUARD_SECONDS = 20


@pytest.fixture(scope="module")
def many_terms_index(tmp_path_factory):
    words = ["كتب" + "".join(combo) for combo in itertools.product(LETTERS, repeat=3)][:30_000]
    docs = [{"id": f"terms-{n}", "title": f"وثيقة {n}", "text": " ".join(words[n::200]), "source": "terms"}
            for n in range(200)]
    ix = searchlib.create_index(tmp_path_factory.mktemp("many-terms") / "ix")
    assert ix.add_documents(docs).indexed == len(docs)
    return ix


@pytest.mark.parametrize("query", ["كتب*", "ك*", "*", "*ب", "?*", "???*", "*ت*", "كتب?ب?",
                                   "كتبببب~2", "كتب* OR ك* OR *ب", "title:*", '"كتب* ك*"',
                                   "text:كتب*"])
def test_expanding_queries_are_bounded(many_terms_index, query):
    started = time.monotonic()
    try:
        results = many_terms_index.search(query, limit=10, facets=["year", "source"])
    except QueryError as error:
        assert str(error).strip() and "\n" not in str(error).strip()
    else:
        assert results.total >= len(results.hits)
        results.to_dict()
    assert time.monotonic() - started < HANG_GUARD_SECONDS
