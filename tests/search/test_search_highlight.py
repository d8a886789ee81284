"""Highlights mark the original characters, escape HTML and come in a plain-text form."""
from __future__ import annotations

import html
import re

SPELLINGS = ["بُوتِين", "لبوتين", "بـوتـين", "وبوتين"]


def doc(number: int, text: str, **fields) -> dict:
    return {"id": f"h{number}", "title": f"وثيقة {number}", "text": text, "date": "2020-01-01",
            "source": "test", **fields}


def test_each_spelling_is_marked_exactly(index_of):
    text = ("افتتح الاجتماع صباحا. ثم قال " + SPELLINGS[0] + " إن الحوار مستمر، وأرسلت رسالة "
            + SPELLINGS[1] + " أمس، وكتب الخطاط " + SPELLINGS[2] + " بالتطويل، واجتمع "
            + SPELLINGS[3] + " مع الوفد.")
    index = index_of([doc(1, text)])
    hit = index.search("بوتين").hits[0]
    marked_text = [hit.highlights_text[start:end] for start, end in hit.highlight_spans]
    assert marked_text == SPELLINGS
    marked_html = [html.unescape(m) for m in re.findall(r"<b>(.*?)</b>", hit.highlights)]
    assert marked_html == SPELLINGS
    # nothing but the marked words is inside a mark, and the rest reads as the original text
    unmarked = re.sub(r"</?b>", "", hit.highlights)
    assert html.unescape(unmarked) == hit.highlights_text
    assert hit.highlights_text.replace(" ... ", " ").strip(". ") in " ".join(text.split())


def test_document_markup_is_escaped(index_of):
    text = 'نص فيه <script>alert("x")</script> وكلمة بوتين <b>مزيفة</b> & رموز'
    hit = index_of([doc(2, text)]).search("بوتين").hits[0]
    assert "<script>" not in hit.highlights
    assert "&lt;script&gt;" in hit.highlights
    assert re.findall(r"<b>(.*?)</b>", hit.highlights) == ["بوتين"]
    assert "&amp;" in hit.highlights


def test_long_documents_are_fragmented_around_matches(index_of):
    filler = " ".join(["كلام"] * 30)
    parts = [filler] * 60
    parts[10] = "ذكر بوتين هنا"
    parts[50] = "وذكر علييف هناك"
    hit = index_of([doc(3, "\n".join(parts))]).search("بوتين علييف").hits[0]
    assert hit.highlights_text.startswith("...")
    assert " ... " in hit.highlights_text
    assert len(hit.highlights_text) < 1000
    assert re.findall(r"<b>(.*?)</b>", hit.highlights) == ["بوتين", "علييف"]


def test_matches_past_32kb_are_highlighted(index_of):
    filler = "\n".join(" ".join(["كلام"] * 20) for _ in range(400))   # ~40,000 characters
    hit = index_of([doc(4, filler + "\nوفي الختام تحدث بوتين.")]).search("بوتين").hits[0]
    assert re.findall(r"<b>(.*?)</b>", hit.highlights) == ["بوتين"]


def test_wildcard_and_fuzzy_matches_are_highlighted(index_of):
    index = index_of([doc(5, "التقى بوتين مع الوفد")])
    for query in ("بوت*", "بوتن~"):
        hit = index.search(query).hits[0]
        assert re.findall(r"<b>(.*?)</b>", hit.highlights) == ["بوتين"], query
