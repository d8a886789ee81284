"""Gazetteer helpers: telling spellings of one name from different names."""
from __future__ import annotations

from searchlib.extraction.gazetteer import spelled_alike
from searchlib.extraction.text import key


def test_spellings_of_one_name_are_alike_and_short_arabic_names_are_not():
    assert spelled_alike(key("فلادمير"), key("فلاديمير"))       # another transliteration
    assert spelled_alike(key("ايرنست"), key("ارنست"))           # one letter apart
    assert not spelled_alike(key("نواف"), key("نايف"))          # same skeleton, two names
    assert not spelled_alike(key("حافظ"), key("بشار"))
