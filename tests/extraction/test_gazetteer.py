"""Gazetteer helpers: telling spellings of one name from different names, titles their holders bore."""
from __future__ import annotations

from searchlib.extraction.gazetteer import gazetteer, spelled_alike
from searchlib.extraction.text import key


def test_spellings_of_one_name_are_alike_and_short_arabic_names_are_not():
    assert spelled_alike(key("فلادمير"), key("فلاديمير"))       # another transliteration
    assert spelled_alike(key("ايرنست"), key("ارنست"))           # one letter apart
    assert not spelled_alike(key("نواف"), key("نايف"))          # same skeleton, two names
    assert not spelled_alike(key("حافظ"), key("بشار"))


def test_a_title_word_fits_the_person_who_held_it_that_year():
    gz = gazetteer()
    hadi = next(i for i, e in enumerate(gz.entities) if e.name == "عبدربه منصور هادي")
    assert gz.titled(hadi, key("الرئيس"), 2015)
    assert gz.titled(hadi, key("رئيس"), 2015)          # with or without the article
    assert not gz.titled(hadi, key("الرئيس"), 2005)    # before he held it
    assert not gz.titled(hadi, key("الملك"), 2015)


def test_the_holder_of_a_title_within_an_era_leaves_out_those_given_another_office():
    gz = gazetteer()
    ids = {e.name: i for i, e in enumerate(gz.entities)}
    salman, nayef, mbs = ids["سلمان بن عبدالعزيز"], ids["محمد بن نايف"], ids["محمد بن سلمان"]
    assert gz.title_years(salman, key("الملك")) == (2015, 9999)
    assert gz.tenure(key("ولي ولي العهد"), mbs) == (2015, 2017)
    # from 2015 on, two crown princes fit; once the deputy is taken, the one spanning 2015-2017
    saudi = {gz.country_by_key["SA"]}             # a crown prince of which country: the article's
    assert gz.holder_in(key("ولي العهد"), (2015, 9999), {salman}, saudi) is None
    assert gz.holder_in(key("ولي العهد"), (2015, 2017), {salman, mbs}, saudi) == nayef
    assert gz.holder_in(key("ولي العهد"), (2015, 2017), {salman, mbs}) is None
