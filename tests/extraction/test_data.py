"""Extraction data files: the rule word lists of data/rule_words.json and their loader."""
from __future__ import annotations

import json

import pytest

from searchlib.extraction.data import DATA_DIR, DataFileError


def _pairs_once(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), f"repeated keys: {sorted({k for k in keys if keys.count(k) > 1})}"
    return dict(pairs)


def test_rule_words_are_non_empty_lists_of_single_words_without_repeats():
    text = (DATA_DIR / "rule_words.json").read_text(encoding="utf-8")
    data = json.loads(text, object_pairs_hook=_pairs_once)
    assert isinstance(data.get("_doc"), str) and data["_doc"]
    lists = {k: v for k, v in data.items() if not k.startswith("_doc")}
    assert lists
    for name, words in lists.items():
        assert isinstance(words, list) and words, name
        assert all(isinstance(w, str) and len(w.split()) == 1 and w == w.strip() for w in words), name
        assert len(words) == len(set(words)), (name, sorted({w for w in words if words.count(w) > 1}))
    for doc in (k for k in data if k.startswith("_doc_")):
        assert isinstance(data[doc], str) and doc[len("_doc_"):] in lists, doc
    assert [name for name in lists if f"_doc_{name}" not in data] == []


def test_a_missing_rule_word_list_names_the_file_and_the_list():
    from searchlib.extraction.actors import _rule_words
    with pytest.raises(DataFileError, match=r"rule_words\.json: missing list 'no_such_list'"):
        _rule_words("no_such_list")


@pytest.mark.parametrize("name", ["foreign_given.txt", "arabic_given.txt", "ambiguous_given.txt"])
def test_hand_written_name_lists_hold_each_name_once(name):
    names = [line.strip() for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert names and sorted({n for n in names if names.count(n) > 1}) == []


def test_malformed_agreement_namesakes_name_the_file(monkeypatch):
    from searchlib.extraction import agreements
    monkeypatch.setattr(agreements, "load_json", lambda name: {"namesakes": {"الاتفاق": "نادي"}})
    with pytest.raises(DataFileError, match=r"agreements\.json: 'namesakes'"):
        agreements._Catalog()
