"""The tokenizer keeps words whole and offsets into the original text."""
import pickle

from searchlib.analyzers import ArabicTokenizer


def tokens(text):
    return [(t.text, t.startchar, t.endchar, t.pos)
            for t in ArabicTokenizer()(text, chars=True, positions=True)]


def test_diacritics_and_tatweel_stay_inside_the_word():
    assert [t[0] for t in tokens("مُحَمَّدٌ عـــلى")] == ["مُحَمَّدٌ", "عـــلى"]


def test_arabic_punctuation_separates():
    text = "قال،وأضاف؛ هل؟ «نعم» ٪٥ بوتين۔ انتهى"
    assert [t[0] for t in tokens(text)] == ["قال", "وأضاف", "هل", "نعم", "٥", "بوتين", "انتهى"]


def test_digits_latin_and_decimals():
    assert [t[0] for t in tokens("عام ٢٠٢٠ و2015 بنسبة 3.5% و٣٫٥ NATO")] == [
        "عام", "٢٠٢٠", "و2015", "بنسبة", "3.5", "و٣٫٥", "NATO"]


def test_zero_width_joiners_inside_words_only():
    assert [t[0] for t in tokens("بو\u200cتين \u200cباكو")] == ["بو\u200cتين", "باكو"]


def test_presentation_forms_are_word_characters():
    assert [t[0] for t in tokens("ﻻجئ ﷲ")] == ["ﻻجئ", "ﷲ"]


def test_offsets_point_into_the_original_and_positions_count():
    text = "وقال  بُوتِين: «الاتفاق»"
    found = tokens(text)
    assert [text[s:e] for _, s, e, _ in found] == [t for t, _, _, _ in found]
    assert [p for *_, p in found] == [0, 1, 2]


def test_pickles():
    tokenizer = ArabicTokenizer()
    assert pickle.loads(pickle.dumps(tokenizer)) == tokenizer
