"""The embedded default index: the bundled seed articles, indexed on first use.

``default_index()`` opens an index kept in a per-user data folder (``platformdirs``'
``user_data_dir("searchlib")``, or ``$SEARCHLIB_HOME`` when set) and builds it from the seed
articles shipped inside the package the first time, so ``searchlib search علييف`` works right after
``pip install``. A fingerprint file next to the index records what it was built from (hashes of
the seed files and of the extractor's data files, the analyzer's signature, the library version);
when any of them changes, the index is rebuilt from the seeds. Documents a user added to the
default index (``searchlib index`` without ``--index``) are dropped by such a rebuild; keep your
own collections in an index of their own.

A build happens in a fresh temporary folder beside the target and is moved into place with one
``os.rename``, so a reader never sees a half-built index and two first runs at once cannot corrupt
it: the loser of the race throws its copy away and opens the winner's.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # pragma: no cover
    from searchlib.index import SearchIndex

HOME_ENV = "SEARCHLIB_HOME"
"""Environment variable that relocates the per-user data folder (tests point it at a temp dir)."""

INDEX_DIRNAME = "default-index"
FINGERPRINT_FILENAME = "searchlib-fingerprint.json"


def data_home() -> Path:
    """The per-user data folder: ``$SEARCHLIB_HOME`` if set, else platformdirs' user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir
    return Path(user_data_dir("searchlib", appauthor=False))


def default_index_path() -> Path:
    """Where the default index lives (it may not exist yet)."""
    return data_home() / INDEX_DIRNAME


def seed_files() -> list[tuple[str, bytes]]:
    """The bundled seed articles as ``(file name, raw bytes)``, sorted by name."""
    folder = resources.files("searchlib").joinpath("seeds")
    return sorted((entry.name, entry.read_bytes()) for entry in folder.iterdir()
                  if entry.name.endswith(".txt"))


def fingerprint() -> dict:
    """What the default index is built from: hashes of the seeds and of the extractor's data files,
    the analyzer's signature, the library version."""
    from searchlib import __version__
    from searchlib.analyzers import AnalyzerConfig

    return {"seeds": _digest(seed_files()), "analyzer": AnalyzerConfig().signature(),
            "extract_data": _digest(_extract_data_files()), "searchlib": __version__}


def _extract_data_files() -> list[tuple[str, bytes]]:
    """The extractor's gazetteers and rules (they decide the actors, agreements and dates)."""
    folder = resources.files("searchlib").joinpath("extraction", "data")
    if not folder.is_dir():
        return []
    return sorted((entry.name, entry.read_bytes()) for entry in folder.iterdir()
                  if entry.is_file())


def _digest(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode("utf-8") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def default_index() -> "SearchIndex":
    """Open the default index, building or rebuilding it from the bundled seeds when needed."""
    from searchlib.index import SearchIndexError, open_index

    target = default_index_path()
    wanted = fingerprint()
    if _read_fingerprint(target) == wanted:
        try:
            return open_index(target)
        except SearchIndexError:
            # Damaged (files missing, unreadable metadata): mark it stale and build it again.
            (target / FINGERPRINT_FILENAME).unlink(missing_ok=True)
    _build(target, wanted)
    return open_index(target)


def _read_fingerprint(index_dir: Path) -> dict | None:
    try:
        return json.loads((index_dir / FINGERPRINT_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _build(target: Path, wanted: dict) -> None:
    from searchlib.index import create_index

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".building-", dir=target.parent))
    try:
        index = create_index(staging, overwrite=True)
        with _seed_folder() as seeds:
            index.index_paths([seeds])
        _close(index)
        (staging / FINGERPRINT_FILENAME).write_text(json.dumps(wanted), encoding="utf-8")
        _swap_into_place(staging, target, wanted)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_into_place(staging: Path, target: Path, wanted: dict) -> None:
    """Move the finished build to ``target``; a current index built meanwhile by another run
    wins."""
    if target.exists():
        if _read_fingerprint(target) == wanted:
            return  # another process finished first
        # Move the stale index aside (a rename is atomic), then put the new one in its place.
        stale = Path(tempfile.mkdtemp(prefix=".stale-", dir=target.parent))
        try:
            os.rename(target, stale / INDEX_DIRNAME)
        except FileNotFoundError:
            pass  # another process moved it first
        finally:
            shutil.rmtree(stale, ignore_errors=True)
    try:
        os.rename(staging, target)
    except OSError:
        # Another process put its build there between our check and our rename; use theirs if it
        # is current, else surface the problem.
        if _read_fingerprint(target) != wanted:
            raise


@contextlib.contextmanager
def _seed_folder() -> Iterator[Path]:
    """The seeds as a real folder: the package's own, or a temporary copy when the package is not
    on the file system (a zip import)."""
    folder = resources.files("searchlib").joinpath("seeds")
    if isinstance(folder, Path) and folder.is_dir():
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="searchlib-seeds-") as temp:
        for name, data in seed_files():
            Path(temp, name).write_bytes(data)
        yield Path(temp)


def _close(index: object) -> None:
    close = getattr(index, "close", None)
    if callable(close):
        close()
