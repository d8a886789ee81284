"""Ingestion: every supported input format -> a stream of :class:`Record` or :class:`Skipped`.

Formats
    * folders, walked recursively in sorted order (a folder's files, then its subfolders),
      following symbolic links but never twice into the same folder; hidden entries (``.name``)
      are ignored, other unsupported files reported;
    * ``.txt``: one raw article per file; ``Record.id`` is the path relative to the folder given
      (``/`` separators, no ``.txt``), or the stem for a file given directly;
    * ``.jsonl`` / ``.ndjson``: one JSON object a line; ``.json``: an array of objects or one
      object (JSON Lines saved as ``.json`` are read as lines);
    * ``.zip`` (e.g. SaudiNewsNet ``YYYY-MM-DD.zip`` holding ``YYYY-MM-DD.json``): supported
      members read in place, never extracted.

Fields of JSON objects (see :mod:`searchlib.ingest.fields`): ``text`` (alias ``content``),
``id`` (else ``url``), ``title``, ``date`` (alias ``date_extracted``, normalized to
``YYYY-MM-DD``), ``source``, ``url``, ``author``, ``actors``, ``agreements``; the rest is kept in
``Record.extra``. Fixes made while reading (a title cut, a bad date dropped) are listed in
``Record.warnings``.

Encodings: UTF-8 with or without BOM, UTF-16/32 with BOM, Windows-1256 and ISO-8859-6 Arabic
(detected); anything else is skipped as "unknown text encoding", NUL bytes as "not a text file".

Limits: texts over :data:`MAX_TEXT_CHARS` characters are skipped, titles over
:data:`MAX_TITLE_CHARS` cut, ids over :data:`MAX_ID_CHARS` refused, zip members over
:data:`MAX_MEMBER_BYTES` skipped.

Messages: ``Skipped.origin`` names the file and place (``news.jsonl:17`` for line 17,
``corpus/2015-07-21.zip!2015-07-21.json#233`` for the array item at index 233, counted from 0),
``Skipped.reason`` is one short line. A path that does not exist raises :class:`InputError`
before anything is read.

>>> from searchlib.ingest import Record, iter_records
>>> for item in iter_records(["news/"]):            # doctest: +SKIP
...     print(item.origin, "ok" if isinstance(item, Record) else item.reason)
"""
from searchlib.ingest.decoding import Decoded, UndecodableError, decode_text, detect
from searchlib.ingest.fields import normalize_date, record_from_object
from searchlib.ingest.model import (MAX_ID_CHARS, MAX_MEMBER_BYTES, MAX_TEXT_CHARS,
                                    MAX_TITLE_CHARS, InputError, Record, Skipped)
from searchlib.ingest.sources import estimate_total, iter_records

__all__ = ["Record", "Skipped", "InputError", "iter_records", "estimate_total",
           "record_from_object", "normalize_date", "decode_text", "detect", "Decoded",
           "UndecodableError", "MAX_TEXT_CHARS", "MAX_TITLE_CHARS", "MAX_ID_CHARS",
           "MAX_MEMBER_BYTES"]
