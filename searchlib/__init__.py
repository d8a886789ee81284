"""searchlib: Arabic news made searchable.

Normalizes and light-stems Arabic, extracts each article's title, date, actors and agreements,
keeps everything in an embedded Whoosh index and answers queries with ranked, highlighted hits
and facet counts.

The public names are re-exported here and imported lazily, so ``import searchlib`` stays cheap
for the command line and for worker processes.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    # analysis
    "analyze": "searchlib.analyzers",
    "analyze_tokens": "searchlib.analyzers",
    "normalize": "searchlib.analyzers",
    "normalize_term": "searchlib.analyzers",
    "AnalyzerConfig": "searchlib.analyzers",
    "build_analyzer": "searchlib.analyzers",
    # extraction
    "extract": "searchlib.extraction",
    "ArticleMetadata": "searchlib.extraction",
    "Actor": "searchlib.extraction",
    "Agreement": "searchlib.extraction",
    # ingestion
    "iter_records": "searchlib.ingest",
    "Record": "searchlib.ingest",
    "Skipped": "searchlib.ingest",
    "InputError": "searchlib.ingest",
    # index and search
    "create_index": "searchlib.index",
    "open_index": "searchlib.index",
    "SearchIndex": "searchlib.index",
    "IndexReport": "searchlib.index",
    "IndexMismatchError": "searchlib.index",
    "IndexLockedError": "searchlib.index",
    "IndexNotFoundError": "searchlib.index",
    "SearchIndexError": "searchlib.index",
    "SearchResults": "searchlib.search",
    "Hit": "searchlib.search",
    "QueryError": "searchlib.search",
    # the embedded default index
    "default_index": "searchlib.embedded",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from searchlib.analyzers import (AnalyzerConfig, analyze, analyze_tokens, build_analyzer,
                                     normalize, normalize_term)
    from searchlib.embedded import default_index
    from searchlib.extraction import Actor, Agreement, ArticleMetadata, extract
    from searchlib.index import (IndexLockedError, IndexMismatchError, IndexNotFoundError,
                                 IndexReport, SearchIndex, SearchIndexError, create_index,
                                 open_index)
    from searchlib.ingest import InputError, Record, Skipped, iter_records
    from searchlib.search import Hit, QueryError, SearchResults


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'searchlib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
