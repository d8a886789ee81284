"""Facet counts over all matching documents, from per-segment docnum -> values arrays.

Whoosh's ``groupedby`` collects every match and its overlapping categorizer re-reads the
postings of the whole field on every search. Here each segment's docnum -> values array is
built once from the field's postings (segments never change, except for deletions, and deleted
documents never match) and cached on the index; a search only walks its matching docnums.
"""
from __future__ import annotations

import heapq
from collections import Counter
from itertools import chain
from typing import Any, Iterable

from searchlib.index.schema import FACET_FIELDS

__all__ = ["segment_values", "FacetCounter", "sorted_counts", "FACET_FIELDS"]


def _segment_key(reader: Any) -> str:
    return reader.segment().segment_id()


def segment_values(reader: Any, fieldname: str, cache: dict) -> list:
    """For one segment reader: a list docnum -> tuple of the field's values (cached)."""
    key = ("facet", _segment_key(reader), fieldname)
    values = cache.get(key)
    if values is None:
        values = [()] * reader.doc_count_all()
        for btext in reader.lexicon(fieldname):
            value = btext.decode("utf-8")
            for docnum in reader.postings(fieldname, btext).all_ids():
                values[docnum] += (value,)
        cache[key] = values
    return values


def prune_cache(cache: dict, live_segments: Iterable[str]) -> None:
    """Drop the arrays of segments that are gone (merged away)."""
    live = set(live_segments)
    for key in [key for key in cache if key[0] == "facet" and key[1] not in live]:
        del cache[key]


def sorted_counts(counter: Counter, top: int | None = None) -> list[dict]:
    """``[{"value", "count"}]`` by count (descending) then value."""
    order = lambda item: (-item[1], item[0])  # noqa: E731
    if top is not None and top < len(counter):
        items = heapq.nsmallest(top, counter.items(), key=order)
    else:
        items = sorted(counter.items(), key=order)
    return [{"value": value, "count": count} for value, count in items]


class FacetCounter:
    """Counts the values of ``fields`` over the docnums given per segment."""

    def __init__(self, fields: Iterable[str], cache: dict) -> None:
        self.fields = [name for name in fields]
        unknown = [name for name in self.fields if name not in FACET_FIELDS]
        if unknown:
            from searchlib.search.results import QueryError
            raise QueryError(f"unknown facet {unknown[0]!r} (use {', '.join(FACET_FIELDS)})")
        self.cache = cache
        self.counters = {name: Counter() for name in self.fields}

    def add_segment(self, reader: Any, docnums: Iterable[int]) -> int:
        """Count the values of these docnums (segment-local) of segment ``reader``."""
        docnums = docnums if isinstance(docnums, list) else list(docnums)
        for name in self.fields:
            values = segment_values(reader, name, self.cache)
            # all in C: look up each doc's row, flatten, count
            self.counters[name].update(chain.from_iterable(map(values.__getitem__, docnums)))
        return len(docnums)

    def results(self, top: int | None = None) -> dict[str, list[dict]]:
        """The counts of every field, sorted (see :func:`sorted_counts`)."""
        return {name: sorted_counts(counter, top) for name, counter in self.counters.items()}
