"""Writing: idempotent, incremental, replace by id, delete, counts, batches, procs=2."""
from __future__ import annotations

import json

import pytest

from index_helpers import article


def ids(index) -> list[str]:
    return sorted(fields["id"] for fields in index.searcher().all_stored_fields())


def test_seeds_are_indexed_once_and_reindexing_adds_nothing(new_index, seeds_dir):
    index = new_index()
    first = index.index_paths([seeds_dir])
    assert (first.indexed, first.updated, first.unchanged, first.skipped) == (5, 0, 0, [])
    second = index.index_paths([seeds_dir])
    assert (second.indexed, second.updated, second.unchanged) == (0, 0, 5)
    assert len(ids(index)) == 5 == len(set(ids(index)))


def test_changed_document_replaces_old_version(new_index):
    index = new_index()
    index.add_documents([article(1), article(2)])
    changed = article(2, word="محادثات", title="عنوان جديد تماما")
    report = index.add_documents([article(1), changed])
    assert (report.indexed, report.updated, report.unchanged) == (0, 1, 1)
    assert ids(index) == ["doc-1", "doc-2"]
    assert index.get("doc-2")["title"] == "عنوان جديد تماما"
    assert index.search("zqmark2").hits[0].title == "عنوان جديد تماما"


def test_same_id_twice_in_one_run_keeps_the_last(new_index):
    index = new_index()
    report = index.add_documents([article(1), article(1, title="الثاني")])
    assert (report.indexed, report.updated) == (1, 1)
    assert ids(index) == ["doc-1"]
    assert index.get("doc-1")["title"] == "الثاني"


def test_delete_by_id(new_index):
    index = new_index()
    index.add_documents([article(n) for n in range(3)])
    assert index.delete(["doc-1", "no-such-id"]) == 1
    assert ids(index) == ["doc-0", "doc-2"]
    assert index.search("zqmark1").total == 0
    assert index.delete(["doc-1"]) == 0


def test_bad_records_are_skipped_and_counts_add_up(new_index):
    index = new_index()
    docs = [article(1), {"id": "empty", "text": "   "}, "not an object",
            article(2, date="0003-01-01"), article(3, agreements=[{"type": "treaty"}])]
    report = index.add_documents(docs)
    assert report.indexed == 1
    assert report.total == len(docs)
    reasons = " | ".join(skip.reason for skip in report.skipped)
    assert "no text" in reasons and "year 3" in reasons and "name" in reasons
    assert all(skip.origin for skip in report.skipped)


def test_missing_id_is_derived_from_content_and_stable(new_index):
    index = new_index()
    doc = {"title": "بلا معرف", "text": "نص   الخبر بلا معرف zqmarkx"}
    index.add_documents([doc])
    again = index.add_documents([dict(doc, text="نص الخبر بلا معرف zqmarkx")])
    assert again.unchanged == 0 and again.updated == 1   # same id, other whitespace = new hash
    (doc_id,) = ids(index)
    assert doc_id.startswith("sha1-")


def test_given_fields_are_used_as_given(new_index):
    index = new_index()
    index.add_documents([article(1, actors=["جهة ما تجريبية"],
                                 agreements=[{"name": "اتفاق تجريبي", "type": "treaty",
                                              "date": "2014-05-06"}, "بيان مشترك"],
                                 url="https://example.org/1", author="كاتب")])
    hit = index.search("zqmark1").hits[0]
    assert hit.actors == ["جهة ما تجريبية"]
    assert hit.agreements == [{"name": "اتفاق تجريبي", "type": "treaty", "date": "2014-05-06"},
                              {"name": "بيان مشترك", "type": "agreement", "date": None}]
    assert hit.source == "testwire" and str(hit.date) == "2015-02-11"
    assert (hit.url, hit.author) == ("https://example.org/1", "كاتب")


def test_a_records_date_dates_the_role_titles_its_text_leaves_undated(new_index):
    index = new_index()
    text = "قال الرئيس الأمريكي إن بلاده ستدعم الحل السياسي zqrole."
    index.add_documents([article(1, text=text, date="2015-08-10"), article(2, text=text, date="2018-08-10"),
                         {"id": "doc-3", "text": text}])
    actors = {hit.id: hit.actors for hit in index.search("zqrole", limit=10).hits}
    assert "باراك أوباما" in actors["doc-1"] and "دونالد ترامب" in actors["doc-2"]
    assert not {"باراك أوباما", "دونالد ترامب"} & set(actors["doc-3"])     # no date anywhere: no guess


def test_small_commit_batches_keep_every_document(new_index):
    index = new_index(commit_every=3)
    report = index.add_documents([article(n) for n in range(10)])
    assert report.indexed == 10
    assert ids(index) == sorted(f"doc-{n}" for n in range(10))


def test_two_processes_give_the_same_index_as_one(new_index, tmp_path):
    docs = [article(n, word=w) for n, w in enumerate(["مفاوضات", "محادثات", "اتفاق"] * 4)]
    one, two = new_index("one"), new_index("two")
    report_one = one.add_documents(docs, procs=1)
    report_two = two.add_documents(docs, procs=2)
    assert report_one == report_two
    assert ids(one) == ids(two)
    for query in ("محادثات", "zqmark5", "اتفاق"):
        assert ([hit.id for hit in one.search(query).hits]
                == [hit.id for hit in two.search(query).hits])


def test_jsonl_file_and_report_to_dict(new_index, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(article(n), ensure_ascii=False) for n in range(3))
                    + "\n{broken json\n", encoding="utf-8")
    report = new_index().index_paths([path])
    data = report.to_dict()
    assert (data["indexed"], len(data["skipped"])) == (3, 1)
    assert data["skipped"][0]["origin"].startswith(str(path))


@pytest.mark.parametrize("procs", [1, 2])
def test_failed_extraction_skips_and_keeps_the_old_version(new_index, monkeypatch, procs):
    import searchlib.extraction

    real_extract = searchlib.extraction.extract

    def fragile_extract(text, **options):
        if "zqboom" in text:
            raise RuntimeError("extractor bug")
        return real_extract(text, **options)

    index = new_index()
    index.add_documents([article(1), article(2)])
    monkeypatch.setattr(searchlib.extraction, "extract", fragile_extract)
    broken = article(1, text="نص جديد يفجر المستخرج zqboom")
    report = index.add_documents([broken, article(2), article(3)], procs=procs)
    assert (report.indexed, report.updated, report.unchanged) == (1, 0, 1)
    assert len(report.skipped) == 1 and "extraction failed" in report.skipped[0].reason
    assert report.skipped[0].origin == "document 1"
    assert ids(index) == ["doc-1", "doc-2", "doc-3"]
    assert index.search("zqmark1").total == 1 and index.search("zqboom").total == 0


def test_progress_goes_to_stderr(new_index, capsys):
    new_index().add_documents([article(n) for n in range(3)], progress=True)
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "indexing" in captured.err and "3" in captured.err


def test_updates_with_two_processes(new_index):
    index = new_index()
    index.add_documents([article(n) for n in range(6)], procs=2)
    report = index.add_documents([article(n, title=f"معدل {n}") if n % 2 else article(n)
                                  for n in range(8)], procs=2)
    assert (report.indexed, report.updated, report.unchanged) == (2, 3, 3)
    assert ids(index) == sorted(f"doc-{n}" for n in range(8))
    assert index.get("doc-3")["title"] == "معدل 3"


def test_ingest_warnings_are_reported_and_the_record_indexed(new_index):
    report = new_index().add_documents([article(1, date="2024-13-45")])
    assert report.indexed == 1
    assert any("document 1" in warning and "date" in warning for warning in report.warnings)


def test_a_title_made_from_the_opening_words_is_shown_but_not_searched_as_a_title(new_index):
    new_index = new_index()
    # no title given and no headline line: the extractor's title is the body's opening words
    text = ("قال وزير الخارجية عادل الجبير اليوم إن المملكة ترحب بالاتفاق النووي بين إيران "
            "والقوى الكبرى وتأمل أن يكون خطوة نحو الاستقرار في المنطقة كلها.\n"
            "وأضاف أن المملكة ستتابع تنفيذ الاتفاق عن كثب مع الحلفاء.")
    new_index.add_documents([{"id": "no-headline", "text": text}])
    hit = new_index.search("الجبير").hits[0]
    assert hit.id == "no-headline" and hit.title.startswith("قال وزير الخارجية")
    assert new_index.search("title:الجبير").total == 0
    # a headline the extractor did find is searched as a title
    new_index.add_documents([{"id": "headline", "text": "الجبير يرحب بالاتفاق\n\n" + text}])
    assert [h.id for h in new_index.search("title:الجبير").hits] == ["headline"]


def test_a_run_with_nothing_new_still_removes_a_killed_runs_files(new_index):
    index = new_index()
    index.add_documents([article(1), article(2)])
    # what a writer killed before its commit leaves: segment files no table of contents names
    for suffix in (".seg", ".trm", ".pst"):
        (index.path / f"MAIN_killedrun0000000{suffix}").write_bytes(b"\0" * 64)
    (index.path / "_MAIN_9.toc.1700000000.5").write_bytes(b"\0")
    report = index.add_documents([article(1), article(2)])
    assert (report.indexed, report.unchanged) == (0, 2)
    left = [p.name for p in index.path.iterdir() if "killedrun" in p.name or ".toc." in p.name]
    assert left == []
    assert ids(index) == ["doc-1", "doc-2"]
