"""From an input record to the field values the index writes.

Given fields are used as given; missing ones come from ``searchlib.extract``. The indexed and
stored body is the extractor's body (the article's own lines, characters unchanged, without
boilerplate such as "آخر الأخبار" headline lists), so highlights show what the user stored and
unrelated headlines do not make an article match.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from searchlib.index.schema import PreparedText
from searchlib.isodates import to_date

__all__ = ["DocumentError", "IdentifiedRecord", "identify", "prepare_fields", "derive_id",
           "content_hash", "agreements_from_json"]

#: Bumped when the way a record becomes fields changes, so re-indexing refreshes every document.
PREPARATION_VERSION = "1"


class DocumentError(ValueError):
    """A record cannot be indexed (absurd field, failed extraction); the message says why."""


@dataclass
class IdentifiedRecord:
    """A record with its final id and the hash of everything it gives."""

    record: Any            # searchlib.ingest.Record
    doc_id: str
    content_hash: str


def _canonical_text(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def derive_id(text: str) -> str:
    """A stable id for a record without one: a hash of its whitespace-normalized text."""
    digest = hashlib.sha1(_canonical_text(text).encode("utf-8")).hexdigest()
    return f"sha1-{digest[:24]}"


def content_hash(record: Any) -> str:
    """Hash of every field the record gives (its origin excluded), for change detection."""
    payload = record.to_dict()
    payload.pop("id", None)
    blob = json.dumps([PREPARATION_VERSION, payload], ensure_ascii=False, sort_keys=True,
                      default=str)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()


def identify(record: Any) -> IdentifiedRecord:
    """The record with its id (given, else derived from the text) and content hash."""
    doc_id = record.id if record.id else derive_id(record.text)
    return IdentifiedRecord(record, doc_id, content_hash(record))


def _clean_name(value: str) -> str:
    return " ".join(value.split())


def _parse_date(value: Any, what: str) -> dt.date | None:
    try:
        return to_date(value)
    except ValueError:
        raise DocumentError(f"{what}: {value[:40]!r} is not a YYYY-MM-DD date") from None
    except TypeError as error:
        raise DocumentError(f"{what}: {error}") from None


def _check_year(date: dt.date | None, what: str) -> dt.date | None:
    # Whoosh stores any datetime, but a year like 0003 or 9999 is a data error, not news.
    if date is not None and not 1000 <= date.year <= 2999:
        raise DocumentError(f"{what}: year {date.year} is out of range 1000-2999")
    return date


def _given_agreements(items: list) -> list[dict]:
    out = []
    for item in items:
        if isinstance(item, str):
            name, kind, date = item, "agreement", None
        elif isinstance(item, Mapping):
            name = item.get("name")
            if not isinstance(name, str):
                raise DocumentError("agreements: an object without a string 'name'")
            kind = item.get("type") or "agreement"
            if not isinstance(kind, str):
                raise DocumentError("agreements: 'type' must be a string")
            date = _check_year(_parse_date(item.get("date"), "agreements: date"), "agreements")
        else:
            raise DocumentError(f"agreements: unexpected item of type {type(item).__name__}")
        name = _clean_name(name)
        if name:
            out.append({"name": name, "type": kind, "date": date.isoformat() if date else None})
    return out


def _extracted_agreements(items: list) -> list[dict]:
    return [{"name": _clean_name(a.name), "type": a.type,
             "date": a.date.isoformat() if a.date else None}
            for a in items if a.name and a.name.strip()]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _same_line(a: str, b: str) -> bool:
    return _canonical_text(a) == _canonical_text(b)


def _indexed_body(text: str, meta: Any, given_title: str | None) -> str:
    """The extractor's body; the line it took for the headline goes back in when the input
    gave another title (that line is then the article's first paragraph, not a headline)."""
    body = meta.body if meta.body and meta.body.strip() else ""
    if not body:
        return text
    extracted_title = (meta.title or "").strip()
    if (given_title and extracted_title and not _same_line(extracted_title, given_title)
            and extracted_title in text and extracted_title not in body):
        body = f"{extracted_title}\n{body}"
    return body


def _searchable_title(title: str, body: str) -> str:
    """The title to index: empty when it is only the body's opening words (the extractor's
    fallback for a page without a headline line). Indexing those words again, in the boosted
    title field, would rank documents by how their first sentence happens to read."""
    canonical = _canonical_text(title.rstrip(".…: "))
    return "" if canonical and _canonical_text(body).startswith(canonical) else title


def prepare_fields(item: IdentifiedRecord, schema: Any,
                   extract: Callable[..., Any]) -> dict:
    """The keyword arguments for ``writer.add_document``, text fields already analyzed.

    Raises :class:`DocumentError` when a field is absurd or extraction fails.
    """
    record = item.record
    text = record.text
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("no text")
    given_date = _check_year(_parse_date(record.date, "date"), "date") if record.date else None
    try:
        # the record's date dates what the text leaves undated (role titles, 22 يوليو الماضي)
        meta = extract(text, published=given_date)
    except Exception as error:  # a bug or a pathological text: skip the record, keep the run
        raise DocumentError(f"extraction failed: {type(error).__name__}: {error}") from error

    title = record.title if record.title else (meta.title or "")
    date = given_date or _check_year(meta.date, "date")
    source = record.source or meta.source
    actors = _unique([_clean_name(name) for name in record.actors]) if record.actors is not None \
        else _unique([_clean_name(actor.name) for actor in meta.actors])
    agreements = _given_agreements(record.agreements) if record.agreements is not None \
        else _extracted_agreements(meta.agreements)
    agreement_names = _unique([agreement["name"] for agreement in agreements])
    body = _indexed_body(text, meta, record.title)

    def prepared(fieldname: str, value: str) -> Any:
        field = schema[fieldname]
        return field.prepare(value) if isinstance(field, PreparedText) else value

    fields: dict[str, Any] = {
        "id": item.doc_id,
        "content_hash": item.content_hash,
        "title": prepared("title", title if record.title else _searchable_title(title, body)),
        "_stored_title": title,
        "body": prepared("body", body),
        "_stored_body": body,
        "agreements_json": json.dumps(agreements, ensure_ascii=False),
    }
    if date is not None:
        fields["date"] = dt.datetime(date.year, date.month, date.day)
        fields["date_order"] = date.toordinal()
        fields["year"] = f"{date.year:04d}"
    if source:
        fields["source"] = _clean_name(source)
    if record.url:
        fields["url"] = record.url
    if record.author:
        fields["author"] = record.author
    if actors:
        fields["actor"] = actors
        fields["actor_text"] = prepared("actor_text", "\n".join(actors))
    if agreement_names:
        fields["agreement"] = agreement_names
        fields["agreement_text"] = prepared("agreement_text", "\n".join(agreement_names))
    return fields


def agreements_from_json(blob: str | None) -> list[dict]:
    """The stored agreements of a document (``[{"name", "type", "date"}]``)."""
    if not blob:
        return []
    return json.loads(blob)
