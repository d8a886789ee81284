"""A real indexing process killed at any moment leaves the last committed state; a rerun finishes.

Each test starts an indexing process (``python -m searchlib index SOURCE --index DIR``, or a small
script calling ``index_paths`` with ``commit_every`` small so that there are many commits) and
SIGKILLs its process group: after increasing, jittered delays; while it is committing (detected
from the files Whoosh writes: a new segment file, or the temporary ``*.toc.<time>`` file renamed
into place at the end of a commit); and as the index folder is first being created. After every kill the index must open, answer a search, and hold a committed state: no
duplicate ids, and exactly the first k documents of the input for some k (batches commit in input
order). Rerunning the same command completes the job with exactly N unique ids.
"""
from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

import searchlib
from reliability_support import PYTHON, index_ids, lock_is_held, make_articles, marker, run_cli, subprocess_env, write_jsonl

pytestmark = pytest.mark.slow

# Enough documents that a run takes a few seconds and commits several batches on a 2-core machine.
DOCS = 400
WORDS = 60
COMMIT_FILE = re.compile(r"\.toc\.[0-9.]+$|\.seg$")


# The API route with small batches: many commits, so kills land between and inside them.
API_INDEXER = r"""
import sys
import searchlib
source, index_dir, every = sys.argv[1], sys.argv[2], int(sys.argv[3])
searchlib.create_index(index_dir, commit_every=every).index_paths([source])
"""
BATCH = 50


def start_indexer(source: Path, index_dir: Path, home: Path, how: str = "cli") -> subprocess.Popen:
    """Start an indexing process in its own process group (so a kill reaches it all).

    ``how``: "cli" runs ``python -m searchlib index`` (one commit at the end of this corpus),
    "cli-procs" the same with two worker processes, "api" runs :data:`API_INDEXER`, committing
    every :data:`BATCH` documents.
    """
    if how.startswith("cli"):
        command = [PYTHON, "-m", "searchlib", "index", str(source), "--index", str(index_dir)]
        if how == "cli-procs":
            command += ["--procs", "2"]
    else:
        command = [PYTHON, "-c", API_INDEXER, str(source), str(index_dir), str(BATCH)]
    with (home / "indexer.stderr").open("wb") as stderr:     # a file: a full pipe would stall it
        return subprocess.Popen(command, env=subprocess_env(home), cwd=home,
                                stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL the child's whole process group (workers included) and reap it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def has_toc(index_dir: Path) -> bool:
    return index_dir.is_dir() and any(re.search(r"_[0-9]+\.toc$", p.name) for p in index_dir.rglob("*.toc"))


def check_committed_state(index_dir: Path, order: list[str], batch: int | None = None) -> int:
    """The index opens, answers, and holds exactly the first k input documents; return k.

    With ``batch``, k must also be a batch boundary (a multiple of it) or the whole input.
    """
    if not has_toc(index_dir):
        return 0        # killed before the index was first created: nothing was ever committed
    ix = searchlib.open_index(index_dir)
    ids = index_ids(index_dir)
    assert len(ids) == len(set(ids)), "duplicate ids after a kill"
    k = len(ids)
    assert set(ids) == set(order[:k]), f"{k} documents that are not the first {k} of the input"
    assert ix.stats()["documents"] == k
    if batch is not None:
        assert k % batch == 0 or k == len(order), f"{k} documents: not a commit boundary"
    if k:   # the last committed document is searchable, and the first one not committed is not
        assert [hit.id for hit in ix.search(marker(k - 1), limit=3).hits] == [order[k - 1]]
    if k < len(order):
        assert ix.search(marker(k)).total == 0
    return k


def finish_and_check(source: Path, index_dir: Path, home: Path, order: list[str]) -> None:
    """A rerun completes with exactly N unique ids; one more run changes nothing."""
    for _ in range(2):
        result = run_cli(["index", str(source), "--index", str(index_dir)], home, timeout=300)
        assert result.returncode == 0, result.stderr
        ids = index_ids(index_dir)
        assert len(ids) == len(order) and set(ids) == set(order)
    assert searchlib.open_index(index_dir).search(marker(len(order) - 1)).total == 1
    assert_no_leftovers(index_dir)


def assert_no_leftovers(index_dir: Path) -> None:
    """After a completed run, the files of killed runs are gone: only live segments remain."""
    from whoosh.index import TOC
    from whoosh.filedb.filestore import FileStorage

    toc = TOC.read(FileStorage(str(index_dir)), "MAIN")
    live = {segment.segment_id() for segment in toc.segments}
    on_disk = {name.split(".")[0] for name in os.listdir(index_dir)
               if name.startswith("MAIN_") and name != "MAIN_WRITELOCK"}
    assert on_disk <= live, f"files of dead segments left behind: {sorted(on_disk - live)}"
    temporary = [name for name in os.listdir(index_dir) if re.search(r"\.toc\.|\.tmp$", name)]
    assert not temporary, f"temporary files left behind: {temporary}"


@pytest.fixture
def corpus(tmp_path):
    docs = make_articles(DOCS, words=WORDS)
    return write_jsonl(tmp_path / "corpus.jsonl", docs), [doc["id"] for doc in docs]


@pytest.mark.parametrize("how", ["cli", "cli-procs", "api"])
def test_sigkill_after_increasing_delays(tmp_path, home, corpus, how):
    source, order = corpus
    index_dir = tmp_path / "ix"
    rng = random.Random(20150721)
    delay, kills, states = 0.3, 0, []    # early kills land during start-up: still a state to check
    for _ in range(25):
        proc = start_indexer(source, index_dir, home, how)
        try:
            proc.wait(timeout=delay)
            assert proc.returncode == 0, (home / "indexer.stderr").read_text()
            break                       # the run finished before the kill
        except subprocess.TimeoutExpired:
            kill(proc)
            kills += 1
        states.append(check_committed_state(index_dir, order, BATCH if how == "api" else None))
        delay = delay * 1.6 + rng.uniform(0.0, 0.3)
    else:
        pytest.fail(f"indexing never finished; committed states seen: {states}")
    assert kills >= 2, f"only {kills} kills: the corpus indexes too fast to test anything"
    assert states == sorted(states), f"a kill lost committed documents: {states}"
    finish_and_check(source, index_dir, home, order)


def test_sigkill_during_commit(tmp_path, home, corpus):
    source, order = corpus
    index_dir = tmp_path / "ix"
    kills_in_commit = 0
    for nth in (1, 3, 2):
        proc = start_indexer(source, index_dir, home, "api")
        known = set(os.listdir(index_dir)) if index_dir.is_dir() else set()
        seen_commits = 0
        while proc.poll() is None:
            try:
                names = set(os.listdir(index_dir))
            except FileNotFoundError:
                names = set()
            fresh = {name for name in names - known if COMMIT_FILE.search(name)}
            known |= names
            if fresh:
                seen_commits += 1
                if seen_commits == nth:
                    kill(proc)
                    kills_in_commit += 1
                    break
            time.sleep(0.0005)
        else:
            assert proc.returncode == 0, (home / "indexer.stderr").read_text()
        check_committed_state(index_dir, order, BATCH)
    assert kills_in_commit >= 2, f"only {kills_in_commit} kills landed in a commit"
    finish_and_check(source, index_dir, home, order)


def test_sigkill_while_the_index_is_being_created(tmp_path, home, corpus):
    """Killed as the first index files appear, the CLI's next run must still build the index."""
    source, order = corpus
    small = write_jsonl(tmp_path / "small.jsonl", make_articles(5))
    for attempt in range(2):
        index_dir = tmp_path / f"ix{attempt}"
        proc = start_indexer(small, index_dir, home)
        while proc.poll() is None:
            if index_dir.is_dir() and os.listdir(index_dir):
                kill(proc)
                break
            time.sleep(0.0002)
        check_committed_state(index_dir, order)
        result = run_cli(["index", str(small), "--index", str(index_dir)], home)
        assert result.returncode == 0, f"after a kill at {sorted(os.listdir(index_dir))}: {result.stderr}"
        assert sorted(index_ids(index_dir)) == order[:5]


def test_ctrl_c_stops_cleanly(tmp_path, home, corpus):
    """SIGINT mid-run: exit 130 with one line, the committed state, no files left behind."""
    source, order = corpus
    index_dir = tmp_path / "ix"
    proc = start_indexer(source, index_dir, home)
    until = time.monotonic() + 60
    while not (index_dir.is_dir() and lock_is_held(index_dir)):     # the writer is at work
        assert proc.poll() is None and time.monotonic() < until, "the run ended before the signal"
        time.sleep(0.01)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    lines = [line for line in (home / "indexer.stderr").read_text().splitlines() if line.strip()]
    assert lines == ["searchlib: interrupted"], lines
    assert check_committed_state(index_dir, order) in (0, len(order))
    assert not lock_is_held(index_dir)
    assert_no_leftovers(index_dir)
