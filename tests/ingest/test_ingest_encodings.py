"""Encodings and non-text files: detected, read correctly, or skipped with a reason naming the file."""
from __future__ import annotations

import codecs

import pytest

from searchlib.ingest import decode_text, UndecodableError

from ingest_helpers import ARABIC_SENTENCE, SEEDS_DIR, read_all

SEED_TEXT = sorted(SEEDS_DIR.glob("*.txt"))[0].read_text(encoding="utf-8")
JAPANESE = "日本語のテキストです。東京は日本の首都であり、多くの人々が住んでいます。" * 3
FRENCH = "Le café était très agréable, à côté de la rivière. Ça coûte cher, déjà." * 3
RUSSIAN = "Москва - столица России и крупнейший город страны, расположенная на реке Москве." * 2
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("text", [ARABIC_SENTENCE, SEED_TEXT])
def test_cp1256_arabic_is_read_correctly(tmp_path, text):
    path = _write(tmp_path, "old.txt", text.encode("cp1256", errors="ignore"))
    records, skipped = read_all(path)
    assert skipped == []
    assert records[0].text == text.encode("cp1256", errors="ignore").decode("cp1256")
    assert "الجيش" in records[0].text


def test_iso_8859_6_arabic_is_not_misread_as_cp1256(tmp_path):
    text = SEED_TEXT.replace("،", ",").replace("“", '"').replace("”", '"')
    data = text.encode("iso8859_6", errors="ignore")
    assert data.decode("cp1256", errors="replace") != data.decode("iso8859_6")
    (record,), _ = read_all(_write(tmp_path, "iso.txt", data))
    assert record.text == data.decode("iso8859_6")


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"),
                                          (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks_are_honoured_and_removed(tmp_path, bom, encoding):
    path = _write(tmp_path, "bom.txt", bom + ARABIC_SENTENCE.encode(encoding))
    records, skipped = read_all(path)
    assert skipped == []
    assert records[0].text == ARABIC_SENTENCE  # no U+FEFF left at the start


@pytest.mark.parametrize("text,encoding", [(JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"),
                                           (FRENCH, "latin-1"), (RUSSIAN, "koi8_r"),
                                           (RUSSIAN, "cp1251")])
def test_other_legacy_encodings_are_skipped_as_unknown(tmp_path, text, encoding):
    path = _write(tmp_path, "junk.txt", text.encode(encoding))
    records, skipped = read_all(path)
    assert records == []
    assert [s.origin for s in skipped] == [str(path)]
    assert skipped[0].reason.startswith("unknown text encoding")


@pytest.mark.parametrize("data", [PNG_HEADER + bytes(range(256)) * 4,
                                  b"\xd8\x05 \x00\x00 hello \x00 world"])
def test_binary_files_are_not_text(tmp_path, data):
    path = _write(tmp_path, "image.txt", data)
    records, skipped = read_all(path)
    assert records == [] and len(skipped) == 1
    assert skipped[0].reason == "not a text file"
    assert skipped[0].origin == str(path)


def test_empty_and_blank_files(tmp_path):
    empty = _write(tmp_path, "a_empty.txt", b"")
    blank = _write(tmp_path, "b_blank.txt", b" \n\t\r\n")
    records, skipped = read_all(tmp_path)
    assert records == []
    assert [(s.origin, s.reason) for s in skipped] == [(str(empty), "empty file"),
                                                       (str(blank), "no text")]


def test_decode_text_prefers_utf8_and_reports_reason():
    assert decode_text(ARABIC_SENTENCE.encode("utf-8")) == ARABIC_SENTENCE
    with pytest.raises(UndecodableError, match="unknown text encoding"):
        decode_text(JAPANESE.encode("shift_jis"))


def test_utf8_with_a_few_broken_bytes_is_read_with_a_warning(tmp_path):
    data = SEED_TEXT.encode("utf-8")
    path = _write(tmp_path, "damaged.txt", data[:300] + b"\xff" + data[300:])
    (record,), skipped = read_all(path)
    assert skipped == []
    assert record.text.replace("\ufffd", "") == SEED_TEXT
    assert record.warnings == ["1 invalid UTF-8 byte sequence(s) replaced by U+FFFD"]


def test_nul_byte_late_in_a_file_means_binary(tmp_path):
    path = _write(tmp_path, "late.txt", SEED_TEXT.encode("utf-8") * 10 + b"\x00tail")
    (skip,) = read_all(path)[1]
    assert skip.reason == "not a text file"


def test_detect_names_the_encoding():
    from searchlib.ingest import detect
    assert detect(ARABIC_SENTENCE.encode("cp1256")).encoding == "cp1256"
    assert detect(codecs.BOM_UTF8 + b"x").encoding == "utf-8"
    assert detect(codecs.BOM_UTF16_LE + "x".encode("utf-16-le")).encoding == "utf-16"
