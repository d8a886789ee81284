"""A bounded per-word memo: word types repeat across a corpus, so per-word tests are computed once."""
from __future__ import annotations

from typing import Callable, Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict, Generic[K, V]):
    """``memo[key]`` is ``function(key)``, computed on first use and kept (emptied past ``bound``
    entries). A dict, so a whole line can be looked up in C: ``map(memo.__getitem__, words)``."""

    def __init__(self, function: Callable[[K], V], bound: int = 200_000) -> None:
        super().__init__()
        self._function = function
        self._bound = bound

    def __missing__(self, key: K) -> V:
        if len(self) >= self._bound:
            self.clear()
        value = self[key] = self._function(key)
        return value
