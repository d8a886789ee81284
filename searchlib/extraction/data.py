"""Loading the extraction data files (``searchlib/extraction/data/*.json``) once, lazily."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


class DataFileError(ValueError):
    """A data file is not valid JSON or misses a required key (message names file and line)."""


def load_json(name: str) -> dict[str, Any]:
    """Parse data file ``name``; a broken file raises DataFileError naming file and line."""
    return _load_json_cached(name)


@lru_cache(maxsize=None)
def _load_json_cached(name: str) -> dict[str, Any]:
    ref = DATA_DIR / name
    text = ref.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{ref}:{exc.lineno}: invalid JSON: {exc.msg}") from None


def entries(name: str, list_key: str, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """The list ``list_key`` of data file ``name``, each entry checked for ``required`` keys."""
    data = load_json(name)
    items = data.get(list_key)
    if not isinstance(items, list):
        raise DataFileError(f"{name}:1: missing list {list_key!r}")
    for i, item in enumerate(items):
        missing = [k for k in required if k not in item]
        if missing:
            raise DataFileError(f"{name}: entry {i} ({item.get('name', '?')}): missing {missing}")
    return items
