"""Character-level normalization for extraction (searchlib.extraction.text)."""
from __future__ import annotations

from searchlib.extraction.text import fold, key, light


def test_light_drops_tatweel_inside_words_and_keeps_a_lone_one_as_a_dash():
    assert light("رئيـــس التحريـر") == "رئيس التحرير"
    assert light("سامي الخالدي ـ ماجد الفهد") == "سامي الخالدي - ماجد الفهد"
    assert light("تصوير: ناصر العلي ــ «الاقتصادية»") == "تصوير: ناصر العلي - «الاقتصادية»"


def test_fold_keeps_offsets_and_key_ignores_punctuation():
    text = light("إلى أمير المنطقة، والهيئة")
    assert len(fold(text)) == len(text)
    assert key("إلى أمير المنطقة، والهيئة!") == "الي امير المنطقه والهيئه"
