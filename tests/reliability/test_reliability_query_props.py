"""Property tests: any query string gives results or a QueryError, never another exception.

The strategies mix arbitrary Unicode with Arabic-heavy text (letters, diacritics, tatweel), the
query syntax's operators and special characters (quotes, brackets, ``*?~:^``), real and unknown
field names, control characters and very long strings. The index is the five seed articles.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import searchlib
from searchlib import QueryError, SearchResults

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)]          # hamza .. yeh
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]   # tanwin, harakat, shadda, sukun, dagger alef
TATWEEL = "\u0640"
SYNTAX = ['"', "'", "(", ")", "[", "]", "{", "}", "*", "?", "~", ":", "^", "-", "+", "!", "\\", "/",
          "<", ">", "=", " TO ", " AND ", " OR ", " NOT ", " ANDNOT ", " ANDMAYBE ", "&&", "||"]
FIELDS = ["title:", "text:", "body:", "actor:", "actors:", "agreement:", "source:", "date:", "year:",
          "id:", "nosuchfield:", "ت:", "عنوان:"]
WORDS = ["بوتين", "علييف", "وقف", "إطلاق", "النار", "الاتفاقية", "روسيا", "أذربيجان", "مُحَمَّدٌ",
         "الـــرئيس", "لبوتين", "2020", "نوفمبر"]
CONTROL = [chr(c) for c in range(0, 32)] + ["\x7f", "\u200f", "\u200e", "\u202e", "\ufeff", "\u200d"]

arabic_char = st.sampled_from(ARABIC_LETTERS + DIACRITICS + [TATWEEL, " "])
query_piece = st.one_of(
    st.text(arabic_char, min_size=1, max_size=12),
    st.sampled_from(SYNTAX),
    st.sampled_from(FIELDS),
    st.sampled_from(WORDS),
    st.sampled_from(CONTROL),
    st.text(min_size=1, max_size=6),                      # any Unicode, surrogates excluded
)
arabic_heavy_query = st.lists(query_piece, min_size=0, max_size=25).map("".join)
any_query = st.one_of(st.text(max_size=200), arabic_heavy_query)

# A noisy, shared 2-core machine: no per-example deadline (the whole-call bound is asserted below
# only as a hang guard), and a modest number of examples so the module stays within seconds.
PROPS = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _search_or_query_error(ix, query: str, **kwargs):
    try:
        results = ix.search(query, **kwargs)
    except QueryError as error:
        message = str(error)
        assert message and "\n" not in message.strip(), f"QueryError must be one line: {message!r}"
        return None
    assert isinstance(results, SearchResults)
    assert results.total >= len(results.hits)
    results.to_dict()   # every result must serialise (the CLI's --json path)
    return results


@PROPS
@given(query=any_query)
def test_any_query_gives_results_or_query_error(seeds_index, query):
    _search_or_query_error(seeds_index, query)


@PROPS
@given(query=arabic_heavy_query, page=st.integers(min_value=1, max_value=5),
       limit=st.integers(min_value=1, max_value=50))
def test_any_query_with_facets_and_paging(seeds_index, query, page, limit):
    results = _search_or_query_error(seeds_index, query, page=page, limit=limit,
                                     facets=["actor", "agreement", "year", "source"])
    if results is not None:
        assert len(results.hits) <= limit


@PROPS
@given(text=st.one_of(st.text(max_size=300), arabic_heavy_query))
def test_analyzer_offsets_stay_inside_the_original_text(text):
    tokens = searchlib.analyze_tokens(text)
    assert [t["term"] for t in tokens] == searchlib.analyze(text)
    for token in tokens:
        assert token["term"], "an empty term must never be emitted"
        assert 0 <= token["start"] < token["end"] <= len(text)


@PROPS
@given(text=st.one_of(st.text(max_size=300), arabic_heavy_query))
def test_normalize_is_total_and_idempotent(text):
    once = searchlib.normalize(text)
    assert isinstance(once, str)
    assert searchlib.normalize(once) == once


@pytest.mark.parametrize("query", [
    '"', '"بوتين', 'بوتين"', "(", ")", "((بوتين", "بوتين))", "[", "[2020 TO", "{a TO b]",
    "AND", "OR", "NOT", "AND OR NOT", "بوتين AND", "OR بوتين", "NOT NOT NOT", "-", "+", "*", "?",
    "~", "^", ":", "::", "title:", ":بوتين", "nosuchfield:بوتين", "title:(", "date:[2020",
    "date:garbage", "date:[2024-13-45 TO 2025-99-99]", "year:abc", "بوتين~999", "بوتين^abc",
    "بوتين^", "\\", "\\\\\\", "\x00", "\x00بوتين\x1b[31m", "\u202eبوتين", "ـــــ", "ًٌٍَُِّْ",
    " ", "", "\n\t\r",
])
def test_hand_picked_hostile_queries(seeds_index, query):
    _search_or_query_error(seeds_index, query)


def test_huge_query_is_bounded(seeds_index):
    words = ["بوتين", "علييف", "وقف", "النار", "(", ")", '"', "OR", "AND", "*"]
    huge = " ".join(words[i % len(words)] for i in range(20_000))      # ~120,000 characters
    _search_or_query_error(seeds_index, huge)
    _search_or_query_error(seeds_index, "(" * 5_000 + "بوتين" + ")" * 5_000)
    _search_or_query_error(seeds_index, '"' + "بوتين " * 5_000 + '"')
