"""Running a search on a SearchIndex: hits, total, facets, highlights, suggestion."""
from __future__ import annotations

import datetime as dt
import os
from typing import Any, Iterable, Mapping

from whoosh import query as wq
from whoosh.collectors import FilterCollector, SortingCollector, TopCollector

from searchlib.index.documents import agreements_from_json
from searchlib.index.schema import FACET_FIELDS, TEXT_FIELDS
from searchlib.isodates import to_date
from searchlib.search.facets import FacetCounter, prune_cache
from searchlib.search.highlight import highlight
from searchlib.search.parsing import _nodes, filter_query, parse_query
from searchlib.search.results import Hit, QueryError, SearchResults
from searchlib.search.suggest import suggest

__all__ = ["search", "more_like_this", "index_stats", "MAX_LIMIT", "SUGGEST_BELOW", "FACET_LIMIT"]

MAX_LIMIT = 1000
MAX_PAGE = 10_000
#: A suggestion is offered when a query finds fewer documents than this.
SUGGEST_BELOW = 3
#: Facet values returned per facet by default (the most frequent).
FACET_LIMIT = 20


def _check_paging(limit: Any, page: Any) -> tuple[int, int]:
    try:
        limit, page = int(limit), int(page)
    except (TypeError, ValueError):
        raise QueryError(f"limit and page must be integers, got {limit!r} and {page!r}") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, got {page}")
    return limit, page


def _query_words(q: Any, reader: Any) -> frozenset[str]:
    """The index terms the query looks for in the text fields (wildcards expanded)."""
    words: set[str] = set()
    for node in _nodes(q):
        fieldname = getattr(node, "fieldname", None)
        if fieldname not in TEXT_FIELDS:
            continue
        if isinstance(node, (wq.MultiTerm, wq.FuzzyTerm)):
            # bounded: parse_query refused patterns with more expansions than MAX_EXPANSIONS
            words.update(text.decode("utf-8") if isinstance(text, bytes) else text
                         for text in node._btexts(reader))
        elif isinstance(node, wq.Term):
            words.add(node.text)
        elif isinstance(node, wq.Phrase):
            words.update(node.words)
    return frozenset(words)


def make_hit(index: Any, stored: Mapping, score: float | None,
             words: frozenset[str]) -> Hit:
    """A :class:`Hit` from a document's stored fields, highlighted for ``words``."""
    snippet = highlight(stored.get("body") or "", index.analyzer, words)
    return Hit(id=stored["id"], title=stored.get("title") or "", date=to_date(stored.get("date")),
               source=stored.get("source"), actors=list(stored.get("actor") or []),
               agreements=agreements_from_json(stored.get("agreements_json")),
               score=None if score is None else float(score), highlights=snippet.html,
               highlights_text=snippet.text, highlight_spans=snippet.spans,
               url=stored.get("url"), author=stored.get("author"))


class _Recording:
    """Collector mix-in: remembers every matching docnum of each segment while collecting.

    One pass over the matches both ranks the page and gives the total and facet counts (the
    block-quality skipping of Whoosh's TopCollector is turned off: every match is visited).
    """

    def _start_recording(self) -> None:
        self.per_segment: list[tuple[Any, list[int]]] = []
        self._docnums: list[int] = []

    def set_subsearcher(self, subsearcher: Any, offset: int) -> None:
        super().set_subsearcher(subsearcher, offset)
        self._docnums = []
        self.per_segment.append((subsearcher.reader(), self._docnums))

    def collect(self, sub_docnum: int) -> Any:
        self._docnums.append(sub_docnum)
        return super().collect(sub_docnum)


class _RecordingTopCollector(_Recording, TopCollector):
    def __init__(self, limit: int) -> None:
        # no block-quality skipping and no matcher replacement: both drop low-scoring matches
        TopCollector.__init__(self, limit=limit, usequality=False, replace=0)
        self._start_recording()


class _RecordingSortingCollector(_Recording, SortingCollector):
    def __init__(self, sortedby: str, limit: int, reverse: bool) -> None:
        SortingCollector.__init__(self, sortedby, limit=limit, reverse=reverse)
        self._start_recording()


def _segment_id(reader: Any) -> str | None:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else None


def _count_recorded(per_segment: list, counter: FacetCounter | None, cache: dict) -> int:
    total = 0
    for reader, docnums in per_segment:
        total += len(docnums)
        if counter is not None and docnums and _segment_id(reader) is not None:
            counter.add_segment(reader, docnums)
    return total


def _count_matches(searcher: Any, q: Any, counter: FacetCounter | None, cache: dict) -> int:
    """Matches of ``q`` (and their facet values) without scoring."""
    per_segment = []
    for subsearcher, _offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        if _segment_id(reader) is None or reader.doc_count_all() == 0:
            continue    # an empty index has an EmptyReader without segment
        matcher = q.matcher(subsearcher, subsearcher.boolean_context())
        per_segment.append((reader, list(matcher.all_ids()) if matcher.is_active() else []))
    return _count_recorded(per_segment, counter, cache)


def _prune(searcher: Any, cache: dict) -> None:
    prune_cache(cache, filter(None, (_segment_id(sub.reader())
                                     for sub, _offset in searcher.leaf_searchers())))


def search(index: Any, query: str, limit: int = 10, page: int = 1,
           filters: Mapping[str, Any] | None = None, facets: Iterable[str] | None = None,
           sort: str = "relevance", facet_limit: int | None = FACET_LIMIT) -> SearchResults:
    """Search ``index`` (a SearchIndex); see SearchIndex.search and the interface doc.

    ``facets``: names among actor, agreement, year, source (None: none), each counted over all
    matches and cut to the ``facet_limit`` most frequent values (None: all). ``sort``:
    ``relevance`` or ``date`` (newest first). Raises QueryError for a bad query or argument.
    """
    limit, page = _check_paging(limit, page)
    if sort not in ("relevance", "date"):
        raise QueryError(f"sort must be 'relevance' or 'date', not {sort!r}")
    facet_names = list(facets) if facets else []
    searcher = index.searcher()
    user_query = parse_query(query, index.schema, searcher.reader())
    restriction = filter_query(filters)

    counter = FacetCounter(facet_names, index._caches) if facet_names else None
    first = (page - 1) * limit
    if sort == "date":
        collector: Any = _RecordingSortingCollector("date_order", first + limit, reverse=True)
    else:
        collector = _RecordingTopCollector(first + limit)
    outer = collector if restriction is None else FilterCollector(collector, allow=restriction)
    searcher.search_with_collector(user_query, outer)
    total = _count_recorded(collector.per_segment, counter, index._caches)
    _prune(searcher, index._caches)

    hits: list[Hit] = []
    if first < total:
        words = _query_words(user_query, searcher.reader())
        for hit in outer.results()[first:first + limit]:
            # sorted by date, Whoosh's "score" is the sort key: no relevance score to show
            score = hit.score if sort == "relevance" else None
            hits.append(make_hit(index, hit.fields(), score, words))

    suggestion = None
    if total < SUGGEST_BELOW and isinstance(query, str) and query.strip():
        suggestion = suggest(searcher, index.analyzer, query)
    return SearchResults(query=query, total=total, page=page, limit=limit, hits=hits,
                         facets=counter.results(facet_limit) if counter else {},
                         suggestion=suggestion)


def more_like_this(index: Any, doc_id: str, limit: int = 10) -> SearchResults:
    """Documents most similar to ``doc_id`` (by the key terms of its body and title)."""
    limit, _page = _check_paging(limit, 1)
    searcher = index.searcher()
    docnum = searcher.document_number(id=doc_id)
    if docnum is None:
        raise QueryError(f"no document with id {doc_id!r}")
    stored = searcher.stored_fields(docnum)
    text = f"{stored.get('title') or ''}\n{stored.get('body') or ''}"
    key_terms = [term for term, _weight in searcher.key_terms_from_text("body", text, numterms=15)]
    results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=15)
    words = frozenset(key_terms)
    hits = [make_hit(index, hit.fields(), hit.score, words) for hit in results]
    return SearchResults(query=f"more like {doc_id}", total=len(hits), page=1, limit=limit,
                         hits=hits)


def _file_size(entry: Any) -> int:
    try:
        return entry.stat().st_size if entry.is_file() else 0
    except FileNotFoundError:        # a writer in another process renamed or removed it
        return 0


def _folder_size(path: Any) -> int:
    return sum(map(_file_size, os.scandir(path)))


def _mtime(path: Any) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def index_stats(index: Any, top: int = 10) -> dict:
    """What ``searchlib stats`` shows: counts, vocabulary sizes, top facet values, files."""
    searcher = index.searcher()
    reader = searcher.reader()
    counter = FacetCounter(FACET_FIELDS, index._caches)
    documents = _count_matches(searcher, wq.Every(), counter, index._caches)
    _prune(searcher, index._caches)
    newest = max(map(_mtime, index.path.glob("_MAIN_*.toc")), default=0.0)
    last_commit = (dt.datetime.fromtimestamp(newest, dt.timezone.utc).isoformat(timespec="seconds")
                   if newest else None)
    return {
        "path": str(index.path),
        "documents": documents,
        "deleted": reader.doc_count_all() - reader.doc_count(),
        "segments": len(searcher.leaf_searchers()),
        "terms": {name: sum(1 for _ in reader.lexicon(name)) for name in TEXT_FIELDS},
        "tokens": {name: reader.field_length(name) for name in ("title", "body")},
        "facets": counter.results(top=top),
        "analyzer": {"signature": index.config.signature(),
                     "config": {"stem": index.config.stem, "stopwords": index.config.stopwords,
                                "protected": list(index.config.protected)}},
        "size_bytes": _folder_size(index.path),
        "last_commit": last_commit,
        "generation": index._ix.latest_generation(),
    }
