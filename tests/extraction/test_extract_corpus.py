"""SaudiNewsNet articles (2015) read by hand: actors, agreements and dates they must yield.

The corpus is read in place from ``<repo>/../shared/corpora/saudinewsnet``; these tests are
skipped when it is absent.
"""
from __future__ import annotations

import datetime as dt
import json
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

from searchlib.extraction import extract

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpora" / "saudinewsnet"
pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not CORPUS.is_dir(), reason="SaudiNewsNet corpus not available")]


@lru_cache(maxsize=None)
def _zip(name: str) -> dict:
    with zipfile.ZipFile(CORPUS / name) as zf:
        return {a["url"]: a for a in json.loads(zf.read(zf.namelist()[0]))}


def _article(zip_name: str, title: str, source: str | None = None) -> str:
    for art in _zip(zip_name).values():
        if art["title"] == title and (source is None or art["source"] == source):
            return art["content"]
    raise LookupError(title)


def _people(meta):
    return {a.name for a in meta.actors if a.kind == "person"}


def test_jubeir_on_iran_nuclear_deal():
    meta = extract(_article("2015-07-24.zip", "الجبير: نحن مع الاتفاق الذي يمنع امتلاك إيران للسلاح النووي"))
    assert {"عادل الجبير", "سامح شكري", "بشار الأسد", "علي عبدالله صالح", "عبدالفتاح السيسي"} <= _people(meta)
    assert {"السعودية", "إيران", "مصر", "اليمن"} <= {a.name for a in meta.actors if a.kind == "country"}
    agreements = {(g.name, g.type, g.date) for g in meta.agreements}
    assert ("الاتفاق النووي الإيراني", "agreement", dt.date(2015, 7, 14)) in agreements
    assert ("بيان جنيف 1", "statement", dt.date(2012, 6, 30)) in agreements      # مبادئ جنيف1
    assert meta.date is None                       # "أمس" only


def test_kerry_interview_role_and_nuclear_deal():
    meta = extract(_article("2015-07-22.zip", "كيري: تصريحات خامنئي «مزعجة»"))
    assert {"جون كيري", "علي خامنئي", "حسن روحاني"} <= _people(meta)
    assert "مجلس التعاون الخليجي" in {a.name for a in meta.actors if a.kind == "organization"}
    assert [(g.type, g.date) for g in meta.agreements] == [("agreement", dt.date(2015, 7, 14))]


def test_houthi_truce_and_unknown_officials():
    meta = extract(_article("2015-07-31.zip", "إثر هزيمتهم في عدن.. الحوثيون وصالح يتحصنون في صنعاء"))
    people = _people(meta)
    assert {"عبداللطيف الزياني", "إسماعيل ولد الشيخ أحمد", "رياض ياسين", "لوران فابيوس"} <= people
    assert "جماعة الحوثي" in {a.name for a in meta.actors}
    assert [g.type for g in meta.agreements] == ["ceasefire"]          # the humanitarian truce
    assert "المزيد" not in meta.body.split()[-1]


def test_hadi_truce_dateline_paper_and_resolution_not_agreement():
    meta = extract(_article("2015-07-26.zip", "الرئيس اليمني يطالب المتمردين باحترام الهدنة الإنسانية", "3alyoum"))
    assert _people(meta) == {"عبدربه منصور هادي", "إسماعيل ولد الشيخ أحمد", "خالد بحاح"}
    assert [g.type for g in meta.agreements] == ["ceasefire"]    # not resolution 2216, not "وقف دائم"


def test_minsk_ceasefire_from_month_pair():
    meta = extract(_article("2015-08-04.zip", "مقتل أربعة جنود أوكرانيين قبل محادثات سلام"))
    assert "اتفاقيات مينسك" in {g.name for g in meta.agreements}    # "في فبراير شباط" + مينسك
    assert "أندريه ليسينكو" in _people(meta)
    assert {"أوكرانيا", "روسيا"} <= {a.name for a in meta.actors if a.kind == "country"}


def test_spa_dateline_hijri_and_gregorian():
    art = _zip("2015-08-10.zip")["http://www.spa.gov.sa/details.php?id=1386776"]
    meta = extract(art["content"])
    assert meta.date == dt.date(2015, 8, 10)
    assert meta.source == "واس"
    assert {"سلمان بن عبدالعزيز", "إدريس ديبي إتنو"} <= _people(meta)


def test_alweeam_link_line_is_not_body():
    meta = extract(_article("2015-08-10.zip", "سيول تتهم كوريا الشمالية بتفجير ألغام بجنودها وتتوعد برد “قاس”"))
    assert "رابط الخبر" not in meta.body
    assert {"كوريا الجنوبية", "كوريا الشمالية"} <= {a.name for a in meta.actors if a.kind == "country"}


def test_quality_targets_on_the_labelled_set():
    import sys
    sys.path.insert(0, str(REPO / "bench"))
    from extract_eval import load_items, score
    tuned = score([i for i in load_items() if i["tuned"]])
    assert tuned["date_accuracy"] >= 0.9
    assert tuned["people"]["f1"] >= 0.85
    assert tuned["agreements"]["f1"] >= 0.8
