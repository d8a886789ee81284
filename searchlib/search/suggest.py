""""Did you mean": corrections from the index's own vocabulary, shown as words users know.

Index terms are normalized and stemmed (بوتين, اتفاقيه); a suggestion replaces a query word whose
term is rare or absent by the closest frequent term (Damerau-Levenshtein, via Whoosh's reader
by scanning the terms that share its first letter), then maps that term back to a surface form: the shortest spelling of it found in a
document that contains it, without diacritics or tatweel.
"""
from __future__ import annotations

from typing import Any

from whoosh import query as wq

from searchlib.search.parsing import fuzzy_terms

__all__ = ["suggest"]

MIN_TERM_CHARS = 3
FIELD = "body"


def _surface(searcher: Any, analyzer: Any, term: str) -> str | None:
    from pyarabic import araby

    spellings: set[str] = set()
    for hit in searcher.search(wq.Term(FIELD, term), limit=3):
        text = hit.get(FIELD) or ""
        for token in analyzer(text, chars=True, mode="index"):
            if token.text == term:
                spellings.add(araby.strip_tatweel(araby.strip_diacritics(
                    text[token.startchar:token.endchar])))
    if not spellings:
        return None
    return min(spellings, key=lambda word: (len(word), word))


def _correction(searcher: Any, term: str) -> str | None:
    reader = searcher.reader()
    current = reader.doc_frequency(FIELD, term)
    best: tuple[int, int, str] | None = None
    for maxdist in (1, 2):
        if maxdist == 2 and len(term) < 5:
            break
        for candidate in fuzzy_terms(reader, FIELD, term, maxdist, 1):
            if candidate == term:
                continue
            frequency = reader.doc_frequency(FIELD, candidate)
            if frequency > max(2, 3 * current) and (best is None or frequency > best[1]):
                best = (maxdist, frequency, candidate)
        if best:
            break
    return best[2] if best else None


def suggest(searcher: Any, analyzer: Any, query_text: str) -> str | None:
    """The query with misspelt words replaced, or None when nothing better is known."""
    replacements: list[tuple[int, int, str]] = []
    for token in analyzer(query_text, chars=True, mode="query"):
        term = token.text
        if len(term) < MIN_TERM_CHARS or not any("\u0600" <= ch <= "\u06ff" or ch.isalpha()
                                                   for ch in term):
            continue
        surface_text = query_text[token.startchar:token.endchar]
        following = query_text[token.endchar:token.endchar + 1]
        if following in ("*", "?", "~", ":") or surface_text in ("AND", "OR", "NOT", "TO"):
            continue   # a pattern, a field name or an operator, not a word to correct
        correction = _correction(searcher, term)
        if correction:
            surface = _surface(searcher, analyzer, correction)
            if surface:
                replacements.append((token.startchar, token.endchar, surface))
    if not replacements:
        return None
    out = query_text
    for start, end, surface in reversed(replacements):
        out = out[:start] + surface + out[end:]
    return out if out != query_text else None
