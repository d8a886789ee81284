"""The metadata objects ``extract`` returns."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from searchlib.extraction.actors import Actor


@dataclass
class Agreement:
    """An agreement the article refers to.

    type: ceasefire | declaration | treaty | memorandum | statement | agreement; parties:
    canonical actor names (countries mostly) where known.
    """

    name: str
    type: str
    date: dt.date | None
    parties: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON form ``{"name", "type", "date", "parties"}`` (date as YYYY-MM-DD or null)."""
        return {"name": self.name, "type": self.type,
                "date": self.date.isoformat() if self.date else None, "parties": list(self.parties)}


@dataclass
class ArticleMetadata:
    """Everything ``extract`` reads out of one article."""

    title: str
    date: dt.date | None
    source: str | None
    actors: list[Actor]
    agreements: list[Agreement]
    mentioned_dates: list[dt.date]
    body: str

    def to_dict(self) -> dict:
        """The ``extract`` JSON of docs/interface.md."""
        return {
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "actors": [a.to_dict() for a in self.actors],
            "agreements": [g.to_dict() for g in self.agreements],
            "mentioned_dates": [d.isoformat() for d in self.mentioned_dates],
            "body": self.body,
        }
