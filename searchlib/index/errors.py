"""The errors the index raises; each message is one line that says what to do."""
from __future__ import annotations

__all__ = ["SearchIndexError", "IndexMismatchError", "IndexLockedError", "IndexNotFoundError"]


class SearchIndexError(Exception):
    """Base class of every error raised by :mod:`searchlib.index`."""


class IndexMismatchError(SearchIndexError):
    """The index was built with another analyzer configuration or version: rebuild it."""


class IndexLockedError(SearchIndexError):
    """Another writer held the index's write lock for longer than the timeout."""


class IndexNotFoundError(SearchIndexError, FileNotFoundError):
    """The folder does not exist or holds no searchlib index."""
