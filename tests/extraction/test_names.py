"""The name gate: which words may begin or continue a person's name."""
from __future__ import annotations

import pytest

from searchlib.extraction.data import DataFileError
from searchlib.extraction.names import NameLexicon, name_lexicon
from searchlib.extraction.text import key


@pytest.fixture(scope="module")
def names() -> NameLexicon:
    return name_lexicon()


def test_packaged_lists_hold_common_given_and_family_names(names):
    for word in ("محمد", "فهد", "عبدالله", "سلمان", "عبير"):
        assert names.is_given(key(word)), word
    for word in ("القحطاني", "الغامدي", "الفيصل"):
        assert names.is_family(key(word)), word
    for word in ("ريبيكا", "كايل", "برادلي"):         # data/foreign_given.txt
        assert names.is_given(key(word)), word
    for word in ("معاذ", "رزان", "لطيفة"):            # data/arabic_given.txt
        assert names.is_given(key(word)) and not names.is_ambiguous_given(key(word)), word
    for word in ("أمل", "نور", "سلمى", "علي", "كامل"):  # data/ambiguous_given.txt
        assert names.is_given(key(word)) and names.is_ambiguous_given(key(word)), word
    for word in ("قرار", "الدولي", "مباراة"):
        assert not names.is_given(key(word)) and not names.is_family(key(word)), word


@pytest.mark.parametrize("word", ["محمد", "ماوريسيو", "تشيريتشيس", "ملاك", "علي"])
def test_names_and_unseen_words_may_start_a_name(names, word):
    assert names.may_start(key(word))


@pytest.mark.parametrize("word", ["قرارا", "لدعم", "بحجم", "كرة", "معسكره", "يرفض", "لحفل", "ستتوجه"])
def test_ordinary_and_inflected_words_may_not(names, word):
    assert not names.may_start(key(word))


def test_later_parts_of_a_name(names):
    assert names.may_continue(key("الزهراني")) and names.may_continue(key("خطاب"))
    assert not names.may_continue(key("أمام")) and not names.may_continue(key("لبدء"))
    assert not names.may_continue(key("انضمامه"))
    assert not names.may_continue(key("لفالنسيا"))       # for Valencia: فالنسيا is far commoner


def test_a_name_that_begins_with_wa_or_fa_is_not_a_conjunction(names):
    assert names.own_name_not_clitic(key("فهمي")) and names.own_name_not_clitic(key("فيريرا"))
    assert not names.own_name_not_clitic(key("فالمسؤول")) and not names.own_name_not_clitic(key("وتوم"))


def test_verbs_by_shape_but_not_foreign_names(names):
    for word in ("استقدمت", "سيزور", "اعتمد", "افتتح", "ليكتمل", "داهموا", "سيوقعان"):
        assert names.looks_inflected(key(word)), word
    for word in ("سيلفا", "سيرجيو", "ميازاوا", "اوباما", "ادريس"):
        assert not names.looks_inflected(key(word)), word
    assert not names.may_continue(key("مرجعية"))


def test_a_preposition_on_a_dual_or_plural_is_no_name(names):
    for word in ("بتشكيلين", "بأغنيتين"):
        assert names.looks_inflected(key(word)), word
    for word in ("بنيامين", "بوتين"):
        assert not names.looks_inflected(key(word)), word


def test_accusative_pairs_are_not_names(names):
    assert names.accusative_pair(key("تمرينا"), key("صباحيا"))
    assert not names.accusative_pair(key("ماريا"), key("كوستا"))


def test_a_broken_names_file_is_reported_with_file_and_line(tmp_path, monkeypatch):
    import searchlib.extraction.names as module
    (tmp_path / "names.tsv").write_text("# header\nمحمد\tgiven\t3\t4\nبلا نوع\n", encoding="utf-8")
    monkeypatch.setattr(module, "DATA_DIR", tmp_path)
    module.name_lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"names.tsv:3"):
            module.name_lexicon()
    finally:
        module.name_lexicon.cache_clear()


def test_an_accusative_noun_does_not_continue_a_name(names):
    assert not names.may_continue(key("هدفا")) and not names.may_continue(key("أرباحا"))
    assert names.may_continue(key("ماتا")) and names.may_continue(key("كوستا"))


def test_given_positions_finds_given_names_bare_or_after_and(names):
    words = [key(w) for w in "قال محمد وخالد الحكومة وعبدالرؤوف ومعاذ".split()]
    assert names.given_positions(words) == [1, 2, 4, 5]
    assert names.given_positions(words) == [1, 2, 4, 5]     # the memo answers the same
