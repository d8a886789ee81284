"""User query string -> Whoosh query, with the limits that keep every query cheap.

The language is Whoosh's (phrases in quotes, AND/OR/NOT, parentheses, ``field:`` prefixes,
``field:[a TO b]`` ranges, ``*``/``?`` wildcards, ``word~`` fuzzy terms) with these choices:

* free text matches any of its words and ranks documents matching more of them higher
  (``OrGroup.factory(0.9)``, like Elasticsearch's ``match``), in title and body, title boosted;
* ``actor:`` and ``agreement:`` search the analyzed names (``actor:بوتين`` finds
  "فلاديمير بوتين"); ``source:`` and ``year:`` are exact; ``date:2024`` and
  ``date:[2020-01-01 TO 2021-12-31]`` are date ranges;
* ``+word`` requires and ``-word`` excludes a word; ``a b NOT c`` means (a OR b) without c;
* wildcard, prefix and fuzzy terms are normalized only, never stemmed; fuzzy terms (``word~``,
  ``word~2``; at most 2 edits) keep the word's first letter;
* a query longer than ``MAX_QUERY_CHARS``, with more than ``MAX_CLAUSES`` terms, or whose
  wildcards/fuzzy terms expand to more than ``MAX_EXPANSIONS`` index terms is a QueryError.
"""
from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from typing import Any, Iterable, Iterator, Mapping

from whoosh import query as wq
from whoosh.support.levenshtein import distance
from whoosh.qparser import (FieldAliasPlugin, FuzzyTermPlugin, MultifieldPlugin, OrGroup,
                            PlusMinusPlugin, QueryParser)

from searchlib.index.schema import TEXT_FIELDS
from searchlib.isodates import to_date
from searchlib.search.results import QueryError

__all__ = ["parse_query", "filter_query", "MAX_QUERY_CHARS", "MAX_CLAUSES", "MAX_EXPANSIONS",
           "FIELD_BOOSTS"]

MAX_QUERY_CHARS = 1000
MAX_CLAUSES = 256
MAX_EXPANSIONS = 1024
MAX_FUZZY_DISTANCE = 2
#: BM25F per-field weights for free text (see docs/index-format.md for the experiment).
FIELD_BOOSTS = {"title": 2.0, "body": 1.0}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PATTERN_TYPES = (wq.Wildcard, wq.Prefix, wq.FuzzyTerm, wq.Regex)
_EXPANDED_TYPES = (wq.Wildcard, wq.Prefix, wq.FuzzyTerm, wq.Regex, wq.TermRange)
_DATE_FIELDS = ("date",)
_WILDCARD_SPLIT = re.compile(r"([*?])")


def _normalize_pattern(text: str) -> str:
    from searchlib.analyzers import normalize_term

    # normalize each literal piece; the wildcard characters stay where they are
    return "".join(piece if piece in ("*", "?") else normalize_term(piece)
                   for piece in _WILDCARD_SPLIT.split(text))


def _pattern_query(termclass: Any, fieldname: str, pattern: str, boost: float) -> Any:
    """The pattern as typed (normalized) and, where they differ, with the clitics of its literal
    head taken off as the index takes them off: the index holds ``اتفاق…``, not ``الاتفاق…``.

    A fuzzy term takes only the stripped form (the plugin sets its distance on the query it
    gets back, so it must stay one FuzzyTerm); its edits then cover the suffixes.
    """
    from searchlib.analyzers import strip_clitics

    head = _WILDCARD_SPLIT.split(pattern, maxsplit=1)[0]
    stripped = strip_clitics(head) if head else head
    if issubclass(termclass, wq.FuzzyTerm):
        return termclass(fieldname, stripped + pattern[len(head):], boost=boost)
    typed = termclass(fieldname, pattern, boost=boost)
    if stripped == head:
        return typed
    return wq.Or([typed, termclass(fieldname, stripped + pattern[len(head):], boost=boost)])


class _SearchParser(QueryParser):
    """MultifieldParser whose wildcard/prefix/fuzzy terms skip stemming (normalize only)."""

    def term_query(self, fieldname: str, text: str, termclass: Any, boost: float = 1.0,
                   tokenize: bool = True, removestops: bool = True) -> Any:
        if issubclass(termclass, _PATTERN_TYPES) and fieldname in TEXT_FIELDS:
            pattern = _normalize_pattern(text)
            if not pattern.strip("*?"):
                # a lone "*" means everything (as in Elasticsearch's query_string)
                return wq.Every(fieldname) if "*" in pattern else None
            return _pattern_query(termclass, fieldname, pattern, boost)
        return super().term_query(fieldname, text, termclass, boost=boost,
                                  tokenize=tokenize, removestops=removestops)


def build_parser(schema: Any) -> QueryParser:
    """The query parser for ``schema`` (see the module docstring)."""
    parser = _SearchParser(None, schema, group=OrGroup.factory(0.9))
    parser.add_plugin(MultifieldPlugin(list(FIELD_BOOSTS), fieldboosts=FIELD_BOOSTS))
    parser.add_plugin(FuzzyTermPlugin())
    # +word / -word only at the start of a word: "covid-19" stays one word
    parser.add_plugin(PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    parser.add_plugin(FieldAliasPlugin({"actor_text": ["actor"],
                                        "agreement_text": ["agreement"]}))
    return parser


def _nodes(q: Any) -> Iterable[Any]:
    yield q
    if not q.is_leaf():
        for child in q.children():
            yield from _nodes(child)


def _prohibit_nots(q: Any) -> Any:
    """``a b NOT c`` means (a OR b) and not c, as in Lucene, not a OR b OR (not c)."""
    if q.is_leaf():
        return q
    q = q.apply(_prohibit_nots)
    if isinstance(q, wq.Or):
        negatives = [child.query for child in q.subqueries if isinstance(child, wq.Not)]
        if negatives:
            positives = [child for child in q.subqueries if not isinstance(child, wq.Not)]
            kept = copy.copy(q)
            kept.subqueries = positives
            base = (kept if len(positives) > 1 else positives[0]) if positives else wq.Every()
            excluded = negatives[0] if len(negatives) == 1 else wq.Or(negatives)
            return wq.AndNot(base, excluded)
    return q


def fuzzy_terms(reader: Any, fieldname: str, text: str, maxdist: int,
                prefix: int) -> Iterator[str]:
    """Index terms of ``fieldname`` within ``maxdist`` edits of ``text`` sharing its first
    ``prefix`` characters (at least 1 for words of 3+ characters).

    Whoosh's own ``terms_within`` builds a Levenshtein automaton per segment and field, which
    takes seconds for Arabic's alphabet; scanning the prefix's terms with a length filter is
    predictable and fast.
    """
    prefix = max(prefix, 1) if len(text) >= 3 else prefix
    seen: set[str] = set()
    for btext in reader.expand_prefix(fieldname, text[:prefix]):
        word = btext.decode("utf-8")
        if abs(len(word) - len(text)) <= maxdist and word not in seen \
                and distance(word, text, limit=maxdist) <= maxdist:
            seen.add(word)
            yield word


def _expansions(leaf: Any, reader: Any) -> list[str]:
    if isinstance(leaf, wq.FuzzyTerm):
        terms = fuzzy_terms(reader, leaf.fieldname, leaf.text,
                            min(leaf.maxdist, MAX_FUZZY_DISTANCE), leaf.prefixlength)
    else:
        terms = (t.decode("utf-8") if isinstance(t, bytes) else t for t in leaf._btexts(reader))
    found = list(itertools.islice(terms, MAX_EXPANSIONS + 1))
    if len(found) > MAX_EXPANSIONS:
        raise QueryError(f"{leaf} matches more than {MAX_EXPANSIONS} different words; "
                         "make it more specific")
    return found


class _HasField(wq.Every):
    """``field:*`` (and a bare ``*``): the documents with some text in the field.

    Whoosh's ``Every(field)`` reads the posting list of every term of the field, so its cost
    grows with the vocabulary (seconds at 10,000 terms); the field-length column answers the
    same question in one pass over the documents.
    """

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        from whoosh import matching

        reader = searcher.reader()
        field = searcher.schema[self.fieldname] if self.fieldname in searcher.schema else None
        if field is None or not field.scorable:
            return super().matcher(searcher, context)
        doclist = [docnum for docnum in reader.all_doc_ids()
                   if (reader.doc_field_length(docnum, self.fieldname, 0) or 0) > 0]
        return matching.ListMatcher(doclist, all_weights=self.boost)


def _expand(q: Any, reader: Any) -> Any:
    """Wildcard, prefix, fuzzy and term-range leaves become an Or of the terms they match,
    computed once (bounded) and reused for matching and for highlighting."""
    if type(q) is wq.Every and q.fieldname:
        return _HasField(q.fieldname, boost=q.boost)
    if isinstance(q, _EXPANDED_TYPES) and getattr(q, "fieldname", None) not in _DATE_FIELDS:
        terms = _expansions(q, reader)
        if not terms:
            return wq.NullQuery
        return wq.Or([wq.Term(q.fieldname, term, boost=q.boost) for term in terms])
    if q.is_leaf():
        return q
    return q.apply(lambda child: _expand(child, reader))


def _check(q: Any, reader: Any) -> Any:
    nodes = list(_nodes(q))
    errors = [node.error for node in nodes if getattr(node, "error", None)]
    if errors:
        raise QueryError(f"cannot parse the query: {errors[0]} (dates are written date:2024, "
                         "date:2024-08-18 or date:[2020-01-01 TO 2021-12-31])")
    leaves = [node for node in nodes if node.is_leaf()]
    if len(leaves) > MAX_CLAUSES:
        raise QueryError(f"query has too many terms ({len(leaves)} > {MAX_CLAUSES})")
    return _expand(q, reader)


def parse_query(text: str, schema: Any, reader: Any) -> Any:
    """The Whoosh query for the user's query string (``Every`` for an empty one).

    Raises :class:`QueryError` (one line) when the query is malformed or too expensive.
    """
    if not isinstance(text, str):
        raise QueryError(f"the query must be a string, not {type(text).__name__}")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text)} characters > {MAX_QUERY_CHARS})")
    text = _CONTROL.sub(" ", text).strip()
    if not text:
        return wq.Every()
    try:
        q = build_parser(schema).parse(text)
    except QueryError:
        raise
    except Exception as error:  # Whoosh's parser is lenient; anything it raises is a bad query
        raise QueryError(f"cannot parse the query: {error}") from None
    if q is None:
        return wq.NullQuery
    try:
        q = _prohibit_nots(q).normalize()
        return _check(q, reader)
    except QueryError:
        raise
    except RecursionError:
        raise QueryError("query nested too deeply") from None
    except Exception as error:
        raise QueryError(f"cannot parse the query: {error}") from None


def _as_date(value: Any, what: str) -> dt.date:
    try:
        date = to_date(value)
    except (ValueError, TypeError):
        date = None
    if date is None:
        raise QueryError(f"{what}: {value!r} is not a YYYY-MM-DD date")
    return date


_FILTER_FIELDS = {"actor": "actor", "agreement": "agreement", "source": "source", "year": "year"}


def filter_query(filters: Mapping[str, Any] | None) -> Any:
    """A Whoosh query for the exact-value filters, or None.

    Keys: ``actor``, ``agreement``, ``source``, ``year`` (a value or a list: all must match),
    ``date_from`` / ``date_to`` (inclusive, YYYY-MM-DD). None or empty values are ignored.
    """
    if not filters:
        return None
    clauses = []
    for key, value in filters.items():
        if value is None or value == "" or value == []:
            continue
        if key in _FILTER_FIELDS:
            values = value if isinstance(value, (list, tuple, set)) else [value]
            for item in values:
                clauses.append(wq.Term(_FILTER_FIELDS[key], " ".join(str(item).split())))
        elif key not in ("date_from", "date_to"):
            raise QueryError(f"unknown filter {key!r} (use actor, agreement, source, year, "
                             "date_from, date_to)")
    start = filters.get("date_from")
    end = filters.get("date_to")
    if start or end:
        start_date = _as_date(start, "date_from") if start else None
        end_date = _as_date(end, "date_to") if end else None
        if start_date and end_date and start_date > end_date:
            raise QueryError(f"date_from {start_date} is after date_to {end_date}")
        clauses.append(wq.DateRange(
            "date",
            dt.datetime.combine(start_date, dt.time.min) if start_date else None,
            dt.datetime.combine(end_date, dt.time.max) if end_date else None))
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)
