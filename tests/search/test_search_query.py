"""The query language: analysis, operators, fields, wildcards, bad queries, suggestions."""
from __future__ import annotations

import random

import pytest
from whoosh.query import Term

import searchlib
from searchlib.search import QueryError
from searchlib.search.parsing import MAX_EXPANSIONS, MAX_QUERY_CHARS, parse_query

DOCS = [
    {"id": "a", "title": "المفاوضات بين الطرفين", "text": "استؤنفت المفاوضات اليوم في العاصمة",
     "date": "2020-11-10", "source": "wire", "actors": ["فلاديمير بوتين"],
     "agreements": [{"name": "اتفاق وقف إطلاق النار", "type": "ceasefire"}]},
    {"id": "b", "title": "زيارة رسمية", "text": "وصل الرئيس إلى أذربيجان في زيارة رسمية",
     "date": "2021-03-01", "source": "paper", "actors": ["إلهام علييف"]},
    {"id": "c", "title": "أخبار متنوعة", "text": "المفاوضات حول أذربيجان متوقفة منذ شهور",
     "date": "2024-08-18", "source": "wire", "actors": ["فلاديمير بوتين", "إلهام علييف"]},
]


@pytest.fixture
def index(index_of):
    return index_of(DOCS)


def found(index, query, **options) -> set[str]:
    return {hit.id for hit in index.search(query, limit=50, **options).hits}


def test_words_go_through_the_analyzer(index):
    assert found(index, "بالمفاوضات") == {"a", "c"}
    assert found(index, "اذربيجان") == {"b", "c"}


def test_free_text_is_or_and_more_matching_words_rank_higher(index_of):
    index = index_of([
        {"id": "one", "title": "خبر", "text": "استؤنفت المفاوضات اليوم في العاصمة"},
        {"id": "both", "title": "خبر", "text": "المفاوضات بشأن أذربيجان تستأنف في العاصمة"},
        {"id": "other", "title": "خبر", "text": "وصل الرئيس إلى أذربيجان في زيارة"}])
    results = index.search("المفاوضات أذربيجان")
    assert {hit.id for hit in results.hits} == {"one", "both", "other"}
    assert results.hits[0].id == "both"


def test_title_weighs_more_than_body(index_of):
    index = index_of([{"id": "in-body", "title": "عنوان عادي", "text": "حديث عن المفاوضات هنا"},
                      {"id": "in-title", "title": "المفاوضات", "text": "حديث عن أمور أخرى هنا"}])
    assert index.search("المفاوضات").hits[0].id == "in-title"


def test_operators_phrases_and_fields(index):
    assert found(index, "المفاوضات AND أذربيجان") == {"c"}
    assert found(index, "المفاوضات NOT أذربيجان") == {"a"}
    assert found(index, '"استؤنفت المفاوضات"') == {"a"}
    assert found(index, '"المفاوضات استؤنفت"') == set()
    assert found(index, "title:المفاوضات") == {"a"}
    assert found(index, "source:wire") == {"a", "c"}
    assert found(index, "actor:بوتين") == {"a", "c"}
    assert found(index, 'actor:"إلهام علييف"') == {"b", "c"}
    assert found(index, "agreement:النار") == {"a"}
    assert found(index, "date:2024") == {"c"}
    assert found(index, "date:[2020-01-01 TO 2021-12-31]") == {"a", "b"}


def test_plus_minus_and_not(index):
    assert found(index, "المفاوضات -أذربيجان") == {"a"}
    assert found(index, "+أذربيجان المفاوضات") == {"b", "c"}
    assert found(index, "المفاوضات NOT أذربيجان") == {"a"}
    assert found(index, "covid-19 المفاوضات") == {"a", "c"}   # a hyphen inside a word is no minus


def test_fuzzy_terms(index):
    assert found(index, "أذربيجن~") == {"b", "c"}
    assert found(index, "أذربيجن") == set()
    assert found(index, "زربيجان~") == set(), "the first letter is kept"
    assert found(index, "ذربيجان~2") == set()


def test_filters_use_exact_values(index):
    assert found(index, "المفاوضات", filters={"actor": "إلهام علييف"}) == {"c"}
    assert found(index, "المفاوضات", filters={"actor": "علييف"}) == set()
    assert found(index, "", filters={"source": "wire", "date_from": "2024-01-01"}) == {"c"}
    assert found(index, "", filters={"agreement": "اتفاق وقف إطلاق النار"}) == {"a"}


def test_wildcard_terms_are_normalized_not_stemmed(index):
    schema = index.schema
    reader = index.searcher().reader()
    query = parse_query("أذرب*", schema, reader)
    expanded = {leaf.text for leaf in query.leaves() if isinstance(leaf, Term)}
    assert expanded and all(text.startswith("اذرب") for text in expanded)  # hamza folded
    assert found(index, "أذرب*") == {"b", "c"}
    assert found(index, "مفاوض*") == found(index, "المفاوضات")


def test_prefix_and_fuzzy_terms_lose_clitics_as_the_index_does(index):
    # index terms carry no article or clitic: the typed head is also searched without them
    assert found(index, "المفاوض*") == found(index, "مفاوض*") != set()
    assert found(index, "وبالمفاوض*") == found(index, "مفاوض*")
    assert found(index, "وأذرب*") == found(index, "أذرب*") == {"b", "c"}
    assert found(index, "لأذربيجن~") == found(index, "أذربيجن~") == {"b", "c"}


@pytest.mark.parametrize("query", ['"unbalanced', "((( بوتين", "AND", "OR OR", "NOT",
                                   "title:", "]]] [[", "\x00\x07 بوتين", "*", "?", "^^^",
                                   "date:[2020 TO", "actor:", "ب" * 400])
def test_any_string_gives_results_or_query_error(index, query):
    try:
        results = index.search(query, facets=["actor", "year"])
    except QueryError as error:
        assert "\n" not in str(error) and str(error)
    else:
        assert results.total >= 0


def test_malformed_queries_are_query_errors(index):
    for bad in ("date:notadate", "date:2024-02-30", "x" * (MAX_QUERY_CHARS + 1)):
        with pytest.raises(QueryError):
            index.search(bad)
    with pytest.raises(QueryError):
        index.search("بوتين", limit=0)
    with pytest.raises(QueryError):
        index.search("بوتين", sort="random")
    with pytest.raises(QueryError):
        index.search("بوتين", facets=["colour"])
    with pytest.raises(QueryError):
        index.search("بوتين", filters={"date_from": "yesterday"})
    assert issubclass(searchlib.QueryError, ValueError)


def test_wildcards_expanding_to_too_many_terms_are_refused(index_of):
    words = " ".join(f"zq{n:05d}" for n in range(MAX_EXPANSIONS + 10))
    index = index_of([{"id": "many", "title": "كلمات", "text": words}])
    with pytest.raises(QueryError, match="more than"):
        index.search("zq*")
    assert index.search("zq0000*").total == 1


def test_did_you_mean_uses_the_index_vocabulary(index_of):
    docs = [{"id": f"p{n}", "title": "خبر", "text": f"قال الرئيس بوتين في الاجتماع رقم {n}"}
            for n in range(5)]
    index = index_of(docs)
    results = index.search("بوتن")
    assert results.total == 0
    assert results.suggestion == "بوتين"
    assert index.search("بوتين").suggestion is None


def test_total_and_facets_count_every_match_not_just_the_best(index_of):
    # Whoosh's top-N collector skips matches that cannot reach the top N (block quality,
    # matcher replacement: here it would see about 120 of 600); totals and facets count all.
    rng = random.Random(1)
    docs = [{"id": f"d{n}", "title": "شائعة جدا" if n % 50 == 0 else "خبر",
             "text": " ".join(["نص"] * rng.randint(5, 200)) + " شائعة" * rng.randint(1, 4)
             + f" zq{n}", "date": f"{2000 + n % 20}-01-01", "source": f"s{n % 3}"}
            for n in range(600)]
    index = index_of(docs)
    for sort in ("relevance", "date"):
        results = index.search("شائعة", limit=3, facets=["year", "source"], sort=sort)
        assert results.total == 600
        assert sum(item["count"] for item in results.facets["year"]) == 600
        assert {item["value"]: item["count"] for item in results.facets["source"]} == {
            "s0": 200, "s1": 200, "s2": 200}
    filtered = index.search("شائعة", limit=3, filters={"source": "s1"}, facets=["source"])
    assert filtered.total == 200 and filtered.facets["source"] == [{"value": "s1", "count": 200}]
