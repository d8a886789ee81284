"""Disk full and read-only index folders: a clear error, and the previous state intact.

Real failures, no monkeypatching:
- disk full: the index lives on a small tmpfs (needs mount privileges: skipped without them), and,
  portable everywhere, a child process whose file-size limit (RLIMIT_FSIZE) makes the write fail
  with EFBIG, the same code path as ENOSPC;
- read-only: when running as root (where chmod does not stop writes) the writer runs as `nobody`
  through setpriv; otherwise the folder is chmod'ed read-only.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

import searchlib
from reliability_support import PYTHON, index_ids, make_articles, marker, run_cli, subprocess_env, write_jsonl

SMALL, BIG = 10, 120


def _one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0, f"expected a failure:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line: {result.stderr}"
    assert "internal error" not in lines[0], f"an expected failure reported as a bug: {lines[0]}"
    return lines[0]


def _assert_state(index_dir: Path, small_ids: list[str], big_ids: list[str]) -> None:
    """The small corpus is intact; anything of the big one is a committed prefix; search answers."""
    ids = index_ids(index_dir)
    assert len(ids) == len(set(ids))
    assert set(small_ids) <= set(ids)
    extra = [i for i in ids if i not in set(small_ids)]
    assert set(extra) == set(big_ids[: len(extra)])
    ix = searchlib.open_index(index_dir)
    assert ix.search(marker(0)).total == 1
    assert ix.stats()["documents"] == len(ids)


@pytest.fixture
def corpora(tmp_path):
    small = make_articles(SMALL, words=60)
    big = make_articles(BIG, start=SMALL, words=150)
    return (write_jsonl(tmp_path / "small.jsonl", small), [d["id"] for d in small],
            write_jsonl(tmp_path / "big.jsonl", big), [d["id"] for d in big])


@pytest.fixture
def tmpfs(tmp_path):
    """A 512 KB tmpfs mounted at a fresh folder (skips where mounting is not permitted)."""
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.mark.slow
def test_disk_full_on_tmpfs_keeps_previous_state_and_recovers(tmpfs, home, corpora):
    small, small_ids, big, big_ids = corpora
    index_dir = tmpfs / "ix"
    assert run_cli(["index", str(small), "--index", str(index_dir)], home).returncode == 0
    error = _one_line_error(run_cli(["index", str(big), "--index", str(index_dir)], home))
    assert "no space left" in error.lower() and str(index_dir) in error, error
    _assert_state(index_dir, small_ids, big_ids)

    # Once there is room again, the same command completes the job, without duplicates.
    subprocess.run(["mount", "-o", "remount,size=64m", str(tmpfs)], check=True)
    assert run_cli(["index", str(big), "--index", str(index_dir)], home).returncode == 0
    ids = index_ids(index_dir)
    assert sorted(ids) == sorted(small_ids + big_ids)


def _limit_file_size(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))   # Python ignores SIGXFSZ: EFBIG
    return apply


@pytest.mark.slow
def test_write_failure_mid_commit_keeps_previous_state(tmp_path, home, corpora):
    small, small_ids, big, big_ids = corpora
    index_dir = tmp_path / "ix"
    assert run_cli(["index", str(small), "--index", str(index_dir)], home).returncode == 0
    result = run_cli(["index", str(big), "--index", str(index_dir)], home,
                     preexec_fn=_limit_file_size(256 * 1024))
    error = _one_line_error(result)
    assert "too large" in error.lower() and str(index_dir) in error, error
    _assert_state(index_dir, small_ids, big_ids)
    assert run_cli(["index", str(big), "--index", str(index_dir)], home).returncode == 0
    assert sorted(index_ids(index_dir)) == sorted(small_ids + big_ids)


def _as_unprivileged() -> list[str] | None:
    """A command prefix that runs a child without write access to root-owned files, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    # the unprivileged user must be able to run this Python with searchlib (a venv inside a
    # 0700 temporary folder is out of its reach)
    probe = subprocess.run(prefix + [PYTHON, "-c", "import whoosh, searchlib.cli"], cwd="/",
                           capture_output=True, text=True, timeout=60)
    return prefix if probe.returncode == 0 else None


def test_read_only_index_folder_refuses_writes_and_still_answers(home, corpora):
    small, small_ids, big, big_ids = corpora
    prefix = _as_unprivileged()
    if prefix is None:
        pytest.skip("running as root without a usable setpriv (or the unprivileged user cannot "
                    "run this Python): no way to make a folder read-only")
    base = Path(tempfile.mkdtemp(prefix="searchlib-ro-"))      # outside pytest's 0700 tmp folder
    try:
        index_dir = base / "ix"
        home_dir = base / "home"
        home_dir.mkdir()
        assert run_cli(["index", str(small), "--index", str(index_dir)], home).returncode == 0
        for folder in (base, index_dir):
            folder.chmod(0o755)
        shutil.copy(big, base / "big.jsonl")
        (base / "big.jsonl").chmod(0o644)
        readonly = stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
        if not prefix:
            index_dir.chmod(readonly)
        home_dir.chmod(0o777)   # the unprivileged child's own data folder stays writable

        def as_user(args):
            return subprocess.run(prefix + [PYTHON, "-m", "searchlib", *args], env=subprocess_env(home_dir),
                                  cwd=home_dir, capture_output=True, text=True, timeout=120)

        error = _one_line_error(as_user(["index", str(base / "big.jsonl"), "--index", str(index_dir)]))
        assert str(index_dir) in error or "permission" in error.lower() or "read-only" in error.lower(), error
        assert sorted(index_ids(index_dir)) == sorted(small_ids)

        found = as_user(["search", marker(3), "--index", str(index_dir), "--json"])
        assert found.returncode == 0, found.stderr
        assert json.loads(found.stdout)["total"] == 1
    finally:
        for folder in (base, base / "ix"):
            if folder.exists():
                folder.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


API_WRITE_FAILURE = r"""
import json, resource, sys
import searchlib
index_dir, small, big = sys.argv[1:4]
ix = searchlib.open_index(index_dir)
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, hard))     # writes past 256 KB fail: EFBIG
outcome = {}
try:
    ix.index_paths([big])
    outcome["first"] = "no error"
except Exception as error:
    outcome["first"] = f"{type(error).__name__}: {error}"
    outcome["is_oserror"] = isinstance(error, OSError)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
report = ix.index_paths([big])            # same object, same process: the lock must be free again
outcome["second"] = [report.indexed, report.updated, report.unchanged, len(report.skipped)]
print(json.dumps(outcome))
"""


@pytest.mark.slow
def test_api_write_failure_releases_the_lock(tmp_path, home, corpora):
    small, small_ids, big, big_ids = corpora
    index_dir = tmp_path / "ix"
    searchlib.create_index(index_dir).index_paths([small])
    done = subprocess.run([PYTHON, "-c", API_WRITE_FAILURE, str(index_dir), str(small), str(big)],
                          env=subprocess_env(home), cwd=home, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert outcome["is_oserror"] and "too large" in outcome["first"].lower(), outcome
    assert str(index_dir) in outcome["first"] and "\n" not in outcome["first"], outcome
    indexed, updated, unchanged, skipped = outcome["second"]
    assert skipped == 0 and indexed + updated + unchanged == len(big_ids)
    assert sorted(index_ids(index_dir)) == sorted(small_ids + big_ids)
