"""The Whoosh schema of a searchlib index (see docs/index-format.md).

Two kinds of fields for actors and agreements: ``actor``/``agreement`` hold one exact term per
canonical name (filters and facets; names with spaces are single terms), ``actor_text`` /
``agreement_text`` hold the same names through the Arabic analyzer so that the query
``actor:بوتين`` finds "فلاديمير بوتين".
"""
from __future__ import annotations

from typing import Any, Iterator

from whoosh import fields

__all__ = ["build_schema", "PreparedText", "PreparedPostings", "FACET_FIELDS", "TEXT_FIELDS"]

#: The fields whose values are counted as facets (exact terms, several per document allowed).
FACET_FIELDS = ("actor", "agreement", "year", "source")
#: The analyzed fields (same analyzer for all of them).
TEXT_FIELDS = ("title", "body", "actor_text", "agreement_text")


class PreparedPostings(tuple):
    """A field value whose postings were already computed (by an indexing worker process).

    Holds ``(term bytes, frequency, weight, encoded value)`` tuples, exactly what
    :meth:`whoosh.fields.FieldType.index` yields, so the writer process only writes them.
    """

    __slots__ = ()


class PreparedText(fields.TEXT):
    """A TEXT field that also accepts :class:`PreparedPostings` instead of text.

    Analysis is the expensive part of indexing; doing it in worker processes lets ``procs=N``
    use every core while one process writes the segment.
    """

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple]:
        """The field's postings: taken as given for prepared values, else from the analyzer."""
        if isinstance(value, PreparedPostings):
            return iter(value)
        return super().index(value, **kwargs)

    def prepare(self, value: str) -> PreparedPostings:
        """Analyze ``value`` now (in any process) into :class:`PreparedPostings`."""
        return PreparedPostings(fields.TEXT.index(self, value))


def build_schema(analyzer: Any) -> fields.Schema:
    """The schema, with ``analyzer`` (from ``searchlib.analyzers.build_analyzer``) on text fields."""
    def text(stored: bool) -> PreparedText:
        return PreparedText(analyzer=analyzer, stored=stored, phrase=True)

    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        content_hash=fields.ID(sortable=True),
        title=text(stored=True),
        body=text(stored=True),
        date=fields.DATETIME(stored=True, sortable=True),
        # the sort key for "newest first": the date's day number, 0 for undated documents so
        # that they come last (a missing DATETIME sorts as the largest value)
        date_order=fields.NUMERIC(int, bits=32, signed=False, sortable=True, default=0),
        year=fields.ID(stored=False),
        source=fields.ID(stored=True),
        url=fields.STORED(),
        author=fields.STORED(),
        # ID fields given a list of strings index each string as one term (no analysis)
        actor=fields.ID(stored=True),
        actor_text=text(stored=False),
        agreement=fields.ID(stored=True),
        agreement_text=text(stored=False),
        agreements_json=fields.STORED(),
    )
