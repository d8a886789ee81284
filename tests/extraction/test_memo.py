"""The bounded per-word memo."""
from __future__ import annotations

from searchlib.extraction.memo import BoundedMemo


def test_each_key_is_computed_once_and_the_memo_empties_past_its_bound():
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = BoundedMemo(length, bound=2)
    assert list(map(memo.__getitem__, ["محمد", "بن", "محمد"])) == [4, 2, 4]
    assert calls == ["محمد", "بن"]
    assert memo["سلمان"] == 5 and len(memo) == 1      # the third key found the memo full
