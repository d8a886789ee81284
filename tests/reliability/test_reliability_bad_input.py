"""Bad input end to end: every record is indexed or reported as skipped, and the counts add up.

The tests build a folder of hostile files themselves (binary data, an image, empty files, unknown
encodings, truncated and corrupt zips, invalid JSON lines among valid ones, records without text,
absurd fields, dangling symlinks and symlink loops) and index it through
``SearchIndex.index_paths`` and through ``python -m searchlib index``.
"""
from __future__ import annotations

import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

import searchlib
from reliability_support import make_articles, marker, run_cli, write_jsonl


@dataclass
class Item:
    """One unit of input the report must account for exactly once."""
    origin: str          # what a Skipped origin for it must contain (file name, and ":line")
    token: str | None    # a marker token that finds it in the index when it was indexed
    expect: str          # "indexed", "skipped", or "either" (a policy choice, but never both/none)


def _record(number: int, **fields) -> dict:
    doc = make_articles(1, start=number, words=40)[0]
    doc.update(fields)
    return doc


def _zip_bytes(member: str, payload: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, payload)
    return buffer.getvalue()


def build_bad_corpus(root: Path) -> list[Item]:
    """Write the hostile corpus under `root`; return what the index report must account for."""
    root.mkdir(parents=True)
    items: list[Item] = []

    # JSONL: valid records mixed with invalid lines and records without text.
    lines = [
        json.dumps(_record(1), ensure_ascii=False),                       # 1 ok
        '{"id": "broken-1", "text": "مقال بلا نهاية',                       # 2 invalid JSON
        json.dumps(_record(2), ensure_ascii=False),                       # 3 ok
        "this is not json at all",                                        # 4 invalid JSON
        json.dumps({"id": "no-text-1", "title": "عنوان بلا نص"}, ensure_ascii=False),   # 5 no text
        json.dumps({"id": "no-text-2", "text": ""}),                      # 6 empty text
        json.dumps({"id": "no-text-3", "text": None}),                    # 7 null text
        json.dumps({"id": "no-text-4", "text": "   \n\t  "}),             # 8 blank text
        "[1, 2, 3]",                                                      # 9 not an object
        json.dumps(_record(3), ensure_ascii=False),                       # 10 ok
    ]
    (root / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items += [Item("mixed.jsonl:1", marker(1), "indexed"), Item("mixed.jsonl:2", None, "skipped"),
              Item("mixed.jsonl:3", marker(2), "indexed"), Item("mixed.jsonl:4", None, "skipped"),
              Item("mixed.jsonl:5", None, "skipped"), Item("mixed.jsonl:6", None, "skipped"),
              Item("mixed.jsonl:7", None, "skipped"), Item("mixed.jsonl:8", None, "skipped"),
              Item("mixed.jsonl:9", None, "skipped"), Item("mixed.jsonl:10", marker(3), "indexed")]

    # Absurd fields: each record is a policy choice (kept or refused) but must be accounted for.
    absurd = [
        _record(10, title="عنوان " * 2000),                                # 10,000+ character title
        _record(11, date="2024-13-45"),                                    # impossible date
        _record(12, date="not a date at all"),
        _record(13, id=42),                                                # integer id
        _record(14, id=["a", "list"]),                                     # list id
        _record(15, id={"an": "object"}),                                  # object id
        _record(16, id=None),                                              # null id: derived
        _record(17, actors="بوتين"),                                       # string, not a list
        _record(18, agreements=[{"no": "name"}, 5, None]),
        _record(19, source=["a", "b"], url=12, author={"x": 1}),
    ]
    write_jsonl(root / "absurd.jsonl", absurd)
    for line, doc in enumerate(absurd, start=1):
        items.append(Item(f"absurd.jsonl:{line}", marker(10 + line - 1), "either"))

    # A .json array with a non-object member.
    (root / "array.json").write_text(json.dumps([_record(20), "just a string", 7], ensure_ascii=False),
                                     encoding="utf-8")
    items += [Item("array.json", marker(20), "indexed"), Item("array.json", None, "skipped"),
              Item("array.json", None, "skipped")]

    # Text files: good, Windows-1256, binary, image, empty, blank, unknown encodings.
    good = _record(30)
    (root / "good.txt").write_text(f"{good['title']}\n\n{good['text']}\n", encoding="utf-8")
    items.append(Item("good.txt", marker(30), "indexed"))
    cp = _record(31)
    (root / "windows.txt").write_bytes(f"{cp['title']}\n\n{cp['text']}\n".encode("cp1256"))
    items.append(Item("windows.txt", marker(31), "indexed"))
    (root / "binary.txt").write_bytes(bytes(range(256)) * 40 + b"\x00" * 1000)
    items.append(Item("binary.txt", None, "skipped"))
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(2000))
    items.append(Item("photo.png", None, "skipped"))
    (root / "empty.txt").write_bytes(b"")
    items.append(Item("empty.txt", None, "skipped"))
    (root / "blank.txt").write_text(" \n\n\t \n", encoding="utf-8")
    items.append(Item("blank.txt", None, "skipped"))
    u16 = _record(32)
    (root / "utf16.txt").write_bytes(f"{u16['title']}\n\n{u16['text']}\n".encode("utf-16-le"))
    items.append(Item("utf16.txt", marker(32), "either"))
    (root / "latin1.txt").write_bytes("Ünïcödé façade - «naïve» ".encode("latin-1") * 50
                                      + marker(33).encode())
    items.append(Item("latin1.txt", marker(33), "either"))

    # SaudiNewsNet-style zips: good, truncated, corrupt, invalid JSON inside.
    def snn(number: int) -> dict:
        doc = _record(number)
        return {"source": "synthetic", "url": f"https://example.org/{number}",
                "date_extracted": "2015-07-21 10:00:00", "title": doc["title"], "author": "",
                "content": doc["text"]}

    good_zip = _zip_bytes("2015-07-21.json", json.dumps([snn(40), snn(41)], ensure_ascii=False).encode())
    (root / "2015-07-21.zip").write_bytes(good_zip)
    items += [Item("2015-07-21.zip", marker(40), "indexed"), Item("2015-07-21.zip", marker(41), "indexed")]
    truncated = _zip_bytes("2015-07-22.json", json.dumps([snn(42), snn(43)], ensure_ascii=False).encode())
    (root / "2015-07-22.zip").write_bytes(truncated[: len(truncated) // 2])
    items.append(Item("2015-07-22.zip", None, "skipped"))
    (root / "2015-07-23.zip").write_bytes(b"PK\x03\x04" + os.urandom(3000))
    items.append(Item("2015-07-23.zip", None, "skipped"))
    (root / "2015-07-24.zip").write_bytes(_zip_bytes("2015-07-24.json", b'[{"content": "unterminated'))
    items.append(Item("2015-07-24.zip", None, "skipped"))

    # Symlinks: a dangling one, one pointing at itself, and a folder loop.
    (root / "dangling.txt").symlink_to(root / "does-not-exist.txt")
    items.append(Item("dangling.txt", None, "skipped"))
    (root / "self.txt").symlink_to(root / "self.txt")
    items.append(Item("self.txt", None, "skipped"))
    nested = root / "nested"
    nested.mkdir()
    inner = _record(50)
    (nested / "inner.txt").write_text(f"{inner['title']}\n\n{inner['text']}\n", encoding="utf-8")
    items.append(Item("inner.txt", marker(50), "indexed"))
    (nested / "loop").symlink_to(root, target_is_directory=True)      # root/nested/loop -> root
    return items


def _skips_for(item: Item, skipped) -> list:
    """The Skipped entries naming the item's file (and line: "a.jsonl:1" never matches ":10")."""
    named = re.compile(re.escape(item.origin) + r"(?![0-9])")
    return [s for s in skipped if named.search(str(s.origin))]


def _found(ix, token: str) -> int:
    return ix.search(token, limit=5).total


def check_accounting(ix, report, items: list[Item]) -> None:
    """Every item is indexed or skipped (as expected), and the report's counts add up."""
    for skip in report.skipped:
        assert str(skip.origin).strip() and str(skip.reason).strip(), skip
        assert "\n" not in str(skip.reason).strip(), f"reason must be one line: {skip!r}"
    indexed_items = 0
    problems = []
    for item in items:
        skips = _skips_for(item, report.skipped)
        found = _found(ix, item.token) if item.token else 0
        if item.expect == "indexed":
            if found != 1:
                problems.append(f"{item.origin}: expected indexed once, found {found} (skips: {skips})")
            indexed_items += 1
        elif item.expect == "skipped":
            if not skips:
                problems.append(f"{item.origin}: expected a Skipped naming it, got none")
        elif found == 1 and not skips:
            indexed_items += 1
        elif not (found == 0 and skips):   # "either": one of the two, never both or neither
            problems.append(f"{item.origin}: found {found} times, skips {skips}")
    assert not problems, "\n".join(problems)
    assert report.indexed + report.updated + report.unchanged == indexed_items, report
    skipped_expected = sum(1 for item in items if item.expect == "skipped")
    assert len(report.skipped) >= skipped_expected
    assert ix.stats()["documents"] == indexed_items


def test_index_paths_accounts_for_every_bad_record(tmp_path):
    items = build_bad_corpus(tmp_path / "bad")
    ix = searchlib.create_index(tmp_path / "ix")
    report = ix.index_paths([tmp_path / "bad"])
    check_accounting(ix, report, items)
    # The index still answers ordinary queries afterwards.
    assert ix.search(marker(1)).hits[0].id == make_articles(1, start=1)[0]["id"]

    # Idempotent: the same input again changes nothing and reports the same skips.
    again = ix.index_paths([tmp_path / "bad"])
    assert again.indexed == 0 and again.updated == 0
    assert again.unchanged == report.indexed + report.updated + report.unchanged
    assert sorted(map(str, (s.origin for s in again.skipped))) == \
        sorted(map(str, (s.origin for s in report.skipped)))


def test_missing_path_is_a_one_line_input_error(tmp_path):
    ix = searchlib.create_index(tmp_path / "ix")
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(searchlib.InputError) as error:
        ix.index_paths([missing])
    message = str(error.value)
    assert str(missing) in message and "\n" not in message.strip()
    assert ix.search("بوتين").total == 0     # the index is still usable


def test_cli_accounts_for_every_bad_record(tmp_path, home):
    items = build_bad_corpus(tmp_path / "bad")
    index_dir = tmp_path / "ix"
    result = run_cli(["index", str(tmp_path / "bad"), "--index", str(index_dir), "--json"], home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    report = SimpleNamespace(indexed=data["indexed"], updated=data["updated"],
                             unchanged=data["unchanged"],
                             skipped=[SimpleNamespace(**skip) for skip in data["skipped"]])
    check_accounting(searchlib.open_index(index_dir), report, items)
    search = run_cli(["search", marker(40), "--index", str(index_dir), "--json"], home)
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)["total"] == 1


def test_cli_names_each_bad_line_on_its_own_stderr_line(tmp_path, home):
    lines = [json.dumps(_record(1), ensure_ascii=False), "{broken", json.dumps({"id": "x"}),
             json.dumps(_record(2), ensure_ascii=False), "[]"]
    source = tmp_path / "few.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(["index", str(source), "--index", str(tmp_path / "ix")], home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for line_number in (2, 3, 5):
        named = [line for line in result.stderr.splitlines() if f"few.jsonl:{line_number}" in line]
        assert len(named) == 1, f"few.jsonl:{line_number} not reported once:\n{result.stderr}"
    assert searchlib.open_index(tmp_path / "ix").stats()["documents"] == 2


@pytest.mark.parametrize("build", ["missing", "only-bad"])
def test_cli_exits_non_zero_with_one_line_when_nothing_can_be_done(tmp_path, home, build):
    if build == "missing":
        source = tmp_path / "no-such-file.jsonl"
    else:
        source = tmp_path / "only-bad"
        source.mkdir()
        (source / "binary.txt").write_bytes(b"\x00\xff" * 500)
        (source / "empty.txt").write_bytes(b"")
    result = run_cli(["index", str(source), "--index", str(tmp_path / "ix")], home)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert errors and source.name in "\n".join(errors), result.stderr


@pytest.mark.slow
def test_ten_megabyte_article_is_accounted_for(tmp_path):
    huge = make_articles(1, words=1_500_000 // 6 * 6, start=60)[0]   # ~10 MB of Arabic text
    assert len(huge["text"].encode("utf-8")) > 10_000_000
    small = make_articles(2, start=61)
    source = write_jsonl(tmp_path / "huge.jsonl", [small[0], huge, small[1]])
    ix = searchlib.create_index(tmp_path / "ix")
    report = ix.index_paths([source])
    items = [Item("huge.jsonl:1", marker(61), "indexed"), Item("huge.jsonl:2", marker(60), "either"),
             Item("huge.jsonl:3", marker(62), "indexed")]
    check_accounting(ix, report, items)
