"""Publication dates and mentioned dates in every form Arabic news writes them."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from searchlib.extraction import extract
from searchlib.extraction.dates import find_dates
from searchlib.extraction.text import fold, light

D = dt.date
BODY = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية."


def _pub(text: str):
    return extract(text).date


def _dates(text: str):
    f = fold(light(text))
    return [(m.year, m.month, m.day) for m in find_dates(f)]


@pytest.mark.parametrize("stamp, expected", [
    ("18-8-2024 | 22:14", D(2024, 8, 18)),
    ("2024/08/18", D(2024, 8, 18)),
    ("18.08.2024", D(2024, 8, 18)),
    ("تاريخ النشر: 17th, April 2024 GMT", D(2024, 4, 17)),
    ("Published April 17, 2024", D(2024, 4, 17)),
    ("تاريخ النشر: الأربعاء 17 أبريل 2024 - 10:30 ص", D(2024, 4, 17)),
    ("نشر في: ١٧ نيسان ٢٠٢٤", D(2024, 4, 17)),          # Eastern Arabic digits, Levantine month
    ("آخر تحديث: 3 جويلية 2019", D(2019, 7, 3)),          # Maghreb month name
    ("بتاريخ 5 أوت 2021", D(2021, 8, 5)),
    ("تاريخ النشر: 12 تشرين الأول/أكتوبر 2023", D(2023, 10, 12)),
    ("تاريخ النشر: 9 سبتمبر/أيلول 2015", D(2015, 9, 9)),
    ("تاريخ النشر: التاسع من يوليو 2015", D(2015, 7, 9)),   # ordinal day word
    ("تاريخ النشر: 1436/10/05 هـ", D(2015, 7, 21)),          # numeric Hijri
])
def test_stamp_line_gives_publication_date(stamp, expected):
    assert _pub(f"عنوان الخبر هنا\n{stamp}\n{BODY}") == expected


@pytest.mark.parametrize("dateline, expected", [
    ("الرياض ٠٥ شوال ١٤٣٦ هـ الموافق ٢١ يوليو ٢٠١٥ م واس", D(2015, 7, 21)),   # Hijri + Gregorian
    ("الرياض 5 شوال 1436هـ واس", D(2015, 7, 21)),                              # Hijri only
    ("القاهرة، 3 مارس 2015 (أ ش أ) -", D(2015, 3, 3)),
    ("موسكو - 14 ماي 2021 - (سبوتنيك)", D(2021, 5, 14)),
    ("بيروت، كانون الثاني 11، 2021", None),                 # not a date form we accept: no guess
])
def test_dateline_at_head_of_first_paragraph(dateline, expected):
    assert _pub(f"عنوان الخبر هنا\n{dateline} {BODY}") == expected


def test_year_from_weekday_and_dated_events():
    text = ("عنوان الخبر هنا\nموسكو، 14 ماي - بحث الرئيسان اليوم الجمعة اتفاق 10 نوفمبر 2020 "
            "في اتصال هاتفي.")
    assert _pub(text) == D(2021, 5, 14)     # the first Friday 14 May after November 2020


def test_year_from_al_am_al_jari():
    text = ("عنوان الخبر هنا\nالرباط، 3 مايو - أعلنت الوزارة أن الصادرات ارتفعت خلال العام "
            "الجاري 2019 بنسبة كبيرة.")
    assert _pub(text) == D(2019, 5, 3)


def test_yearless_dateline_without_context_is_null():
    text = "عنوان الخبر هنا\nموسكو، 14 ماي - بحث الرئيسان الوضع في المنطقة."
    assert _pub(text) is None


def test_no_date_stated_is_null_never_today():
    assert _pub(f"عنوان الخبر هنا\n{BODY}") is None
    assert _pub("") is None


def test_event_dates_go_to_mentioned_dates_not_publication():
    text = ("عنوان الخبر هنا\nأعلن الوزير أن الاتفاق وقع في 27 سبتمبر 2020 وأن المرحلة الثانية "
            "تبدأ في الأول من يناير 2021.")
    meta = extract(text)
    assert meta.date is None
    assert meta.mentioned_dates == [D(2020, 9, 27), D(2021, 1, 1)]


def test_relative_month_resolved_from_publication_date():
    text = ("عنوان الخبر هنا\n18-8-2024 | 22:14\nعقدت القمة في 23 نوفمبر الماضي، وتعقد "
            "القمة التالية في 5 مارس المقبل.")
    meta = extract(text)
    assert meta.date == D(2024, 8, 18)
    assert meta.mentioned_dates == [D(2023, 11, 23), D(2025, 3, 5)]


@pytest.mark.parametrize("text, expected", [
    ("في 9 تشرين الثاني/نوفمبر عام 2020", [(2020, 11, 9)]),
    ("في 9 نوفمبر 2020، و11 يناير و26 نوفمبر 2021", [(2020, 11, 9), (2021, 1, 11), (2021, 11, 26)]),
    ("في الـ10 من تشرين الثاني /نوفمبر 2020", [(2020, 11, 10)]),
    ("يوم 31 ديسمبر (كانون الأول) عام 2012", [(2012, 12, 31)]),
    ("في سبتمبر/أيلول 2023", [(2023, 9, None)]),
    ("في ٢٧ سبتمبر ٢٠٢٠", [(2020, 9, 27)]),
    ("15 رمضان 1436 هـ", [(2015, 7, 2)]),
    ("شاهد أبي الفيلم مع اب وابن", []),                   # آب / ماي alone are ordinary words
])
def test_find_dates_forms(text, expected):
    assert _dates(text) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    meta = extract(text)
    assert isinstance(meta.to_dict(), dict)


def test_never_raises_on_junk_and_huge_input():
    assert extract(b"\x00\xff\xfe binary".decode("latin-1")).date is None
    assert extract(None).title == ""                      # type: ignore[arg-type]
    huge = ("الرئيس الروسي فلاديمير بوتين يلتقي نظيره التركي. " * 40 + "\n") * 200
    meta = extract(huge)
    assert "فلاديمير بوتين" in {a.name for a in meta.actors}


def test_a_date_given_as_today_is_the_publication_date():
    meta = extract("عنوان الخبر\nصرح المتحدث الأمني بأنه عند الساعة التاسعة من صباح اليوم الخميس "
                   "الموافق 21 / 10 / 1436 هـ تعرضت دورية لإطلاق نار.")
    assert meta.date == dt.date(2015, 8, 6)


def test_a_today_date_counts_only_in_the_first_paragraphs_even_of_vowelled_text():
    vowelled = "قَالَ المُتَحَدِّثُ الرَّسْمِيُّ لِلْمُدِيرِيَّةِ إِنَّ العَمَلَ مُسْتَمِرٌّ فِي المَشْرُوعَاتِ كُلِّهَا."
    third = "وكان اليوم الخميس الموافق 21 / 10 / 1436 هـ موعدا للقاء."
    meta = extract("\n".join(["عنوان الخبر", vowelled, "فقرة ثانية.", third]))
    assert meta.date is None
    meta = extract("\n".join(["عنوان الخبر", vowelled, third]))
    assert meta.date == dt.date(2015, 8, 6)


def test_a_statement_deeper_in_gives_its_day_when_the_weekday_fits():
    statement = ("ونفذ حكم القتل في الجاني / سالم بن محمد العتيبي - سعودي الجنسية - اليوم الخميس "
                 "الموافق 21 / 10 / 1436 هـ بمدينة الرياض.")
    head = ["عنوان الخبر", "أصدرت وزارة الداخلية بيانا.", "وجاء في البيان ما يلي."]
    assert extract("\n".join(head + [statement])).date == dt.date(2015, 8, 6)
    # 21 Shawwal 1436 was a Thursday: a wrong weekday this deep is no evidence
    assert extract("\n".join(head + [statement.replace("الخميس", "الأحد")])).date is None


def test_a_weekday_fixes_a_day_month_slip_in_a_today_date():
    # 10/5/1436 read day/month is a Sunday; the text says Tuesday, and 5 Shawwal 1436 was one
    meta = extract("عنوان الخبر\nبلغ عدد المراجعين حتى مساء هذا اليوم الثلاثاء الموافق 10/5/1436هـ "
                   "نحو ألف مراجع.")
    assert meta.date == dt.date(2015, 7, 21)


def test_today_without_a_stated_date_gives_no_date():
    meta = extract("عنوان الخبر\nبدأت المديرية اليوم الاثنين العمل على تصحيح الأوضاع.")
    assert meta.date is None
