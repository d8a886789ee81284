"""One indexing run: records in, a committed index and an :class:`IndexReport` out.

The main process reads records, drops the unchanged ones (their content hash equals the stored
one: the id -> hash map is read once per run from two column fields, never per document) and
writes; ``procs`` worker processes do the heavy part, extraction and analysis, and send back
ready-made postings (:class:`~searchlib.index.schema.PreparedPostings`). The run commits every
``commit_every`` written documents, so a killed long run keeps its progress; running it again
completes it without duplicates because documents are replaced by id.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from searchlib.index.documents import DocumentError, IdentifiedRecord, identify, prepare_fields

__all__ = ["IndexReport", "IndexingRun", "load_hashes", "prepare_outcome"]


@dataclass
class IndexReport:
    """What an indexing run did; ``indexed + updated + unchanged + len(skipped)`` = records read."""

    indexed: int = 0        # new documents
    updated: int = 0        # documents that replaced an older version with the same id
    unchanged: int = 0      # documents already in the index with the same content
    skipped: list = field(default_factory=list)   # searchlib.ingest.Skipped, with origin + reason
    warnings: list = field(default_factory=list)  # "origin: what was fixed" for records read

    @property
    def total(self) -> int:
        """How many records (and unreadable files) the run read."""
        return self.indexed + self.updated + self.unchanged + len(self.skipped)

    def to_dict(self) -> dict:
        """A JSON-ready summary (skipped as ``{"origin", "reason"}``)."""
        return {"indexed": self.indexed, "updated": self.updated, "unchanged": self.unchanged,
                "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
                "warnings": list(self.warnings)}


def load_hashes(reader: Any) -> dict[str, str]:
    """id -> content hash of every live document, read from the column fields (no stored fields)."""
    hashes: dict[str, str] = {}
    for segment_reader, _offset in reader.leaf_readers():
        if segment_reader.doc_count_all() == 0:
            continue
        ids = segment_reader.column_reader("id")
        content_hashes = segment_reader.column_reader("content_hash")
        for docnum in segment_reader.all_doc_ids():
            hashes[ids[docnum]] = content_hashes[docnum]
    return hashes


def prepare_outcome(item: IdentifiedRecord, schema: Any, extract: Callable[..., Any]) -> tuple:
    """``("ok", id, hash, fields)`` or ``("skip", id, origin, reason)`` for one record."""
    try:
        return ("ok", item.doc_id, item.content_hash, prepare_fields(item, schema, extract))
    except DocumentError as error:
        return ("skip", item.doc_id, item.record.origin, str(error))


#: Above this many segments a commit also merges the small ones (Whoosh's MERGE_SMALL);
#: below it, commits only add segments, which keeps parallel runs parallel to the end.
MAX_SEGMENTS = 12



def cancel_writer(writer: Any) -> None:
    """Cancel a Whoosh ``SegmentWriter`` and delete the files of its unused new segment.

    Whoosh's ``cancel`` leaves them behind, and only the next real commit removes them: every
    run with nothing to write would add orphan files to the index folder.
    """
    prefix = writer.newsegment.segment_id() + "."
    writer.cancel()
    for name in list(writer.storage.list()):
        if name.startswith(prefix):
            try:
                writer.storage.delete_file(name)
            except OSError:
                pass

class IndexingRun:
    """Writes records into ``index`` (a SearchIndex); use once via :meth:`run`.

    ``procs == 1``: this process prepares and writes. ``procs > 1``: worker processes prepare
    and write segments (:mod:`searchlib.index.parallel`); this process reads records, skips
    unchanged ones, deletes replaced versions and commits.
    """

    def __init__(self, index: Any, *, procs: int = 1, progress: bool = False,
                 commit_every: int = 10_000) -> None:
        self.index = index
        self.procs = max(1, int(procs))
        self.progress = progress
        self.commit_every = max(1, int(commit_every))
        self.report = IndexReport()
        self._writer: Any = None
        self._searcher: Any = None      # for deletes by id, opened once per writer
        self._batch: dict[str, str] = {}  # id -> hash of what this batch writes
        self._hashes: dict[str, str] = {}
        self._workers: Any = None

    # --- writer management

    def _open_writer(self) -> None:
        self._writer = self.index._open_writer()
        self._batch = {}

    def _delete_old(self, doc_id: str) -> None:
        if self._searcher is None:
            self._searcher = self._writer.searcher()
        self._writer.delete_by_term("id", doc_id, searcher=self._searcher)

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    @staticmethod
    def _merge(writer: Any) -> bool:
        return len(writer.segments) >= MAX_SEGMENTS

    def _commit(self) -> None:
        """Commit the current batch (and start no new one)."""
        new_segments: list = []
        if self._workers is not None:
            outcomes, new_segments = self._workers.finish()
            self._workers = None
            self._apply_outcomes(outcomes)
        self._close_searcher()
        writer, self._writer = self._writer, None
        if not self._batch and not new_segments:
            cancel_writer(writer)
            return
        if not new_segments:
            writer.commit(merge=self._merge(writer))
            return
        # What SegmentWriter.commit does, plus the segments the workers wrote.
        segments = writer._merge_segments(None, False, self._merge(writer))
        if writer._added:          # the merge policy merged small segments into this writer
            segments.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc(segments + new_segments)
        writer._finish()

    def _apply_outcomes(self, outcomes: list) -> None:
        from searchlib.ingest import Skipped

        for outcome in outcomes:
            if outcome[0] == "ok":
                _kind, doc_id, digest = outcome
                self._count_written(doc_id, digest)
            else:
                _kind, doc_id, origin, reason = outcome
                self._batch.pop(doc_id, None)
                self.report.skipped.append(Skipped(origin, reason))

    def _count_written(self, doc_id: str, digest: str) -> None:
        if doc_id in self._hashes:
            self._delete_old(doc_id)
            self.report.updated += 1
        else:
            self.report.indexed += 1
        self._hashes[doc_id] = digest

    def _abort(self) -> None:
        if self._workers is not None:
            self._workers.terminate()
            self._workers = None
        self._close_searcher()
        if self._writer is not None:
            try:
                cancel_writer(self._writer)
            finally:
                self._writer = None

    # --- records

    def _candidates(self, items: Iterable[Any]) -> Iterator[IdentifiedRecord]:
        """Identified records that need writing; counts skipped and unchanged ones."""
        from searchlib.ingest import Skipped

        for item in items:
            if isinstance(item, Skipped):
                self.report.skipped.append(item)
                continue
            for warning in getattr(item, "warnings", None) or ():
                self.report.warnings.append(f"{item.origin}: {warning}")
            try:
                identified = identify(item)
            except Exception as error:  # a record object we cannot even hash
                self.report.skipped.append(Skipped(getattr(item, "origin", "?"),
                                                   f"unreadable record: {error}"))
                continue
            known = self._batch.get(identified.doc_id, self._hashes.get(identified.doc_id))
            if known == identified.content_hash:
                self.report.unchanged += 1
                continue
            if identified.doc_id in self._batch:
                # A second version within one batch: deletions only reach committed segments.
                self._commit()
                self._open_writer()
            yield identified

    def _write_here(self, item: IdentifiedRecord, extract: Callable[..., Any]) -> None:
        from searchlib.ingest import Skipped

        outcome = prepare_outcome(item, self.index.schema, extract)
        if outcome[0] != "ok":
            self.report.skipped.append(Skipped(outcome[2], outcome[3]))
            return
        _kind, doc_id, digest, fields = outcome
        self._writer.add_document(**fields)
        self._batch[doc_id] = digest
        self._count_written(doc_id, digest)

    def _send_to_workers(self, item: IdentifiedRecord) -> None:
        from searchlib.index.parallel import SegmentWorkers

        if self._workers is None:
            self._workers = SegmentWorkers(self.index._ix, self.index.schema, self.procs,
                                           self.index.limitmb)
        self._workers.add(item)
        self._batch[item.doc_id] = item.content_hash

    def run(self, items: Iterable[Any]) -> IndexReport:
        """Index every record of ``items`` (Record or Skipped) and commit."""
        if self.progress:
            from tqdm import tqdm
            items = tqdm(items, desc="indexing", unit=" records", file=sys.stderr)
        extract = None
        if self.procs == 1:
            from searchlib.extraction import extract
        self._open_writer()
        try:
            self._hashes = load_hashes(self._writer.reader())
            for item in self._candidates(items):
                if extract is not None:
                    self._write_here(item, extract)
                else:
                    self._send_to_workers(item)
                if len(self._batch) >= self.commit_every:
                    self._commit()
                    self._open_writer()
            self._commit()
        except BaseException:
            self._abort()
            raise
        return self.report
