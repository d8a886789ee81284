"""One writer at a time: a second writer waits, then fails clearly; readers never see an error.

Real processes throughout: a long indexing run holds the index while the test tries a second
writer through the API; the CLI is tried against a lock held by this test process (the CLI waits
the default 10 s); and a reader process plus a reader thread search in a loop during a run that
commits every few hundred documents.
"""
from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

import searchlib
from reliability_support import PYTHON, lock_is_held, index_ids, make_articles, marker, run_cli, subprocess_env, write_jsonl

pytestmark = pytest.mark.slow

DOCS = 400

READER = r"""
import json, sys, time
from pathlib import Path
import searchlib
index_dir, stop_file, marker0 = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
log = {"searches": 0, "errors": [], "counts": []}
ix = searchlib.open_index(index_dir)
ix.search("الرئيس")
stop_file.with_name("reader-ready").touch()
while not stop_file.exists():
    try:
        if log["searches"] % 5 == 0:                 # also reopen: a fresh view of each commit
            ix = searchlib.open_index(index_dir)
        results = ix.search("الرئيس " + marker0, limit=5, facets=["year", "source"])
        results.to_dict()
        log["counts"].append(ix.stats()["documents"])
        log["searches"] += 1
    except Exception as error:                        # the test asserts there are none
        log["errors"].append(f"{type(error).__name__}: {error}")
        if len(log["errors"]) > 20:
            break
    time.sleep(0.01)
print(json.dumps(log))
"""


WRITER = r"""
import sys
import searchlib
source, index_dir, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
searchlib.open_index(index_dir, commit_every=every).index_paths([source])
"""


def start_writer(source: Path, index_dir: Path, home: Path, commit_every: int) -> subprocess.Popen:
    """An indexing process on ``index_dir`` (which exists), committing every ``commit_every``."""
    with (home / "writer.stderr").open("wb") as stderr:
        return subprocess.Popen([PYTHON, "-c", WRITER, str(source), str(index_dir), str(commit_every)],
                                env=subprocess_env(home), cwd=home, stdout=subprocess.DEVNULL,
                                stderr=stderr)


def wait_for_lock(index_dir: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    until = time.monotonic() + timeout
    while time.monotonic() < until:
        assert proc.poll() is None, "the writer finished before the test could overlap it"
        if lock_is_held(index_dir):
            return
        time.sleep(0.02)
    pytest.fail("the writer never took the lock")


@pytest.fixture
def corpus(tmp_path):
    docs = make_articles(DOCS, words=60)
    return write_jsonl(tmp_path / "corpus.jsonl", docs), [doc["id"] for doc in docs]


def test_second_writer_waits_then_fails_clearly(tmp_path, home, corpus):
    source, order = corpus
    index_dir = tmp_path / "ix"
    searchlib.create_index(index_dir)
    writer = start_writer(source, index_dir, home, commit_every=100_000)   # one long transaction
    try:
        wait_for_lock(index_dir, writer)
        ix = searchlib.open_index(index_dir, lock_timeout=0.5)
        started = time.monotonic()
        with pytest.raises(searchlib.IndexLockedError) as error:
            ix.add_documents(make_articles(3, start=800_000))
        waited = time.monotonic() - started
        assert 0.5 <= waited < 30, waited      # it waited for the lock, then gave up
        message = str(error.value)
        assert "\n" not in message.strip() and str(index_dir) in message
        assert writer.wait(timeout=300) == 0, (home / "writer.stderr").read_text()
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert sorted(index_ids(index_dir)) == sorted(order), "the refused writer changed the index"


def _hold_lock(index_dir: Path):
    from whoosh import index as whoosh_index

    return whoosh_index.open_dir(str(index_dir), indexname="MAIN").writer()


def test_cli_second_writer_exits_non_zero_with_one_line(tmp_path, home):
    index_dir = tmp_path / "ix"
    searchlib.create_index(index_dir)
    source = write_jsonl(tmp_path / "few.jsonl", make_articles(3))
    holder = _hold_lock(index_dir)          # this process is the first writer
    try:
        result = run_cli(["index", str(source), "--index", str(index_dir)], home)
    finally:
        holder.cancel()
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "writing" in lines[0] and str(index_dir) in lines[0], result.stderr
    assert index_ids(index_dir) == []


def test_cli_second_writer_waits_for_the_lock(tmp_path, home):
    index_dir = tmp_path / "ix"
    searchlib.create_index(index_dir)
    source = write_jsonl(tmp_path / "few.jsonl", make_articles(3))
    holder = _hold_lock(index_dir)
    with (home / "cli.stderr").open("wb") as stderr:
        proc = subprocess.Popen([PYTHON, "-m", "searchlib", "index", str(source), "--index", str(index_dir)],
                                env=subprocess_env(home), cwd=home, stdout=subprocess.DEVNULL, stderr=stderr)
    time.sleep(2.0)                      # well inside the CLI's wait
    assert proc.poll() is None, "the CLI gave up at once instead of waiting for the lock"
    holder.cancel()
    assert proc.wait(timeout=120) == 0, (home / "cli.stderr").read_text()
    assert len(index_ids(index_dir)) == 3


def test_readers_keep_answering_while_a_writer_commits(tmp_path, home, corpus):
    source, order = corpus
    index_dir = tmp_path / "ix"
    searchlib.create_index(index_dir)
    stop_file = tmp_path / "stop"
    with (home / "reader.stdout").open("w") as out:
        reader = subprocess.Popen([PYTHON, "-c", READER, str(index_dir), str(stop_file), marker(0)],
                                  env=subprocess_env(home), cwd=home, stdout=out,
                                  stderr=subprocess.PIPE, text=True)
    until = time.monotonic() + 60
    while not (tmp_path / "reader-ready").exists():       # searching before the writer starts
        assert reader.poll() is None and time.monotonic() < until, reader.stderr.read()
        time.sleep(0.02)
    writer = start_writer(source, index_dir, home, commit_every=40)
    # A reader thread in this process too, on one SearchIndex object.
    ix = searchlib.open_index(index_dir)
    thread_errors, thread_searches = [], 0
    try:
        while writer.poll() is None:
            try:
                ix.search("الرئيس", limit=10, facets=["year"]).to_dict()
                thread_searches += 1
            except Exception as error:     # asserted empty below
                thread_errors.append(repr(error))
            time.sleep(0.02)
    finally:
        stop_file.touch()
        reader.wait(timeout=60)
    assert writer.returncode == 0, (home / "writer.stderr").read_text()
    assert reader.returncode == 0, reader.stderr.read()
    log = json.loads((home / "reader.stdout").read_text())
    assert log["errors"] == [] and thread_errors == []
    assert log["searches"] > 10 and thread_searches > 10
    assert log["counts"] == sorted(log["counts"]), "a reader saw the document count go backwards"
    assert len(set(log["counts"])) > 2, f"the reader saw no intermediate commits: {set(log['counts'])}"
    assert sorted(index_ids(index_dir)) == sorted(order)
