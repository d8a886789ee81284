"""Reading ``YYYY-MM-DD`` dates given by users, records and stored fields, in one way."""
from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["to_date"]


def to_date(value: Any) -> dt.date | None:
    """``value`` as a date: a date or datetime as is, a string by its leading ``YYYY-MM-DD``
    (a time after it is ignored), None or "" as None.

    Raises ValueError for a string that is no date and TypeError for any other type; callers
    turn these into their own one-line errors.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip()[:10])
    raise TypeError(f"expected a date string, got {type(value).__name__}")
