"""The index on disk: create, open, validate, write, delete; search is delegated.

An index folder holds Whoosh's files (``_MAIN_<generation>.toc``, ``MAIN_<segment>.seg``,
``MAIN_WRITELOCK``) and ``searchlib.json``, which records the analyzer configuration and its
signature (see docs/index-format.md).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from whoosh import index as whoosh_index
from whoosh.index import TOC, LockError

from searchlib.index.errors import IndexLockedError, IndexMismatchError, IndexNotFoundError
from searchlib.index.schema import build_schema
from searchlib.index.writing import IndexingRun, IndexReport, cancel_writer

__all__ = ["SearchIndex", "create_index", "open_index", "META_FILENAME", "INDEX_NAME"]

META_FILENAME = "searchlib.json"
INDEX_NAME = "MAIN"
FORMAT = "searchlib-index/1"
DEFAULT_LOCK_TIMEOUT = 10.0
#: attempts at opening a searcher while other processes commit (see SearchIndex.searcher)
OPEN_RETRIES = 5


def _config_to_dict(config: Any) -> dict:
    return {key: list(value) if isinstance(value, tuple) else value
            for key, value in dataclasses.asdict(config).items()}


def _config_from_dict(data: Mapping) -> Any:
    from searchlib.analyzers import AnalyzerConfig

    names = {f.name for f in dataclasses.fields(AnalyzerConfig)}
    return AnalyzerConfig(**{key: tuple(value) if isinstance(value, list) else value
                             for key, value in data.items() if key in names})


def _read_meta(path: Path) -> dict:
    meta_file = path / META_FILENAME
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if not path.is_dir():
            raise IndexNotFoundError(f"{path}: no such index folder") from None
        raise IndexNotFoundError(f"{path}: not a searchlib index (no {META_FILENAME}); "
                                 f"create one with `searchlib index SOURCE --index {path}`") from None
    except (OSError, ValueError) as error:
        raise IndexMismatchError(f"{meta_file}: unreadable ({error}); rebuild the index") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise IndexMismatchError(f"{meta_file}: unknown index format "
                                 f"{meta.get('format') if isinstance(meta, dict) else meta!r}; "
                                 "rebuild the index")
    return meta


def _write_meta(path: Path, meta: dict) -> None:
    temp = path / f".{META_FILENAME}.{os.getpid()}.tmp"
    temp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temp, path / META_FILENAME)


def _is_index_file(name: str) -> bool:
    return (name == META_FILENAME or name.startswith(f"_{INDEX_NAME}_")
            or name.startswith(f"{INDEX_NAME}_"))


class SearchIndex:
    """An open searchlib index: add, replace and delete documents; search them.

    Use :func:`create_index` or :func:`open_index` to get one. Several readers (and processes)
    may use an index at once; writes take the index's lock, waiting up to ``lock_timeout``
    seconds for another writer before raising :class:`IndexLockedError`.
    """

    def __init__(self, path: Path, config: Any, *, lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 commit_every: int = 10_000, limitmb: int = 256) -> None:
        from searchlib.analyzers import build_analyzer

        self.path = Path(path)
        self.config = config
        self.analyzer = build_analyzer(config)
        self.schema = build_schema(self.analyzer)
        self.lock_timeout = lock_timeout
        self.commit_every = commit_every
        self.limitmb = limitmb
        try:
            # The schema built by this code replaces the pickled one: the analyzer is ours and
            # its signature was checked, so no stale pickle can be loaded.
            self._ix = whoosh_index.open_dir(str(self.path), indexname=INDEX_NAME,
                                             schema=self.schema)
        except whoosh_index.EmptyIndexError:
            raise IndexNotFoundError(f"{self.path}: not a searchlib index "
                                     "(no Whoosh table of contents)") from None
        self._searcher: Any = None
        self._searcher_lock = threading.Lock()
        self._caches: dict = {}     # per-segment facet arrays and the like (searchlib.search)

    # --- lifecycle ------------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"SearchIndex({str(self.path)!r})"

    def __enter__(self) -> "SearchIndex":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Release open files (the index stays usable: the next call reopens them)."""
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def searcher(self) -> Any:
        """A Whoosh searcher on the latest committed state (shared; do not close it)."""
        return self._reading(self._current_searcher)

    def _current_searcher(self) -> Any:
        with self._searcher_lock:
            if self._searcher is None:
                self._searcher = self._ix.searcher()
            elif not self._searcher.up_to_date():
                old = self._searcher
                try:
                    # refresh() reuses the readers of unchanged segments and closes the rest
                    # itself; the old searcher must not be closed (nor used) afterwards
                    self._searcher = old.refresh()
                except TypeError:
                    # Whoosh cannot refresh a searcher of an empty index (EmptyReader)
                    old.close()
                    self._searcher = self._ix.searcher()
            return self._searcher

    def _open_writer(self) -> Any:
        try:
            writer = self._ix.writer(timeout=self.lock_timeout, delay=0.1, limitmb=self.limitmb)
        except LockError:
            raise IndexLockedError(f"{self.path}: another process is writing to this index "
                                   f"(waited {self.lock_timeout:g} s); try again when it has "
                                   "finished") from None
        # We hold the lock, so a temporary TOC (``_MAIN_<gen>.toc.<time>``) is a killed writer's:
        # Whoosh's own clean-up never matches these names.
        for stale in self.path.glob(f"_{INDEX_NAME}_*.toc.*"):
            try:
                stale.unlink()
            except OSError:
                pass
        # Likewise, segment files no commit refers to are a killed run's; Whoosh removes them
        # only when a commit happens, and a run with nothing new to write never commits.
        live = {segment.segment_id() for segment in writer.segments} | {writer.newsegment.segment_id()}
        pattern = TOC._segment_pattern(INDEX_NAME)
        for entry in self.path.iterdir():
            found = pattern.match(entry.name)
            if found and found.group(1) not in live:
                try:
                    entry.unlink()
                except OSError:
                    pass
        return writer

    # --- writing --------------------------------------------------------------------------------

    def add_documents(self, docs: Iterable[Mapping], *, procs: int = 1,
                      progress: bool = False) -> IndexReport:
        """Index dicts with the JSONL fields (``id``, ``title``, ``text``/``content``, ...).

        Documents whose id is already indexed replace the old version (or count as unchanged
        when their content is the same); bad ones are reported in ``IndexReport.skipped``.
        """
        from searchlib.ingest.fields import record_from_object

        records = (record_from_object(doc, f"document {number}")
                   for number, doc in enumerate(docs, 1))
        return self._run(records, procs=procs, progress=progress)

    def index_paths(self, paths: Iterable[str | os.PathLike], *, procs: int = 1,
                    progress: bool = False) -> IndexReport:
        """Index files and folders in every input format (see ``searchlib.ingest``)."""
        from searchlib.ingest import iter_records

        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return self._run(iter_records(list(paths)), procs=procs, progress=progress)

    def _run(self, records: Iterable[Any], *, procs: int, progress: bool) -> IndexReport:
        run = IndexingRun(self, procs=procs, progress=progress, commit_every=self.commit_every)
        try:
            return run.run(records)
        except OSError as error:
            if error.filename is not None or error.errno is None:
                raise
            # Whoosh writes through open files, so a full disk or a size limit comes without a
            # file name: name the index, and say that what was committed is still there.
            raise OSError(error.errno, f"{error.strerror} while writing the index (it keeps its "
                          "last committed state)", str(self.path)) from error

    def delete(self, ids: Iterable[str]) -> int:
        """Delete the documents with these ids; returns how many were deleted."""
        if isinstance(ids, str):
            ids = [ids]
        writer = self._open_writer()
        try:
            deleted = 0
            with writer.searcher() as searcher:
                for doc_id in ids:
                    deleted += writer.delete_by_term("id", str(doc_id), searcher=searcher)
        except BaseException:
            cancel_writer(writer)
            raise
        if deleted:
            writer.commit()
        else:
            cancel_writer(writer)
        return deleted

    # --- reading --------------------------------------------------------------------------------

    def search(self, query: str, limit: int = 10, page: int = 1,
               filters: Mapping[str, Any] | None = None,
               facets: Iterable[str] | None = None, sort: str = "relevance",
               facet_limit: int | None = 20) -> Any:
        """Search; returns a ``SearchResults`` (see :func:`searchlib.search.search`).

        ``query``: the query language of :mod:`searchlib.search.parsing`; ``filters``: exact
        ``actor``, ``agreement``, ``source``, ``year`` values and ``date_from``/``date_to``;
        ``facets``: any of actor, agreement, year, source, counted over all matches (the
        ``facet_limit`` most frequent values each); ``sort``: ``relevance`` or ``date``.
        Raises ``QueryError`` for a bad query or argument.
        """
        from searchlib.search import search

        return self._reading(lambda: search(self, query, limit=limit, page=page, filters=filters,
                                            facets=facets, sort=sort, facet_limit=facet_limit))

    def more_like_this(self, doc_id: str, limit: int = 10) -> Any:
        """Documents most similar to document ``doc_id`` (``SearchResults``, it excluded)."""
        from searchlib.search import more_like_this

        return self._reading(lambda: more_like_this(self, doc_id, limit=limit))

    def get(self, doc_id: str) -> dict | None:
        """The stored fields of document ``doc_id``, or None."""
        return self._reading(lambda: self.searcher().document(id=doc_id))

    def _reading(self, read: Any) -> Any:
        """Run ``read`` (which uses the current searcher); start again on a fresh searcher when a
        commit in another process deleted a merged-away segment file between our reading of the
        table of contents and opening that file (Whoosh opens some segment files only on the
        first query that needs them)."""
        for attempt in range(OPEN_RETRIES):
            try:
                return read()
            except FileNotFoundError:
                if attempt == OPEN_RETRIES - 1:
                    raise
                with self._searcher_lock:
                    self._searcher = None   # never reuse a half-refreshed searcher
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def __len__(self) -> int:
        return self.searcher().doc_count()

    def stats(self) -> dict:
        """Documents, terms per field, top facet values, analyzer, size on disk, last commit."""
        from searchlib.search import index_stats

        return self._reading(lambda: index_stats(self))


def _signature_check(path: Path, meta: dict, config: Any) -> Any:
    stored = meta.get("analyzer", {})
    stored_config = _config_from_dict(stored.get("config", {}))
    wanted = config if config is not None else stored_config
    signature = wanted.signature()
    if signature != stored.get("signature"):
        if config is not None and config != stored_config:
            why = f"it was built with {stored_config}, not {config}"
        else:
            why = "it was built by another version of the analyzer"
        raise IndexMismatchError(f"{path}: {why}; rebuild it (create_index(..., overwrite=True) "
                                 "or delete the folder and index again)")
    return wanted


def open_index(path: str | os.PathLike, config: Any = None, **options: Any) -> SearchIndex:
    """Open the index at ``path``; IndexMismatchError if ``config`` (default: the stored one)
    differs from what built it. ``options``: ``lock_timeout``, ``commit_every``, ``limitmb``."""
    path = Path(path)
    meta = _read_meta(path)
    config = _signature_check(path, meta, config)
    return SearchIndex(path, config, **options)


def create_index(path: str | os.PathLike, config: Any = None, *, overwrite: bool = False,
                 **options: Any) -> SearchIndex:
    """Create an index at ``path`` (folders made as needed).

    An existing index there is opened and validated against ``config`` (IndexMismatchError when
    it differs), unless ``overwrite=True``, which deletes its files and starts empty.
    """
    from searchlib.analyzers import AnalyzerConfig, build_analyzer

    path = Path(path)
    config = config or AnalyzerConfig()
    if path.exists() and not path.is_dir():
        raise IndexNotFoundError(f"{path}: exists and is not a folder")
    if (path / META_FILENAME).exists() and not overwrite:
        return open_index(path, config, **options)
    def write_files(folder: Path) -> None:
        whoosh_index.create_in(str(folder), build_schema(build_analyzer(config)),
                               indexname=INDEX_NAME)
        _write_meta(folder, {
            "format": FORMAT,
            "analyzer": {"config": _config_to_dict(config), "signature": config.signature()},
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        })

    if not (path.is_dir() and any(path.iterdir())) and _create_atomically(path, write_files):
        return SearchIndex(path, config, **options)
    if (path / META_FILENAME).exists() and not overwrite:    # another process just created it
        return open_index(path, config, **options)
    path.mkdir(parents=True, exist_ok=True)
    if overwrite:
        for entry in path.iterdir():
            if entry.is_file() and _is_index_file(entry.name):
                entry.unlink()
    write_files(path)
    return SearchIndex(path, config, **options)


def _create_atomically(path: Path, write_files: Any) -> bool:
    """Build a new index in a hidden sibling folder, then rename it to ``path`` (missing or empty).

    A process killed while creating then leaves no half-made index at ``path`` (a folder that
    the CLI would refuse to reuse). False where the rename is impossible (e.g. ``path`` is a
    mount point): the caller then creates in place.
    """
    import shutil
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.creating-", dir=path.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)       # mkdtemp makes it private; a plain mkdir would not
        write_files(staging)
        os.replace(staging, path)           # POSIX rename: also over an empty folder
        return True
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        return False
