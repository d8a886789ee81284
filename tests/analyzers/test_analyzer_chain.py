"""The public analyzer API: build_analyzer, analyze, analyze_tokens, normalize_term, config."""
import json
import pickle
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from searchlib.analyzers import (AnalyzerConfig, ArabicTermFilter, analyze, analyze_tokens,
                                 build_analyzer, normalize, normalize_term)
from searchlib.analyzers.filters import BoundedCache

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "saudinewsnet"


def test_analyze_tokens_offsets_into_original_text():
    text = "قال الرئيس بُوتِين، في باكو: «الاتفاقية»"
    found = analyze_tokens(text)
    assert [t["term"] for t in found] == ["قال", "رءيس", "بوتين", "باكو", "اتفاقيه"]
    assert [text[t["start"]:t["end"]] for t in found] == [
        "قال", "الرئيس", "بُوتِين", "باكو", "الاتفاقية"]


def test_package_level_names():
    import searchlib
    assert searchlib.analyze("وبوتين") == ["بوتين"]
    assert searchlib.normalize("الإتفاقية") == "الاتفاقيه"


def test_stop_words_renumber_positions_for_phrases():
    analyzer = build_analyzer()
    tokens = [(t.text, t.pos) for t in analyzer("وقف إطلاق النار في ناغورنو", positions=True)]
    assert tokens == [("وقف", 0), ("اطلاق", 1), ("نار", 2), ("ناغورنو", 3)]


def test_stop_words_kept_and_flagged_when_whoosh_asks():
    # Whoosh reuses one Token object: read each token while iterating
    tokens = [(t.text, t.stopped) for t in build_analyzer()("الاتفاق في باكو", removestops=False)]
    assert tokens == [("اتفاق", False), ("في", True), ("باكو", False)]


def test_normalize_term_leaves_wildcards_and_does_not_stem():
    assert normalize_term("بُوت*") == "بوت*"
    assert normalize_term("الإتفاقي?") == "الاتفاقي?"
    assert normalize_term(" والمسلمون ") == "والمسلمون"


def test_same_chain_at_index_and_query_time():
    analyzer = build_analyzer()
    text = "والمفاوضات بأذربيجان"
    index_terms = [t.text for t in analyzer(text, mode="index")]
    query_terms = [t.text for t in analyzer(text, mode="query")]
    assert index_terms == query_terms == analyze("المفاوضات") + analyze("أذربيجان")


def test_analyzer_pickles_without_cache_and_compares_equal():
    analyzer = build_analyzer(AnalyzerConfig(protected=("سلمان",)))
    list(analyzer("وبوتين والمسلمون"))  # fill the cache
    data = pickle.dumps(analyzer)
    assert len(data) < 2000  # no cache, no lexicon inside
    copy = pickle.loads(data)
    assert copy == analyzer
    assert [t.text for t in copy("وسلمان والمسلمون")] == ["سلمان", "مسلم"]


def test_term_filter_state_has_no_cache():
    term_filter = ArabicTermFilter()
    term_filter.term("وبوتين")
    assert "_cache" not in term_filter.__getstate__()


def test_cache_is_bounded():
    cache = BoundedCache(maxsize=10)
    for i in range(100):
        cache.put(str(i), i)
        assert len(cache) <= 10
    assert "99" in cache and "0" not in cache


def test_signature_changes_with_config_and_is_stable():
    base = AnalyzerConfig().signature()
    assert base == AnalyzerConfig().signature()
    others = {AnalyzerConfig(stem=False).signature(), AnalyzerConfig(stopwords=False).signature(),
              AnalyzerConfig(protected=("سلمان",)).signature()}
    assert base not in others and len(others) == 3
    assert "data=" in base and base.startswith("searchlib-arabic/")


def test_config_accepts_any_iterable_of_protected_words():
    assert AnalyzerConfig(protected=["ب", "ا", "ب"]).protected == ("ا", "ب")
    assert analyze("وسلمان", config=AnalyzerConfig(protected=("سلمان",))) == ["سلمان"]
    with pytest.raises(TypeError):
        analyze("x", config=AnalyzerConfig(), stem=False)


def test_empty_and_symbol_only_text():
    assert analyze("") == [] and analyze_tokens("،؛؟ «» ...") == []


def test_whoosh_index_search_and_highlight(tmp_path):
    from whoosh import highlight
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in, open_dir
    from whoosh.qparser import QueryParser

    schema = Schema(id=ID(stored=True), body=TEXT(analyzer=build_analyzer(), stored=True))
    writer = create_in(str(tmp_path), schema).writer()
    writer.add_document(id="1", body="التقى الرئيس بُوتِين بعلييف في باكو لبحث وقف إطلاق النار")
    writer.add_document(id="2", body="وزير الخارجية يزور ليبيا")
    writer.add_document(id="3", body="في")  # only a stop word: must not crash the writer
    writer.commit()
    ix = open_dir(str(tmp_path))  # analyzer comes back from the pickled schema
    with ix.searcher() as searcher:
        parser = QueryParser("body", ix.schema)
        for query, expected in [("لبوتين", ["1"]), ("وعلييف", ["1"]), ("\"وقف إطلاق النار\"", ["1"]),
                                ("الوزير", ["2"]), ("زير", [])]:
            assert [h["id"] for h in searcher.search(parser.parse(query))] == expected, query
        hits = searcher.search(parser.parse("بوتين"))
        hits.formatter = highlight.UppercaseFormatter()
        assert "بُوتِين".upper() in hits[0].highlights("body")


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_analyzer_never_raises_and_offsets_hold(text):
    for token in analyze_tokens(text):
        assert 0 <= token["start"] < token["end"] <= len(text)
        assert token["term"]


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF) | st.sampled_from(
    " \u200c\u200dabcXYZ019.،«»\ufefb\ufdf2")))
@settings(max_examples=300, deadline=None)
def test_original_slice_normalizes_to_the_token_surface(text):
    analyzer = build_analyzer(AnalyzerConfig(stem=False, stopwords=False))
    for token in analyzer(text, chars=True):  # one reused Token object: check while iterating
        assert normalize(text[token.startchar:token.endchar]).replace(" ", "") == token.text


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="SaudiNewsNet corpus not present")
def test_corpus_sample_analyzes_with_valid_offsets():
    with zipfile.ZipFile(sorted(CORPUS.glob("*.zip"))[0]) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))[:200]
    tokens = 0
    for article in articles:
        text = article.get("content") or ""
        for token in analyze_tokens(text):
            assert text[token["start"]:token["end"]]
            tokens += 1
    assert tokens > 10_000


def test_separate_filters_compose_into_a_chain():
    from searchlib.analyzers import (ArabicNormalizeFilter, ArabicStemFilter, ArabicStopFilter,
                                     ArabicTokenizer)

    chain = ArabicTokenizer() | ArabicNormalizeFilter() | ArabicStopFilter() | ArabicStemFilter()
    copy = pickle.loads(pickle.dumps(chain))
    assert [(t.text, t.pos) for t in copy("وبوتين في الاتفاقيات", positions=True)] == [
        ("بوتين", 0), ("اتفاقيه", 1)]


@given(st.lists(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةىؤئًٌٍَُِّْـ", min_size=1,
                        max_size=12), max_size=8))
@settings(max_examples=300, deadline=None)
def test_stemming_never_raises_on_arabic_words(words):
    text = " ".join(words)
    for config in ({}, {"stem": False}, {"stopwords": False}):
        for token in analyze_tokens(text, **config):
            assert token["term"] and text[token["start"]:token["end"]]
