"""Query parsing, search, facets, highlights, suggestions and more-like-this.

``SearchIndex.search`` / ``more_like_this`` / ``stats`` (in :mod:`searchlib.index`) call the
functions here; results are :class:`SearchResults` of :class:`Hit`.
"""
from searchlib.search.results import Hit, QueryError, SearchResults
from searchlib.search.engine import index_stats, more_like_this, search

__all__ = ["Hit", "QueryError", "SearchResults", "search", "more_like_this", "index_stats"]
