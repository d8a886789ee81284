"""`searchlib index`, `extract` and `analyze`, run as a user would, in subprocesses."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import searchlib
from cli_helpers import one_line_error

SEEDS = Path(searchlib.__file__).resolve().parent / "seeds"
SEED = sorted(SEEDS.glob("*.txt"))[0]

ARTICLE_ONE = """\
وزير الخارجية يزور الرباط لبحث التعاون الزراعي

الرباط - 12 مارس 2019
التقى وزير الخارجية نظيره المغربي في الرباط لبحث التعاون الزراعي وتبادل الخبرات في زراعة النخيل.
"""
ARTICLE_TWO = """\
افتتاح معرض الكتاب في تونس بمشاركة واسعة

تونس - 3 أبريل 2021
افتتح معرض الكتاب الدولي في تونس أبوابه أمام الزوار بمشاركة ناشرين من عشرين بلدا.
"""


@pytest.fixture()
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    (folder / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "more" / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


def summary_counts(stdout: str) -> dict[str, int]:
    return {name: int(count) for name, count in
            re.findall(r"(indexed|updated|unchanged|skipped) (\d+)", stdout)}


def test_index_a_folder_then_search_it(run_cli, tmp_path, articles):
    index_dir = tmp_path / "ix"
    done = run_cli("index", str(articles), "--index", str(index_dir), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert summary_counts(done.stdout) == {"indexed": 2, "updated": 0, "unchanged": 0,
                                           "skipped": 0}
    found = run_cli("search", "النخيل", "--index", str(index_dir), "--json", home=tmp_path)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["total"] == 1
    assert result["hits"][0]["title"] == ARTICLE_ONE.splitlines()[0]
    # the default index was not touched by a search with --index
    assert not (tmp_path / "default-index").exists()


def test_indexing_again_is_idempotent_and_picks_up_changes(run_cli, tmp_path, articles):
    index_dir = tmp_path / "ix"
    assert run_cli("index", str(articles), "--index", str(index_dir), home=tmp_path).returncode == 0
    again = run_cli("index", str(articles), "--index", str(index_dir), "--json", home=tmp_path)
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert {key: report[key] for key in ("indexed", "updated", "unchanged", "skipped")} == \
        {"indexed": 0, "updated": 0, "unchanged": 2, "skipped": []}
    (articles / "one.txt").write_text(ARTICLE_ONE.replace("النخيل", "الزيتون"), encoding="utf-8")
    changed = run_cli("index", str(articles), "--index", str(index_dir), "--json", home=tmp_path)
    report = json.loads(changed.stdout)
    assert (report["indexed"] + report["updated"], report["unchanged"]) == (1, 1)
    stats = json.loads(run_cli("stats", "--index", str(index_dir), "--json", home=tmp_path).stdout)
    assert stats["documents"] == 2
    gone = run_cli("search", "النخيل", "--index", str(index_dir), home=tmp_path)
    assert gone.returncode == 1


def test_index_without_index_option_adds_to_the_default_index(run_cli, tmp_path, articles):
    done = run_cli("index", str(articles / "one.txt"), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "default index" in done.stdout
    stats = json.loads(run_cli("stats", "--json", home=tmp_path).stdout)
    assert stats["documents"] == len(list(SEEDS.glob("*.txt"))) + 1
    assert run_cli("search", "النخيل", home=tmp_path).returncode == 0
    assert run_cli("search", "علييف", home=tmp_path).returncode == 0


def test_skipped_records_are_listed_one_line_each(run_cli, tmp_path):
    source = tmp_path / "feed.jsonl"
    good = {"id": "a1", "title": "خبر سليم", "text": "افتتح معرض الكتاب في تونس أبوابه"}
    source.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    done = run_cli("index", str(source), "--index", str(tmp_path / "ix"), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert summary_counts(done.stdout)["indexed"] == 1
    assert summary_counts(done.stdout)["skipped"] == 1
    skipped_lines = [line for line in done.stderr.splitlines() if "feed.jsonl" in line]
    assert len(skipped_lines) == 1 and "feed.jsonl:2" in skipped_lines[0], done.stderr


def test_index_missing_path_exits_2_naming_it(run_cli, tmp_path, articles):
    missing = tmp_path / "no-such-folder"
    done = run_cli("index", str(articles), str(missing), "--index", str(tmp_path / "ix"),
                   home=tmp_path)
    assert done.returncode == 2
    one_line_error(done, str(missing))
    assert not (tmp_path / "ix").exists() or not any((tmp_path / "ix").iterdir())


def test_index_into_a_folder_that_holds_something_else_exits_2(run_cli, tmp_path, articles):
    occupied = tmp_path / "photos"
    occupied.mkdir()
    (occupied / "holiday.jpg").write_bytes(b"\xff\xd8")
    done = run_cli("index", str(articles), "--index", str(occupied), home=tmp_path)
    assert done.returncode == 2
    one_line_error(done, str(occupied))
    assert sorted(p.name for p in occupied.iterdir()) == ["holiday.jpg"]


def test_locked_index_exits_2_with_one_line(run_cli, tmp_path, articles):
    index_dir = tmp_path / "ix"
    assert run_cli("index", str(articles), "--index", str(index_dir), home=tmp_path).returncode == 0
    from whoosh import index as whoosh_index
    name = re.match(r"_(.+)_\d+\.toc$", next(index_dir.glob("_*_*.toc")).name).group(1)
    writer = whoosh_index.open_dir(str(index_dir), indexname=name).writer()
    try:
        (articles / "three.txt").write_text(ARTICLE_TWO.replace("تونس", "عمان"), encoding="utf-8")
        done = run_cli("index", str(articles), "--index", str(index_dir), "--lock-timeout", "0.5",
                       home=tmp_path)
    finally:
        writer.cancel()
    assert done.returncode == 2
    one_line_error(done, str(index_dir))


def test_extract_json_has_the_interface_keys(cli):
    done = cli("extract", str(SEED), "--json")
    assert done.returncode == 0, done.stderr
    metadata = json.loads(done.stdout)
    assert set(metadata) >= {"title", "date", "source", "actors", "agreements", "mentioned_dates",
                             "body"}
    assert metadata == json.loads(json.dumps(
        searchlib.extract(SEED.read_text(encoding="utf-8-sig")).to_dict(), ensure_ascii=False))
    assert all(actor["kind"] in {"person", "organization", "country"}
               for actor in metadata["actors"])


def test_extract_human_output_shows_the_metadata(cli):
    metadata = searchlib.extract(SEED.read_text(encoding="utf-8-sig")).to_dict()
    done = cli("extract", str(SEED))
    assert done.returncode == 0, done.stderr
    assert metadata["title"] in done.stdout
    for actor in metadata["actors"]:
        assert actor["name"] in done.stdout
    if metadata["date"]:
        assert metadata["date"] in done.stdout


def test_extract_reads_windows_1256_and_stdin_like_utf8(cli, tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(ARTICLE_ONE.encode("cp1256"))
    from_utf8 = json.loads(cli("extract", "-", "--json", stdin=ARTICLE_ONE.encode("utf-8")).stdout)
    from_1256 = cli("extract", str(legacy), "--json")
    assert from_1256.returncode == 0, from_1256.stderr
    assert json.loads(from_1256.stdout) == from_utf8
    assert from_utf8["title"] == ARTICLE_ONE.splitlines()[0]


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_extract_bad_file_exits_2_naming_it(cli, tmp_path, make):
    target = tmp_path / "article.txt"
    if make == "folder":
        target.mkdir()
    done = cli("extract", str(target))
    assert done.returncode == 2
    one_line_error(done, str(target))


def test_analyze_json_offsets_point_into_the_text(cli):
    text = "وقّع الرئيسان إعلاناً في موسكو، والاتفاقيات الدولية"
    done = cli("analyze", text, "--json")
    assert done.returncode == 0, done.stderr
    tokens = json.loads(done.stdout)
    assert [token["term"] for token in tokens] == searchlib.analyze(text)
    assert all(set(token) == {"term", "start", "end"} for token in tokens)
    starts = [token["start"] for token in tokens]
    assert starts == sorted(starts)
    for token in tokens:
        piece = text[token["start"]:token["end"]]
        assert piece.strip() == piece and piece
        assert searchlib.analyze(piece) == [token["term"]]


def test_analyze_human_output_pairs_terms_with_their_slices(cli):
    text = "والاتفاقيات الدولية"
    done = cli("analyze", text)
    assert done.returncode == 0
    for token in searchlib.analyze_tokens(text):
        line = next(line for line in done.stdout.splitlines() if line.startswith(token["term"]))
        assert text[token["start"]:token["end"]] in line
        assert f"{token['start']}-{token['end']}" in line


def test_analyze_no_stem_keeps_the_normalized_word(cli):
    text = "والاتفاقيات"
    stemmed = json.loads(cli("analyze", text, "--json").stdout)
    unstemmed = json.loads(cli("analyze", text, "--json", "--no-stem").stdout)
    assert [t["term"] for t in unstemmed] == searchlib.analyze(text, stem=False)
    assert [t["term"] for t in stemmed] != [t["term"] for t in unstemmed]


def test_extract_published_dates_an_undated_role_title(cli):
    article = "خبر\nقال الرئيس الأمريكي إن بلاده ستدعم الحل السياسي."
    undated = json.loads(cli("extract", "-", "--json", stdin=article.encode("utf-8")).stdout)
    dated = json.loads(cli("extract", "-", "--json", "--published", "2015-08-10",
                           stdin=article.encode("utf-8")).stdout)
    assert undated["date"] is None and "باراك أوباما" not in [a["name"] for a in undated["actors"]]
    assert dated["date"] == "2015-08-10" and "باراك أوباما" in [a["name"] for a in dated["actors"]]
    bad = cli("extract", "-", "--published", "10/08/2015", stdin=article.encode("utf-8"))
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr
