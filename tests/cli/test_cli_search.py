"""`searchlib search` and `searchlib stats` on the embedded default index, run as a user would."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import searchlib
from cli_helpers import one_line_error

SEEDS = Path(searchlib.__file__).resolve().parent / "seeds"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FACET_NAMES = {"actor", "agreement", "year", "source"}
AGREEMENT_TYPES = {"ceasefire", "declaration", "treaty", "memorandum", "statement", "agreement"}


def seed_titles() -> set[str]:
    return {searchlib.extract(path.read_text(encoding="utf-8-sig")).title
            for path in sorted(SEEDS.glob("*.txt"))}


def test_search_json_has_the_interface_shape_and_finds_every_seed(cli):
    done = cli("search", "علييف", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) >= {"query", "total", "page", "limit", "hits", "facets", "suggestion"}
    assert result["query"] == "علييف"
    assert (result["page"], result["limit"]) == (1, 10)
    assert result["total"] == len(list(SEEDS.glob("*.txt"))) == len(result["hits"])
    assert {hit["title"] for hit in result["hits"]} == seed_titles()
    scores = [hit["score"] for hit in result["hits"]]
    assert scores == sorted(scores, reverse=True)
    for hit in result["hits"]:
        assert set(hit) >= {"id", "title", "date", "source", "actors", "agreements", "score",
                            "highlights"}
        assert hit["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit["date"])
        assert all(isinstance(actor, str) for actor in hit["actors"])
        for agreement in hit["agreements"]:
            assert set(agreement) >= {"name", "type", "date"}
            assert agreement["type"] in AGREEMENT_TYPES
        assert re.search(r"<b[^>]*>[^<]*علييف[^<]*</b>", hit["highlights"]), hit["highlights"]
    assert set(result["facets"]) == FACET_NAMES
    for values in result["facets"].values():
        for item in values:
            assert set(item) == {"value", "count"} and item["count"] >= 1
    assert any("علييف" in item["value"] for item in result["facets"]["actor"])
    assert result["suggestion"] is None or isinstance(result["suggestion"], str)


def test_search_json_is_utf8_not_escaped(cli):
    done = cli("search", "علييف", "--json")
    assert "علييف" in done.stdout and "\\u0639" not in done.stdout


def test_human_output_numbers_every_seed_with_title_and_snippet(cli):
    done = cli("search", "علييف")
    assert done.returncode == 0, done.stderr
    for title in seed_titles():
        assert title in done.stdout
    numbers = re.findall(r"^\s*(\d+)\. ", done.stdout, flags=re.MULTILINE)
    assert numbers == [str(n) for n in range(1, len(seed_titles()) + 1)]
    assert "actor" in done.stdout and "year" in done.stdout  # the facet table


def test_piped_output_has_no_ansi_codes(cli):
    done = cli("search", "علييف")
    assert done.returncode == 0
    assert not ANSI.search(done.stdout)


def test_color_always_marks_the_matches(cli):
    done = cli("search", "علييف", "--color", "always", "--limit", "1")
    assert re.search(r"\x1b\[[0-9;]*m[^\x1b]*علييف[^\x1b]*\x1b\[0m", done.stdout), done.stdout


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("no_color", [False, True])
def test_a_terminal_gets_colour_unless_no_color_is_set(shared_home, no_color):
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update(SEARCHLIB_HOME=str(shared_home), TERM="xterm-256color")
    if no_color:
        env["NO_COLOR"] = "1"
    leader, follower = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "searchlib", "search", "علييف", "--limit",
                               "1"], stdout=follower, stderr=subprocess.PIPE, env=env, timeout=120)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0, done.stderr
    text = output.decode("utf-8")
    assert "علييف" in text
    assert bool(ANSI.search(text)) is not no_color


def test_reshape_prints_joined_letter_forms_in_visual_order(cli):
    plain = cli("search", "علييف")
    shaped = cli("search", "علييف", "--reshape")
    assert shaped.returncode == 0
    presentation_forms = re.compile("[\ufe70-\ufeff\ufb50-\ufdff]")
    assert not presentation_forms.search(plain.stdout)
    assert presentation_forms.search(shaped.stdout)
    by_env = cli("search", "علييف", env={"SEARCHLIB_RESHAPE": "1"})
    assert by_env.stdout == shaped.stdout


def test_limit_and_page_walk_through_the_results(cli):
    everything = json.loads(cli("search", "علييف", "--json").stdout)
    pages = [json.loads(cli("search", "علييف", "--json", "--limit", "3", "--page", page).stdout)
             for page in ("1", "2")]
    assert [len(page["hits"]) for page in pages] == [3, everything["total"] - 3]
    assert [hit["id"] for page in pages for hit in page["hits"]] == \
        [hit["id"] for hit in everything["hits"]]
    past_the_end = cli("search", "علييف", "--limit", "3", "--page", "9")
    assert past_the_end.returncode == 1
    assert "past the last page" in past_the_end.stdout


def test_sort_by_date_puts_the_newest_first(cli):
    result = json.loads(cli("search", "علييف", "--json", "--sort", "date").stdout)
    dates = [hit["date"] for hit in result["hits"] if hit["date"]]
    assert len(dates) >= 2
    assert dates == sorted(dates, reverse=True)


def test_date_range_filter(cli):
    everything = json.loads(cli("search", "علييف", "--json").stdout)
    years = sorted({hit["date"][:4] for hit in everything["hits"] if hit["date"]})
    assert years, "the seeds carry dates"
    year = years[-1]
    done = cli("search", "علييف", "--json", "--from", f"{year}-01-01", "--to", f"{year}-12-31")
    in_range = json.loads(done.stdout)
    assert in_range["hits"] and all(hit["date"].startswith(year) for hit in in_range["hits"])
    assert in_range["total"] == sum(1 for hit in everything["hits"]
                                    if hit["date"] and hit["date"].startswith(year))


def test_actor_filter_keeps_only_articles_naming_the_actor(cli):
    everything = json.loads(cli("search", "قره", "باغ", "--json").stdout)
    actor = everything["facets"]["actor"][-1]
    done = cli("search", "قره", "باغ", "--json", "--actor", actor["value"])
    filtered = json.loads(done.stdout)
    assert filtered["total"] == actor["count"]
    assert all(actor["value"] in hit["actors"] for hit in filtered["hits"])


def test_nothing_found_exits_1(cli):
    done = cli("search", "زقزقلمطوشة")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    as_json = cli("search", "زقزقلمطوشة", "--json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["total"] == 0


@pytest.mark.parametrize("args", [
    ["search"],
    ["search", "علييف", "--limit", "0"],
    ["search", "علييف", "--from", "2020-13-01"],
    ["search", "علييف", "--sort", "size"],
    ["search", "علييف", "--from", "2021-01-01", "--to", "2020-01-01"],
    ["frobnicate"],
    [],
])
def test_bad_usage_exits_2_with_one_line(cli, args):
    done = cli(*args)
    assert done.returncode == 2
    one_line_error(done, "searchlib")
    assert done.stdout == ""


def test_missing_index_folder_exits_2_naming_it(cli, tmp_path):
    missing = tmp_path / "nowhere"
    done = cli("search", "علييف", "--index", str(missing))
    assert done.returncode == 2
    one_line_error(done, str(missing))


def test_help_shows_an_arabic_example(cli):
    for args in (["--help"], ["search", "--help"], ["index", "--help"]):
        done = cli(*args)
        assert done.returncode == 0
        assert re.search("[\u0600-\u06ff]", done.stdout)


def test_stats_of_the_default_index(cli):
    done = cli("stats", "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["documents"] == len(list(SEEDS.glob("*.txt")))
    assert searchlib.AnalyzerConfig().signature() in json.dumps(stats, ensure_ascii=False)
    human = cli("stats")
    assert human.returncode == 0
    assert re.search(r"documents\s+5\b", human.stdout)


def test_default_index_lives_under_searchlib_home(cli, shared_home):
    assert cli("search", "علييف").returncode == 0
    assert (shared_home / "default-index" / "searchlib.json").is_file()
