"""Orthographic normalization (searchlib.analyzers.normalize)."""
import pytest
from hypothesis import given, strategies as st

from searchlib.analyzers import normalize
from searchlib.analyzers.normalize import fold_for_stopwords, normalize_text


@pytest.mark.parametrize("raw,expected", [
    ("بُوتِين", "بوتين"),                 # harakat
    ("سلامٌ", "سلام"),                    # tanwin
    ("مُحَمَّدٌ", "محمد"),                 # shadda
    ("الرحمٰن", "الرحمن"),                # superscript alef
    ("عـــلى", "علي"),                    # tatweel, alef maqsura
    ("أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"),  # alef forms
    ("مدينة", "مدينه"),                   # teh marbuta
    ("ﻻ", "لا"),                          # lam-alef ligature
    ("ﷲ", "الله"),                        # word ligature
    ("ﻟﺒﻨﺎﻥ", "لبنان"),                   # presentation forms
    ("ایران", "ايران"),                   # Farsi yeh
    ("کرملین", "كرملين"),                 # keheh
    ("ہ", "ه"),                           # Urdu heh goal
    ("٢٠١٥", "2015"),
    ("۲۰۱۵", "2015"),
    ("٣٫٥", "3.5"),
    ("بو\u200cتين\u200f", "بوتين"),         # ZWNJ, RLM
    ("\ufeffبوتين", "بوتين"),              # BOM
    ("PUTIN Straße", "putin strasse"),
])
def test_normalize_examples(raw, expected):
    assert normalize(raw) == expected


def test_hamza_carriers_unify_typing_variants():
    # people type both; mapping ؤ and ئ to ء makes them one spelling
    assert normalize("مسئول") == normalize("مسؤول") == normalize("مسءول")
    assert normalize("شئون") == normalize("شؤون")
    assert normalize("شيئ") == normalize("شيء")
    # while the hamza on alef is folded to alef, as for every alef form
    assert normalize("الأمم") == "الامم"


def test_stopword_fold_keeps_teh_marbuta_and_alef_maqsura():
    assert fold_for_stopwords("آلية") != fold_for_stopwords("إليه")
    assert fold_for_stopwords("على") != fold_for_stopwords("علي")
    assert fold_for_stopwords("أَنَّ") == fold_for_stopwords("ان")


@given(st.text())
def test_normalization_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)))
def test_normalization_is_idempotent_on_arabic_block(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


def test_base_letters_rewrites_only_presentation_forms():
    from searchlib.analyzers.normalize import base_letters
    assert base_letters("قال ﻋﺒﺪ ﺍﻟﺤﻲ ﻳﻮﺳﻒ ﻻ") == "قال عبد الحي يوسف لا"
    assert base_letters("²ﬁ كتاب") == "²ﬁ كتاب"       # other compatibility characters stay
