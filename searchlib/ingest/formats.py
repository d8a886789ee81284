"""Readers, one per input format, from an opened byte source to ``Record | Skipped``.

A byte source is anything an :data:`Opener` can give a binary stream for: a file on disk or a
member of a zip archive, so the same readers serve both (zips are read in place, never
extracted). Every reader is a generator and yields as it reads.
"""
from __future__ import annotations

import codecs
import json
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import IO

from searchlib.ingest.decoding import BOMS, Decoded, UndecodableError, detect
from searchlib.ingest.fields import record_from_object
from searchlib.ingest.model import MAX_MEMBER_BYTES, MAX_TEXT_CHARS, Record, Skipped

__all__ = ["SUFFIXES", "suffix_of", "read_source", "read_zip", "ReadFailure", "Opener"]

#: The file types ingestion reads, by (lower-case) suffix.
SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".zip")

Opener = Callable[[], IO[bytes]]
# What can go wrong while reading bytes from disk or from a damaged archive.
ReadFailure = (OSError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError,
               RuntimeError)


def suffix_of(name: str) -> str:
    """The lower-case suffix that decides the format (``""`` when none)."""
    return PurePosixPath(name).suffix.lower()


def unsupported(name: str) -> str:
    """The Skipped reason for a file type ingestion does not read."""
    suffix = suffix_of(name)
    kind = f" ({suffix})" if suffix else ""
    return f"unsupported file type{kind}: expected .txt, .json, .jsonl or .zip"


def read_source(opener: Opener, size: int, origin: str, suffix: str,
                txt_id: str | None) -> Iterator[Record | Skipped]:
    """Read one byte source of a known suffix (not ``.zip``); failures become one Skipped."""
    if size == 0:
        yield Skipped(origin, "empty file")
        return
    try:
        if suffix == ".txt":
            yield _read_txt(opener, size, origin, txt_id)
        elif suffix == ".json":
            with opener() as stream:
                data = stream.read()
            yield from _read_json(data, origin)
        else:
            yield from _read_jsonl(opener, origin)
    except ReadFailure as error:
        yield Skipped(origin, f"cannot read: {_describe(error)}")


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _read_txt(opener: Opener, size: int, origin: str, txt_id: str | None) -> Record | Skipped:
    # UTF-8 needs at least one byte per character: a bigger file can be refused unread.
    if size > 4 * MAX_TEXT_CHARS + 4:
        return Skipped(origin, f"text too large ({size / 1e6:,.1f} MB file)")
    with opener() as stream:
        data = stream.read()
    try:
        decoded = detect(data)
    except UndecodableError as error:
        return Skipped(origin, str(error))
    text = decoded.text
    if not text.strip():
        return Skipped(origin, "no text")
    if len(text) > MAX_TEXT_CHARS:
        return Skipped(origin, f"text too large ({len(text):,} characters > {MAX_TEXT_CHARS:,})")
    return Record(id=txt_id, text=text, origin=origin,
                  warnings=[decoded.warning] if decoded.warning else [])


def _noting(items: Iterator[Record | Skipped], warning: str | None) -> Iterator[Record | Skipped]:
    """``items``, with ``warning`` (about the whole file) added to each record."""
    for item in items:
        if warning and isinstance(item, Record):
            item.warnings.insert(0, warning)
        yield item


def _read_json(data: bytes, origin: str) -> Iterator[Record | Skipped]:
    try:
        decoded = detect(data)
    except UndecodableError as error:
        yield Skipped(origin, str(error))
        return
    yield from _noting(_json_records(decoded.text, origin), decoded.warning)


def _json_records(text: str, origin: str) -> Iterator[Record | Skipped]:
    if not text.strip():
        yield Skipped(origin, "empty file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and text.lstrip().startswith("{"):
            # several objects, one a line: JSON Lines saved as .json
            yield from _records_from_lines(_split_lines(text), origin)
            return
        yield Skipped(f"{origin}:{error.lineno}", f"invalid JSON: {error.msg} (column {error.colno})")
        return
    except RecursionError:
        yield Skipped(origin, "invalid JSON: nested too deeply")
        return
    if isinstance(value, list):
        for index, obj in enumerate(value):
            yield record_from_object(obj, f"{origin}#{index}")
    elif isinstance(value, dict):
        yield record_from_object(value, origin)
    else:
        yield Skipped(origin, "JSON must be an array of objects or one object")


def _read_jsonl(opener: Opener, origin: str) -> Iterator[Record | Skipped]:
    with opener() as stream:
        first = stream.readline()
        if any(first.startswith(bom) for bom, enc in BOMS if enc != "utf-8-sig"):
            # UTF-16/32 cannot be split on b"\n": decode the whole file at once
            try:
                decoded = detect(first + stream.read())
            except UndecodableError as error:
                yield Skipped(origin, str(error))
                return
            yield from _noting(_records_from_lines(_split_lines(decoded.text), origin),
                               decoded.warning)
            return
        if first.startswith(codecs.BOM_UTF8):
            first = first[len(codecs.BOM_UTF8):]
        yield from _records_from_lines(_decoded_lines(_chain_first(first, stream)), origin)


def _split_lines(text: str) -> list[str]:
    # Not str.splitlines(): JSON strings may hold U+2028, U+0085 etc., which it would split on.
    return [line.rstrip("\r") for line in text.split("\n")]


def _chain_first(first: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _decoded_lines(lines: Iterable[bytes]) -> Iterator[str | Decoded | UndecodableError]:
    """Each line decoded on its own, so that one bad line costs only itself."""
    for raw in lines:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield detect(raw)
            except UndecodableError as error:
                yield error


def _records_from_lines(lines: Iterable[str | Decoded | UndecodableError],
                        origin: str) -> Iterator[Record | Skipped]:
    """JSON Lines: one object a line (numbered from 1); blank lines are ignored."""
    seen_any = False
    for number, line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if isinstance(line, UndecodableError):
            seen_any = True
            yield Skipped(where, str(line))
            continue
        warning = None
        if isinstance(line, Decoded):
            line, warning = line.text, line.warning
        line = line.strip(" \t\r\n")  # JSON whitespace only
        if not line:
            continue
        seen_any = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            yield Skipped(where, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        except RecursionError:
            yield Skipped(where, "invalid JSON: nested too deeply")
            continue
        record = record_from_object(value, where)
        if warning and isinstance(record, Record):
            record.warnings.insert(0, warning)
        yield record
    if not seen_any:
        yield Skipped(origin, "empty file")


def read_zip(path: str, origin: str) -> Iterator[Record | Skipped]:
    """Every supported member of a zip archive, read in place, in sorted member order.

    Origins look like ``corpus/2015-07-21.zip!2015-07-21.json#233``. A damaged archive that
    cannot be opened is one Skipped; a damaged member is one Skipped and the others are read.
    """
    try:
        archive = zipfile.ZipFile(path)
    except ReadFailure as error:
        yield Skipped(origin, f"corrupt zip file: {_describe(error)}")
        return
    with archive:
        members = sorted((info for info in archive.infolist() if not info.is_dir()),
                         key=lambda info: info.filename)
        for info in members:
            name = info.filename
            parts = PurePosixPath(name).parts
            if any(part.startswith(".") or part == "__MACOSX" for part in parts):
                continue  # hidden files and macOS resource forks, as in folders
            where = f"{origin}!{name}"
            suffix = suffix_of(name)
            if suffix not in SUFFIXES or suffix == ".zip":
                yield Skipped(where, unsupported(name) if suffix != ".zip"
                              else "nested zip archives are not read")
                continue
            if info.flag_bits & 0x1:
                yield Skipped(where, "encrypted zip member")
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                yield Skipped(where, f"zip member too large ({info.file_size / 1e6:,.0f} MB "
                                     f"> {MAX_MEMBER_BYTES / 1e6:,.0f} MB)")
                continue
            txt_id = str(PurePosixPath(name).with_suffix("")) if suffix == ".txt" else None
            yield from read_source(lambda info=info: archive.open(info), info.file_size, where,
                                   suffix, txt_id)
