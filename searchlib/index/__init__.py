"""The Whoosh index: schema, writing, incremental updates, locking.

``create_index`` / ``open_index`` give a :class:`SearchIndex`; its ``add_documents`` and
``index_paths`` return an :class:`IndexReport`. The file layout is described in
docs/index-format.md.
"""
from searchlib.index.core import SearchIndex, create_index, open_index
from searchlib.index.errors import (IndexLockedError, IndexMismatchError, IndexNotFoundError,
                                    SearchIndexError)
from searchlib.index.writing import IndexReport

__all__ = ["create_index", "open_index", "SearchIndex", "IndexReport", "IndexMismatchError",
           "IndexLockedError", "IndexNotFoundError", "SearchIndexError"]
