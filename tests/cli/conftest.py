"""Fixtures for the command-line tests: run ``python -m searchlib`` in a subprocess with its
per-user data folder (``SEARCHLIB_HOME``) in a temp dir, never the real home."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, Optional

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_searchlib(*args: str, home: Path, stdin: Optional[bytes] = None,
                  env: Optional[dict] = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the command line as a user would (stdout and stderr piped, decoded as UTF-8)."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("NO_COLOR", "SEARCHLIB_RESHAPE", "SEARCHLIB_DEBUG")}
    environment["SEARCHLIB_HOME"] = str(home)
    environment.update(env or {})
    done = subprocess.run([sys.executable, "-m", "searchlib", *args], input=stdin,
                          capture_output=True, env=environment, timeout=timeout, cwd=REPO)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@pytest.fixture(scope="session")
def shared_home(tmp_path_factory) -> Path:
    """A data folder whose default index is already built (built once for the whole session)."""
    home = tmp_path_factory.mktemp("searchlib-home")
    done = run_searchlib("stats", "--json", home=home)
    assert done.returncode == 0, done.stderr
    return home


_READ_ONLY_RUNS: dict = {}


@pytest.fixture()
def cli(shared_home) -> Callable[..., subprocess.CompletedProcess]:
    """``cli("search", "علييف")`` runs the command against the shared default index.

    Commands run there only read it, so a run with the same arguments, input and environment is
    done once per session and its result reused (each run costs a Python start-up).
    """
    def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
        kwargs.setdefault("home", shared_home)
        key = (args, kwargs.get("stdin"), tuple(sorted((kwargs.get("env") or {}).items())),
               str(kwargs["home"]))
        if key not in _READ_ONLY_RUNS:
            _READ_ONLY_RUNS[key] = run_searchlib(*args, **kwargs)
        return _READ_ONLY_RUNS[key]
    return run



@pytest.fixture()
def run_cli() -> Callable[..., subprocess.CompletedProcess]:
    """``run_cli(*args, home=tmp)``: the command against a data folder of the test's own."""
    return run_searchlib
