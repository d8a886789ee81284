"""Parallel indexing: worker processes that prepare documents AND write their own segments.

Extraction, analysis and segment writing (sorting and encoding postings) are all expensive in
pure Python; a single writer process would cap ``procs=N`` at well under N times faster. So,
like Whoosh's ``MpWriter(multisegment=True)``, each worker holds a ``SegmentWriter`` without the
lock and writes a segment of its own; the main process keeps the lock, applies deletions of
replaced documents and commits one table of contents listing the old and the new segments.
Unlike ``MpWriter`` the workers report, document by document, what they wrote or skipped, so
that a document whose extraction fails never removes its older indexed version.
"""
from __future__ import annotations

import multiprocessing
import pickle
import queue
import sys
import traceback
from typing import Any

from whoosh.writing import SegmentWriter

__all__ = ["SegmentWorkers", "WorkerError"]

BATCH_SIZE = 64


class WorkerError(RuntimeError):
    """An indexing worker process failed unexpectedly (a bug, not a bad record)."""


def _worker_main(storage: Any, indexname: str, schema_bytes: bytes, limitmb: int,
                 jobs: Any, results: Any) -> None:
    try:
        from searchlib.extraction import extract
        from searchlib.index.writing import prepare_outcome

        # The schema travels pickled even where fork would copy it: a schema that does not
        # pickle must fail in tests, not on a user's spawn-based platform.
        schema = pickle.loads(schema_bytes)
        ix = storage.open_index(indexname, schema=schema)
        writer = SegmentWriter(ix, _lk=False, limitmb=limitmb)
        while True:
            batch = jobs.get()
            if batch is None:
                break
            outcomes = []
            for item in batch:
                outcome = prepare_outcome(item, schema, extract)
                if outcome[0] == "ok":
                    writer.add_document(**outcome[3])
                    outcome = outcome[:3]
                outcomes.append(outcome)
            results.put(("batch", outcomes))
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        # no writer._finish(): the temp folder is shared with the parent's writer, which
        # removes it when it commits
        results.put(("done", segment))
    except BaseException:  # report, then let the parent raise
        results.put(("error", traceback.format_exc(limit=8)))


class SegmentWorkers:
    """``procs`` worker processes writing segments for one commit batch."""

    def __init__(self, ix: Any, schema: Any, procs: int, limitmb: int) -> None:
        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
        self.jobs = context.Queue(procs * 4)
        self.results = context.Queue()
        schema_bytes = pickle.dumps(schema)
        self.processes = [
            context.Process(target=_worker_main, daemon=True,
                            args=(ix.storage, ix.indexname, schema_bytes,
                                  max(32, limitmb // procs), self.jobs, self.results))
            for _ in range(procs)]
        for process in self.processes:
            process.start()
        self.buffer: list = []
        self.outcomes: list = []
        self.segments: list = []
        self._done = 0

    def add(self, item: Any) -> None:
        """Queue one IdentifiedRecord (sent in batches)."""
        self.buffer.append(item)
        if len(self.buffer) >= BATCH_SIZE:
            self._send()

    def _send(self) -> None:
        batch, self.buffer = self.buffer, []
        while True:
            try:
                self.jobs.put(batch, timeout=0.5)
                return
            except queue.Full:
                self._drain(block=False)
                self._check_alive()

    def _check_alive(self) -> None:
        for process in self.processes:
            if not process.is_alive() and process.exitcode not in (0, None):
                self._drain(block=False)
                raise WorkerError(f"indexing worker died (exit code {process.exitcode})")

    def _drain(self, block: bool) -> None:
        while True:
            try:
                message = self.results.get(timeout=1.0 if block else 0.0) if block \
                    else self.results.get_nowait()
            except queue.Empty:
                return
            kind, payload = message
            if kind == "batch":
                self.outcomes.extend(payload)
            elif kind == "done":
                self._done += 1
                if payload is not None:
                    self.segments.append(payload)
            else:
                self.terminate()
                last = payload.strip().splitlines()[-1] if payload.strip() else "unknown"
                raise WorkerError(f"indexing worker failed: {last}")
            if block:
                return

    def finish(self) -> tuple[list, list]:
        """Wait for every worker; returns (per-document outcomes, new segments)."""
        if self.buffer:
            self._send()
        for _ in self.processes:
            self.jobs.put(None)
        while self._done < len(self.processes):
            self._drain(block=True)
            if self._done < len(self.processes):
                self._check_alive()
                if not any(process.is_alive() for process in self.processes):
                    self._drain(block=False)
                    if self._done < len(self.processes):
                        raise WorkerError("indexing workers exited without finishing")
        for process in self.processes:
            process.join()
        return self.outcomes, self.segments

    def terminate(self) -> None:
        """Stop every worker now (their unfinished segments are never committed)."""
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(timeout=5)
