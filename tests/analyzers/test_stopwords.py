"""Stop words: the arabic-stopwords list, folded like tokens, with content words kept."""
import pytest

from searchlib.analyzers import analyze
from searchlib.analyzers.stopwords import is_stopword


@pytest.mark.parametrize("word", ["في", "من", "على", "إلى", "الى", "أن", "ان", "إن", "وأن", "وان",
                                  "الذي", "التي", "بأن", "فيها", "عَلَى"])
def test_function_words_are_stop_words(word):
    assert is_stopword(word)


@pytest.mark.parametrize("word", ["علي", "ولي", "أمن", "الأمن", "آلية", "وفاة", "ولاية",
                                  "شمال", "الشمال", "ساعة", "بوتين", "وزير"])
def test_content_words_are_not(word):
    assert not is_stopword(word)


def test_stop_words_dropped_only_when_enabled():
    assert analyze("في الاتفاق") == ["اتفاق"]
    assert analyze("في الاتفاق", stopwords=False) == ["في", "اتفاق"]
