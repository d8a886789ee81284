"""One JSON object (JSONL line, JSON array item, SaudiNewsNet article) -> :class:`Record`.

The rules, in one place:

* ``text``, or its alias ``content``: a string (a list of strings is joined by blank lines);
  missing, empty or not text -> :class:`Skipped` "no text"; over ``MAX_TEXT_CHARS`` -> skipped.
* ``id``: strings are stripped; integers become ``str(n)``; missing -> the ``url``; else ``None``.
  Any other type (true, list, object) -> skipped, since guessing an id would merge documents.
* ``title``, ``source``, ``url``, ``author``: strings are stripped, numbers stringified, empty
  ones count as missing; other types are dropped with a warning. Titles over
  ``MAX_TITLE_CHARS`` are cut, with a warning.
* ``date`` (or SaudiNewsNet's ``date_extracted``): ``YYYY-MM-DD``, ``YYYY-MM-DD hh:mm:ss``,
  ``YYYY/MM/DD`` or an ISO 8601 datetime, normalized to ``YYYY-MM-DD``; an impossible date
  (2024-13-45) is dropped with a warning so that the extractor can find the date in the text.
* ``actors``: a list of strings (a single string becomes a one-item list); ``agreements``: a list
  of strings or objects (a single one becomes a one-item list); other types dropped with a warning.
* Every other field goes to ``Record.extra`` untouched.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from searchlib.ingest.model import MAX_ID_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS, Record, Skipped

__all__ = ["record_from_object", "normalize_date"]

# YYYY-MM-DD or YYYY/MM/DD, optionally followed by an ISO 8601 or "hh:mm:ss" time (the hour
# not always padded by crawlers), fractions of a second and a UTC offset. A regex rather than
# datetime.fromisoformat, which accepts most of these only from Python 3.11 on.
_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"
                   r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                   r"(?:\s?(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?")


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "array",
            dict: "object"}.get(type(value), type(value).__name__)


def normalize_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for a date or datetime string in one of the accepted forms, else ``None``."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part) if part else 0
                                              for part in match.group(1, 2, 3, 4, 5, 6))
    try:
        dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # 2024-13-45, 2024-02-30, 25:00
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _text_field(obj: dict) -> tuple[str | None, str | None]:
    """(the article text, the key it came from); ``text`` wins over ``content``."""
    for key in ("text", "content"):
        value = obj.get(key)
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(value)
        if isinstance(value, str) and value.strip():
            return value, key
    return None, None


def _string_field(obj: dict, key: str, warnings: list[str]) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        warnings.append(f"{key} ignored: expected a string, got {_type_name(value)}")
        return None
    return value.strip() or None


def _list_field(obj: dict, key: str, warnings: list[str], *, allow_objects: bool) -> list | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str) or (allow_objects and isinstance(value, dict)):
        value = [value]
    if not isinstance(value, list):
        warnings.append(f"{key} ignored: expected a list, got {_type_name(value)}")
        return None
    kept = []
    for item in value:
        if isinstance(item, str):
            if item.strip():
                kept.append(item.strip())
        elif allow_objects and isinstance(item, dict):
            kept.append(item)
        elif isinstance(item, (int, float)) and not isinstance(item, bool):
            kept.append(str(item))
        else:
            warnings.append(f"{key}: item of type {_type_name(item)} ignored")
    return kept


def _id_field(obj: dict) -> str | None:
    """The id as a string; raises ValueError with the reason when it cannot be one."""
    value = obj.get("id")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"id must be a string or a number, got {_type_name(value)}")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"id must be a string or an integer, got {value!r}")
        value = int(value)
    value = str(value).strip()
    if len(value) > MAX_ID_CHARS:
        raise ValueError(f"id too long ({len(value)} characters > {MAX_ID_CHARS})")
    return value or None


def record_from_object(obj: Any, origin: str) -> Record | Skipped:
    """Map one decoded JSON value to a :class:`Record`, or say why it is :class:`Skipped`."""
    if not isinstance(obj, dict):
        return Skipped(origin, f"not a JSON object (got {_type_name(obj)})")
    text, text_key = _text_field(obj)
    if text is None:
        return Skipped(origin, "no text")
    if len(text) > MAX_TEXT_CHARS:
        return Skipped(origin, f"text too large ({len(text):,} characters > {MAX_TEXT_CHARS:,})")
    try:
        record_id = _id_field(obj)
    except ValueError as error:
        return Skipped(origin, str(error))

    warnings: list[str] = []
    title = _string_field(obj, "title", warnings)
    if title is not None and len(title) > MAX_TITLE_CHARS:
        warnings.append(f"title cut from {len(title):,} to {MAX_TITLE_CHARS:,} characters")
        title = title[:MAX_TITLE_CHARS]
    url = _string_field(obj, "url", warnings)

    date = None
    date_key = "date" if obj.get("date") is not None else "date_extracted"
    raw_date = _string_field(obj, date_key, warnings)
    if raw_date is not None:
        date = normalize_date(raw_date)
        if date is None:
            shown = raw_date if len(raw_date) <= 40 else raw_date[:40] + "..."
            warnings.append(f"{date_key} ignored: {shown!r} is not a valid date")

    used = {"id", "title", "url", "source", "author", "actors", "agreements", "date", text_key,
            date_key}
    return Record(
        id=record_id if record_id is not None else url,
        title=title,
        text=text,
        date=date,
        source=_string_field(obj, "source", warnings),
        url=url,
        author=_string_field(obj, "author", warnings),
        actors=_list_field(obj, "actors", warnings, allow_objects=False),
        agreements=_list_field(obj, "agreements", warnings, allow_objects=True),
        origin=origin,
        extra={key: value for key, value in obj.items() if key not in used},
        warnings=warnings,
    )
