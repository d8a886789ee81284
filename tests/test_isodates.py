"""One way of reading YYYY-MM-DD dates (records, filters, stored fields)."""
from __future__ import annotations

import datetime as dt

import pytest

from searchlib.isodates import to_date


def test_dates_datetimes_and_strings():
    assert to_date(dt.datetime(2024, 8, 18, 22, 14)) == dt.date(2024, 8, 18)
    assert to_date(dt.date(2020, 11, 10)) == dt.date(2020, 11, 10)
    assert to_date(" 2015-07-21 10:03:00") == dt.date(2015, 7, 21)
    assert to_date(None) is None and to_date("") is None


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "18-8-2024"])
def test_a_string_that_is_no_date_is_a_value_error(value):
    with pytest.raises(ValueError):
        to_date(value)


def test_other_types_are_a_type_error():
    with pytest.raises(TypeError):
        to_date(20240818)
