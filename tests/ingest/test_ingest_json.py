"""JSON Lines and JSON arrays: fields used as given, bad lines reported with their line number."""
from __future__ import annotations

import json

from searchlib.ingest import Record, Skipped, iter_records

from ingest_helpers import ARABIC_SENTENCE, read_all


def _jsonl(tmp_path, lines, name="news.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_are_used_as_given(tmp_path):
    obj = {"id": "a1", "title": "هدنة", "text": ARABIC_SENTENCE, "date": "2020-11-10",
           "source": "وكالة", "url": "http://x/1", "author": "كاتب",
           "actors": ["فلاديمير بوتين"], "agreements": [{"name": "وقف إطلاق النار",
                                                       "type": "ceasefire"}],
           "lang": "ar", "score": 3}
    path = _jsonl(tmp_path, [json.dumps(obj, ensure_ascii=False)])
    (record,), skipped = read_all(path)
    assert skipped == []
    assert (record.id, record.title, record.text, record.date) == ("a1", "هدنة", ARABIC_SENTENCE,
                                                                   "2020-11-10")
    assert (record.source, record.url, record.author) == ("وكالة", "http://x/1", "كاتب")
    assert record.actors == ["فلاديمير بوتين"]
    assert record.agreements == obj["agreements"]
    assert record.extra == {"lang": "ar", "score": 3}
    assert record.origin == f"{path}:1"
    assert record.warnings == []


def test_missing_fields_are_none_and_content_is_an_alias(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"content": ARABIC_SENTENCE})])
    (record,), _ = read_all(path)
    assert record.text == ARABIC_SENTENCE
    assert (record.id, record.title, record.date, record.actors, record.agreements) == (None,) * 5


def test_invalid_lines_are_skipped_and_the_rest_read(tmp_path):
    lines = [json.dumps({"id": i, "text": f"{ARABIC_SENTENCE} {i}"}) for i in range(6)]
    lines[1] = '{"id": 1, "text": "نص مقطوع'          # truncated
    lines[3] = "not json at all"
    lines[4] = "[1, 2, 3]"                              # JSON, but not an object
    path = _jsonl(tmp_path, lines[:3] + [""] + lines[3:])  # a blank line is ignored, not skipped
    records, skipped = read_all(path)
    assert [r.id for r in records] == ["0", "2", "5"]
    assert len(records) + len(skipped) == len(lines)
    assert [s.origin for s in skipped] == [f"{path}:2", f"{path}:5", f"{path}:6"]
    assert skipped[0].reason.startswith("invalid JSON: Unterminated string")
    assert skipped[2].reason == "not a JSON object (got array)"
    assert [r.origin for r in records] == [f"{path}:1", f"{path}:3", f"{path}:7"]


def test_records_without_text_are_skipped(tmp_path):
    lines = [json.dumps(o) for o in [{"id": "a", "title": "عنوان"}, {"id": "b", "text": ""},
                                     {"id": "c", "text": "   "}, {"id": "d", "text": 5},
                                     {"id": "e", "text": ARABIC_SENTENCE}]]
    records, skipped = read_all(_jsonl(tmp_path, lines))
    assert [r.id for r in records] == ["e"]
    assert [s.reason for s in skipped] == ["no text"] * 4


def test_json_array_and_single_object(tmp_path):
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"id": "x", "text": ARABIC_SENTENCE}, {"title": "بلا نص"},
                                 {"id": "y", "text": ARABIC_SENTENCE}], ensure_ascii=False),
                     encoding="utf-8")
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"id": "z", "text": ARABIC_SENTENCE}), encoding="utf-8")
    records, skipped = read_all(array, single)
    assert [r.id for r in records] == ["x", "y", "z"]
    assert [r.origin for r in records] == [f"{array}#0", f"{array}#2", str(single)]
    assert skipped == [Skipped(f"{array}#1", "no text")]


def test_invalid_json_file_names_file_and_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n {"text": "a"},\n {"text": \n', encoding="utf-8")
    (skip,) = list(iter_records([path]))
    assert isinstance(skip, Skipped)
    assert skip.origin.startswith(f"{path}:")
    assert skip.reason.startswith("invalid JSON:")
    assert "\n" not in skip.reason


def test_json_lines_saved_as_json_are_read_as_lines(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text("\n".join(json.dumps({"id": i, "text": ARABIC_SENTENCE}) for i in range(3)),
                    encoding="utf-8")
    records, skipped = read_all(path)
    assert [r.origin for r in records] == [f"{path}:{n}" for n in (1, 2, 3)]


def test_json_scalar_top_level_is_skipped(tmp_path):
    path = tmp_path / "n.json"
    path.write_text("42", encoding="utf-8")
    assert list(iter_records([path])) == [Skipped(str(path),
                                                  "JSON must be an array of objects or one object")]


def test_cp1256_jsonl_is_decoded_line_by_line(tmp_path):
    path = tmp_path / "old.jsonl"
    good = json.dumps({"id": "a", "text": ARABIC_SENTENCE}, ensure_ascii=False)
    path.write_bytes(good.encode("cp1256", errors="ignore") + b"\n" +
                     json.dumps({"id": "b", "text": "x"}).encode() + b"\n" +
                     "日本語のテキストです東京は".encode("shift_jis") + b"\n")
    records, skipped = read_all(path)
    assert [r.id for r in records] == ["a", "b"]
    assert "الجيش" in records[0].text
    assert [(s.origin, s.reason.split(" (")[0]) for s in skipped] == [
        (f"{path}:3", "unknown text encoding")]


def test_utf8_bom_jsonl_and_crlf(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": ARABIC_SENTENCE}).encode()
                     + b"\r\n" + json.dumps({"id": "b", "text": "نص"}).encode() + b"\r\n")
    records, skipped = read_all(path)
    assert skipped == [] and [r.id for r in records] == ["a", "b"]


def test_line_separator_characters_inside_strings_do_not_split_lines(tmp_path):
    text = ARABIC_SENTENCE + "\u2028" + "سطر\u0085ثان"
    path = tmp_path / "sep.json"  # read through the JSON-Lines-saved-as-.json path
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n" +
                    json.dumps({"text": text}, ensure_ascii=False), encoding="utf-8")
    records, skipped = read_all(path)
    assert skipped == [] and [r.text for r in records] == [text, text]


def test_empty_jsonl_is_reported(tmp_path):
    path = _jsonl(tmp_path, ["", "  "])
    assert list(iter_records([path])) == [Skipped(str(path), "empty file")]


def test_records_are_dataclasses_with_dict_form(tmp_path):
    path = _jsonl(tmp_path, [json.dumps({"id": 7, "text": "نص", "lang": "ar"})])
    (record,) = list(iter_records([path]))
    assert isinstance(record, Record)
    assert record.to_dict() == {"id": "7", "text": "نص", "lang": "ar"}


def test_json_array_with_trailing_junk_is_one_skip(tmp_path):
    path = tmp_path / "junk.json"
    path.write_text(json.dumps([{"text": "نص"}]) + "\ntrailing junk\n", encoding="utf-8")
    (skip,) = list(iter_records([path]))
    assert skip == Skipped(f"{path}:2", "invalid JSON: Extra data (column 1)")


def test_short_first_lines_are_not_merged(tmp_path):
    path = tmp_path / "short.jsonl"
    path.write_bytes(b'{}\n{"id": "b", "text": "\xd9\x86\xd8\xb5"}\n[]\n')
    items = list(iter_records([path]))
    assert [(i.origin, getattr(i, "reason", None)) for i in items] == [
        (f"{path}:1", "no text"), (f"{path}:2", None), (f"{path}:3", "not a JSON object (got array)")]


def test_utf16_jsonl(tmp_path):
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": str(i), "text": ARABIC_SENTENCE}, ensure_ascii=False)
             for i in range(3)]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    records, skipped = read_all(path)
    assert skipped == [] and [r.id for r in records] == ["0", "1", "2"]
    assert records[2].text == ARABIC_SENTENCE
