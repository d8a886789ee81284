"""Whatever the bytes, reading never raises: every file gives records or one-line skips."""
from __future__ import annotations

import io
import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchlib.ingest import Record, Skipped, iter_records

from ingest_helpers import ARABIC_SENTENCE

SUFFIXES = [".txt", ".json", ".jsonl", ".zip"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["id", "text", "content", "title", "date", "actors",
                                       "agreements", "url", "x"]), children, max_size=5),
    max_leaves=12)


def _check(items: list) -> None:
    for item in items:
        assert isinstance(item, (Record, Skipped))
        if isinstance(item, Skipped):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    _check(list(iter_records([path])))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(json_values, max_size=5))
def test_any_json_values_never_raise(tmp_path, values):
    lines = tmp_path / "v.jsonl"
    lines.write_text("\n".join(json.dumps(v) for v in values), encoding="utf-8")
    items = list(iter_records([lines]))
    _check(items)
    assert len(items) == max(1, len(values))  # one item per line (or "empty file")
    array = tmp_path / "v.json"
    array.write_text(json.dumps(values), encoding="utf-8")
    _check(list(iter_records([array])))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=2000), flip=st.integers(min_value=0, max_value=2000))
def test_damaged_zips_never_raise(tmp_path, cut, flip):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("d.json", json.dumps([{"url": f"u{i}", "content": ARABIC_SENTENCE * 3}
                                               for i in range(10)], ensure_ascii=False))
    data = bytearray(buffer.getvalue())
    if flip < len(data):
        data[flip] ^= 0x5A
    path = tmp_path / "d.zip"
    path.write_bytes(bytes(data[: max(1, len(data) - cut)]))
    _check(list(iter_records([path])))


def test_deeply_nested_json_is_skipped(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"text": "نص"}), encoding="utf-8")
    items = list(iter_records([path]))
    assert isinstance(items[0], Skipped) and items[0].origin == f"{path}:1"
    assert isinstance(items[1], Record)
