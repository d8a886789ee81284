"""Metadata extraction from raw Arabic news text: ``extract(text) -> ArticleMetadata``.

Title and clean body (page furniture removed), publication date, source, actors (people,
organizations, countries under canonical names) and agreements. The knowledge lives in data
files under ``searchlib/extract/data/`` (see docs/extraction.md).

The module is also callable (``searchlib.extract(text)`` works whether ``searchlib.extract``
resolves to this module or to the function).
"""
from __future__ import annotations

import sys
import types

from searchlib.extract.actors import Actor
from searchlib.extract.core import extract
from searchlib.extract.gazetteer import gazetteer_names
from searchlib.extract.model import Agreement, ArticleMetadata

__all__ = ["extract", "gazetteer_names", "Actor", "Agreement", "ArticleMetadata"]

# ``import searchlib.extract`` binds the attribute ``searchlib.extract`` to this module, which
# would shadow the lazily re-exported function; a callable module keeps ``searchlib.extract(text)``
# working either way, and the function carries the module's helpers for the other case.
extract.gazetteer_names = gazetteer_names          # type: ignore[attr-defined]
extract.ArticleMetadata = ArticleMetadata          # type: ignore[attr-defined]
extract.Actor = Actor                              # type: ignore[attr-defined]
extract.Agreement = Agreement                      # type: ignore[attr-defined]
extract.extract = extract                          # type: ignore[attr-defined]


class _CallableModule(types.ModuleType):
    def __call__(self, text: str) -> ArticleMetadata:
        return extract(text)


sys.modules[__name__].__class__ = _CallableModule
