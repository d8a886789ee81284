"""Every program in examples/ runs as is (in a subprocess, with a private SEARCHLIB_HOME)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CORPUS = REPO / ".." / "shared" / "corpora" / "saudinewsnet"


def run_example(name: str, *args: str, home: Path,
                timeout: float = 240) -> subprocess.CompletedProcess:
    env = dict(os.environ, SEARCHLIB_HOME=str(home))
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True,
                          env=env, timeout=timeout, cwd=REPO, text=True, encoding="utf-8")


def test_search_seeds_prints_highlighted_hits(tmp_path):
    done = run_example("search_seeds.py", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("5 hit(s) for علييف")
    assert done.stdout.count("علييف") >= 6   # the header and at least one snippet per hit
    nothing = run_example("search_seeds.py", "زقزقلمطوشة", home=tmp_path)
    assert nothing.returncode == 1 and nothing.stdout.startswith("0 hit(s)")


def test_facets_example_filters_by_facet_date_and_sorts(tmp_path):
    done = run_example("facets.py", home=tmp_path)
    assert done.returncode == 0, done.stderr
    for section in ("actor =", "-01-01 ..", "sorted by date"):
        assert section in done.stdout
    sorted_block = done.stdout.split("sorted by date")[1]
    dates = [line.split()[0] for line in sorted_block.splitlines()[1:] if line.strip()]
    dated = [d for d in dates if d[0].isdigit()]
    assert dated == sorted(dated, reverse=True) and len(dated) >= 2


def saudinewsnet_zip(folder: Path, day: str, articles: list[dict]) -> Path:
    """A zip in the SaudiNewsNet layout: YYYY-MM-DD.zip holding YYYY-MM-DD.json."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{day}.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{day}.json", json.dumps(articles, ensure_ascii=False))
    return path


def test_index_corpus_example_on_a_small_saudinewsnet_shaped_corpus(tmp_path):
    articles = [
        {"source": "sabq", "url": f"https://example.org/{n}",
         "date_extracted": "2015-07-21 10:00:00",
         "title": title, "author": "", "content": content}
        for n, (title, content) in enumerate([
            ("وقف إطلاق النار في اليمن", "أعلن التحالف وقف إطلاق النار في اليمن لمدة خمسة أيام."),
            ("افتتاح معرض الكتاب", "افتتح معرض الكتاب في الرياض أبوابه للزوار."),
            ("أمطار غزيرة على جدة", "هطلت أمطار غزيرة على جدة صباح اليوم."),
        ])]
    corpus = tmp_path / "corpus"
    saudinewsnet_zip(corpus, "2015-07-21", articles)
    index_dir = tmp_path / "ix"
    done = run_example("index_corpus.py", str(corpus), "--index", str(index_dir), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "indexed 3, updated 0, unchanged 0, skipped 0" in done.stdout
    assert "1 hit(s) for «وقف إطلاق النار»" in done.stdout
    assert "وقف إطلاق النار في اليمن" in done.stdout
    limited = run_example("index_corpus.py", str(corpus), "--index", str(tmp_path / "ix2"),
                          "--limit", "2", "--query", "معرض الكتاب", home=tmp_path)
    assert limited.returncode == 0, limited.stderr
    assert "indexed 2," in limited.stdout


@pytest.mark.corpus
@pytest.mark.slow
def test_index_corpus_example_on_a_real_zip_with_limit(tmp_path):
    zips = sorted(CORPUS.glob("*.zip"))
    if not zips:
        pytest.skip("SaudiNewsNet corpus not present at ../shared/corpora/saudinewsnet")
    done = run_example("index_corpus.py", str(zips[0]), "--index", str(tmp_path / "ix"),
                       "--limit", "200", "--query", "السعودية", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "indexed 200," in done.stdout
    hits_line = next(line for line in done.stdout.splitlines() if "hit(s) for" in line)
    assert int(hits_line.split()[0]) > 0
