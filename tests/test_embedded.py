"""The embedded default index: built from the bundled seeds on first use, under $SEARCHLIB_HOME,
rebuilt when stale, safe when two first runs race."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import searchlib
import searchlib.embedded as default_index_module
from searchlib.embedded import (FINGERPRINT_FILENAME, data_home, default_index,
                                default_index_path, fingerprint)

SEED_COUNT = len(list((Path(searchlib.__file__).resolve().parent / "seeds").glob("*.txt")))


@pytest.fixture()
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SEARCHLIB_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_home_follows_the_environment_variable(home):
    assert data_home() == home
    assert default_index_path().parent == home


def test_home_defaults_to_the_platform_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SEARCHLIB_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert data_home() == tmp_path / "xdg" / "searchlib"
    else:
        assert data_home().name == "searchlib"


def test_first_use_builds_an_index_of_every_seed(home):
    assert not default_index_path().exists()
    index = default_index()
    assert index.stats()["documents"] == SEED_COUNT
    assert index.search("علييف").total == SEED_COUNT
    stored = json.loads((default_index_path() / FINGERPRINT_FILENAME).read_text(encoding="utf-8"))
    assert stored == fingerprint()
    assert stored["analyzer"] == searchlib.AnalyzerConfig().signature()
    assert stored["searchlib"] == searchlib.__version__
    leftovers = [p.name for p in home.iterdir() if p.name != default_index_path().name]
    assert leftovers == []


def test_package_level_call_works_even_after_the_module_was_imported(home):
    import searchlib.embedded  # noqa: F401
    assert searchlib.default_index().stats()["documents"] == SEED_COUNT


def test_second_use_opens_without_rebuilding(home, monkeypatch):
    default_index()
    fingerprint_file = default_index_path() / FINGERPRINT_FILENAME
    first_mtime = fingerprint_file.stat().st_mtime_ns

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the default index was rebuilt although it is current")

    monkeypatch.setattr(default_index_module, "_build", no_rebuild)
    assert default_index().stats()["documents"] == SEED_COUNT
    assert fingerprint_file.stat().st_mtime_ns == first_mtime


@pytest.mark.parametrize("stale_key", ["seeds", "analyzer", "extract_data", "searchlib"])
def test_a_stale_fingerprint_triggers_a_rebuild(home, stale_key):
    default_index().add_documents([{"id": "extra", "title": "إضافة",
                                    "text": "خبر أضافه المستخدم إلى الفهرس الافتراضي"}])
    assert default_index().stats()["documents"] == SEED_COUNT + 1
    fingerprint_file = default_index_path() / FINGERPRINT_FILENAME
    stored = json.loads(fingerprint_file.read_text(encoding="utf-8"))
    stored[stale_key] = "something older"
    fingerprint_file.write_text(json.dumps(stored), encoding="utf-8")
    rebuilt = default_index()
    assert rebuilt.stats()["documents"] == SEED_COUNT
    assert json.loads(fingerprint_file.read_text(encoding="utf-8")) == fingerprint()


def test_a_damaged_index_folder_is_rebuilt(home):
    folder = default_index_path()
    folder.mkdir(parents=True)
    (folder / "junk").write_text("not an index", encoding="utf-8")
    assert default_index().stats()["documents"] == SEED_COUNT


def test_an_index_whose_files_went_missing_is_rebuilt(home):
    default_index()
    for path in default_index_path().iterdir():
        if path.name != FINGERPRINT_FILENAME:
            path.unlink()
    assert default_index().stats()["documents"] == SEED_COUNT


def test_fingerprint_changes_with_the_seed_contents(monkeypatch):
    before = fingerprint()
    real = default_index_module.seed_files()
    changed = [(name, data + b"\n") if number == 0 else (name, data)
               for number, (name, data) in enumerate(real)]
    monkeypatch.setattr(default_index_module, "seed_files", lambda: changed)
    after = fingerprint()
    assert after["seeds"] != before["seeds"]
    assert after["analyzer"] == before["analyzer"]


@pytest.mark.slow
def test_two_first_runs_at_once_leave_one_good_index(tmp_path):
    env = dict(os.environ, SEARCHLIB_HOME=str(tmp_path / "home"))
    program = ("from searchlib import default_index; "
               "print(default_index().search('علييف').total)")
    runs = [subprocess.Popen([sys.executable, "-c", program], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate(timeout=180) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err.decode()
        assert out.decode().strip() == str(SEED_COUNT)
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == [default_index_path().name]
