"""Metadata extraction from raw Arabic news text: ``extract(text) -> ArticleMetadata``.

Title and clean body (page furniture removed), publication date, source, actors (people,
organizations, countries under canonical names) and agreements. The knowledge lives in data
files under ``searchlib/extraction/data/`` (see docs/extraction.md).
"""
from __future__ import annotations

from searchlib.extraction.actors import Actor
from searchlib.extraction.core import extract
from searchlib.extraction.gazetteer import gazetteer_names
from searchlib.extraction.model import Agreement, ArticleMetadata

__all__ = ["extract", "gazetteer_names", "Actor", "Agreement", "ArticleMetadata"]
