"""What a search returns: :class:`SearchResults` of :class:`Hit`; ``to_dict()`` is the JSON."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Hit", "SearchResults", "QueryError"]


class QueryError(ValueError):
    """A query that cannot be run; the message is one line that says what is wrong."""


@dataclass
class Hit:
    """One matching document.

    ``highlights`` is HTML: the document's text escaped, matched words in ``<b>...</b>``,
    fragments joined by `` ... ``. ``highlights_text`` is the same plain text (unescaped, no
    marks) and ``highlight_spans`` the ``(start, end)`` of each match inside it, for terminals.
    """

    id: str
    title: str
    date: dt.date | None
    source: str | None
    actors: list[str]
    agreements: list[dict]
    score: float | None    # None when sorted by date
    highlights: str = ""
    highlights_text: str = ""
    highlight_spans: list[tuple[int, int]] = field(default_factory=list)
    url: str | None = None
    author: str | None = None

    def to_dict(self) -> dict:
        """The hit as in the ``search`` JSON of the interface (plus url/author when known)."""
        out = {"id": self.id, "title": self.title,
               "date": self.date.isoformat() if self.date else None,
               "source": self.source, "actors": list(self.actors),
               "agreements": [{"name": a.get("name"), "type": a.get("type"),
                               "date": a.get("date")} for a in self.agreements],
               "score": None if self.score is None else round(self.score, 4),
               "highlights": self.highlights}
        if self.url:
            out["url"] = self.url
        if self.author:
            out["author"] = self.author
        return out


@dataclass
class SearchResults:
    """A page of hits, the total number of matches, facet counts and a "did you mean".

    ``facets`` maps a facet name (actor, agreement, year, source) to ``[{"value", "count"}]``
    over ALL matching documents, sorted by count (descending) then value; years are strings.
    ``suggestion`` is a corrected query string, or None.
    """

    query: str
    total: int
    page: int
    limit: int
    hits: list[Hit]
    facets: dict[str, list[dict]] = field(default_factory=dict)
    suggestion: str | None = None

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):
        return iter(self.hits)

    @property
    def pages(self) -> int:
        """How many pages of ``limit`` hits the matches fill."""
        return (self.total + self.limit - 1) // self.limit if self.limit else 0

    def to_dict(self) -> dict[str, Any]:
        """Exactly the ``search`` JSON of the interface."""
        return {"query": self.query, "total": self.total, "page": self.page,
                "limit": self.limit, "hits": [hit.to_dict() for hit in self.hits],
                "facets": {name: [dict(item) for item in items]
                           for name, items in self.facets.items()},
                "suggestion": self.suggestion}
