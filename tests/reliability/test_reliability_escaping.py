"""Document text is data, never markup: highlights escape it and mark matches only with <b>."""
from __future__ import annotations

import html
import json
import re

import pytest

import searchlib

HOSTILE = [
    ("script", 'بيان <script>alert("xss")</script> حول وقف إطلاق النار في المنطقة'),
    ("attribute", 'وقف إطلاق النار <img src=x onerror="alert(1)"> و<a href="javascript:alert(2)">رابط</a>'),
    ("entities", "وقف إطلاق النار &lt;b&gt;ليس وسماً&lt;/b&gt; &amp; <b>وسم</b> حقيقي"),
    ("quotes", "وقف 'إطلاق' \"النار\" <div onclick='x()'>نص</div> > < &"),
]
TAG = re.compile(r"<[^>]*>")


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory):
    ix = searchlib.create_index(tmp_path_factory.mktemp("hostile") / "ix")
    docs = [{"id": name, "title": f"عنوان <script>t()</script> {name}", "text": text, "source": "test"}
            for name, text in HOSTILE]
    report = ix.add_documents(docs)
    assert report.indexed == len(docs)
    return ix


def _assert_safe_highlight(fragment: str, original: str) -> None:
    tags = TAG.findall(fragment)
    assert set(tags) <= {"<b>", "</b>"}, f"markup leaked into highlights: {tags} in {fragment!r}"
    # With the <b> marks removed and entities decoded, what remains is the document's own text.
    plain = html.unescape(fragment.replace("<b>", "").replace("</b>", ""))
    for piece in re.split(r"\s*\.\.\.\s*|…", plain):
        assert piece.strip() in original or not piece.strip(), (piece, original)


@pytest.mark.parametrize("name,text", HOSTILE)
def test_highlights_escape_document_markup(hostile_index, name, text):
    results = hostile_index.search("وقف النار", limit=10)
    hit = next(h for h in results.hits if h.id == name)
    assert "<b>" in hit.highlights, hit.highlights
    _assert_safe_highlight(hit.highlights, text)
    as_json = next(h for h in results.to_dict()["hits"] if h["id"] == name)
    _assert_safe_highlight(as_json["highlights"], text)
    json.dumps(results.to_dict(), ensure_ascii=False)
    # The plain-text highlights for terminals carry the text itself: no markup added, none escaped.
    if "<b>" not in text:
        assert "<b>" not in hit.highlights_text, hit.highlights_text
    assert "&lt;" not in hit.highlights_text or "&lt;" in text, hit.highlights_text


def test_title_is_kept_as_data(hostile_index):
    hit = hostile_index.search("وقف", limit=10).hits[0]
    assert hit.title.startswith("عنوان <script>t()</script>")
