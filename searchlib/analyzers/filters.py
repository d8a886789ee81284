"""Whoosh filters of the Arabic chain.

``ArabicTermFilter`` is the one the default analyzer uses: raw token text -> index term (or a stop
word, dropped) in ONE memoized lookup per token, composing normalization, stop words and guarded
stemming. ``ArabicNormalizeFilter``, ``ArabicStopFilter`` and ``ArabicStemFilter`` expose the same
stages one by one for users who compose their own chains. Every filter pickles without its cache
(Whoosh stores analyzers in the index schema and ships them to worker processes).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from itertools import islice

from whoosh.analysis import Filter, Token

from searchlib.analyzers.lexicon import load_lexicon
from searchlib.analyzers.normalize import ARABIC_MARKS, normalize_text
from searchlib.analyzers.stemmer import GuardedStemmer
from searchlib.analyzers.stopwords import function_words, is_stopword, stopword_set

__all__ = ["ArabicTermFilter", "ArabicNormalizeFilter", "ArabicStopFilter", "ArabicStemFilter",
           "BoundedCache", "DEFAULT_CACHE_SIZE"]

DEFAULT_CACHE_SIZE = 200_000  # ~50 MB at most; SaudiNewsNet has 320k spellings, 98k in 3k articles
_STOP = object()  # cache value for "this token is a stop word"
_TANWIN_ALEF = re.compile("(?:\u064b\u0627|\u0627\u064b)$")
# أل/إل/آل after at most two clitic letters, marks allowed: the article is never written with a
# hamza, so such an ال belongs to the word (إلهام, لألمانيا)
_HAMZA_AL = re.compile(f"^(?:[وفبكل][{ARABIC_MARKS}\u0640]*){{0,2}}[أإآ][{ARABIC_MARKS}\u0640]*ل")


class BoundedCache(dict):
    """A dict that forgets its oldest half when it grows past ``maxsize`` entries.

    Cheaper per hit than an LRU (a plain ``dict.get``); news text is Zipfian, so the frequent
    word types are re-learnt at once after a trim.
    """

    def __init__(self, maxsize: int = DEFAULT_CACHE_SIZE) -> None:
        super().__init__()
        self.maxsize = maxsize

    def put(self, key: str, value: object) -> None:
        """Store ``value``, trimming the oldest entries first when full."""
        if len(self) >= self.maxsize:
            try:
                for old in list(islice(iter(self), max(1, self.maxsize // 2))):
                    self.pop(old, None)
            except RuntimeError:  # another thread changed the dict meanwhile
                self.clear()
        self[key] = value


# Caches shared by every filter with the same settings, so analyzers unpickled from an index
# (one per opened index or worker) reuse what the process already learnt.
_SHARED_CACHES: dict[tuple, BoundedCache] = {}
_SHARED_LOCK = threading.Lock()


def _shared_cache(key: tuple, maxsize: int) -> BoundedCache:
    with _SHARED_LOCK:
        cache = _SHARED_CACHES.get(key)
        if cache is None:
            cache = _SHARED_CACHES[key] = BoundedCache(maxsize)
        return cache


class _CachedFilter(Filter):
    """Base for filters holding a per-process cache that is never pickled."""

    _cache: BoundedCache | None = None

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_cache", None)
        state.pop("_stemmer", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.__getstate__() == other.__getstate__()

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted(self.__getstate__().items()))))


class ArabicTermFilter(_CachedFilter):
    """Raw token -> normalized, stop-filtered, stemmed term, memoized per word type.

    :param stem: apply guarded light stemming.
    :param stopwords: drop stop words (positions are renumbered so phrases still match).
    :param protected: words kept unstemmed (their clitics still come off).
    :param cache_size: bound of the per-process memo.
    """

    def __init__(self, stem: bool = True, stopwords: bool = True,
                 protected: tuple[str, ...] = (), cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.stem = stem
        self.stopwords = stopwords
        self.protected = tuple(sorted({normalize_text(w) for w in protected}))
        self.cache_size = cache_size

    def _get_cache(self) -> BoundedCache:
        cache = self.__dict__.get("_cache")
        if cache is None:
            key = (self.stem, self.stopwords, self.protected)
            cache = self._cache = _shared_cache(key, self.cache_size)
        return cache

    def _get_stemmer(self) -> GuardedStemmer:
        stemmer = self.__dict__.get("_stemmer")
        if stemmer is None:
            stemmer = self._stemmer = GuardedStemmer(load_lexicon(), function_words(),
                                                     self.protected)
        return stemmer

    def term(self, raw: str) -> str | None:
        """The index term for the raw token text, or None for a stop word (memoized)."""
        value = self._lookup(raw)
        return None if value is _STOP else value

    def _lookup(self, raw: str) -> object:
        cache = self._cache if self._cache is not None else self._get_cache()
        value = cache.get(raw)
        if value is None:
            value = self._compute(raw)
            value = _STOP if value is None else value
            cache.put(raw, value)
        return value

    def _compute(self, raw: str) -> str | None:
        text = normalize_text(raw).replace(" ", "")  # ligatures like ﷺ expand to several words
        if not text:
            return None
        if self.stopwords and is_stopword(raw):
            return None
        if self.stem:
            if _TANWIN_ALEF.search(raw) and len(text) > 3:
                text = text[:-1]  # اتفاقاً: the alef only carries the accusative tanwin
            return self._get_stemmer().stem(text, keep_al=bool(_HAMZA_AL.match(raw)))
        return text

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        # the hot loop: one dict lookup per token (misses, ~3% on news, go through _lookup)
        cache = self._cache if self._cache is not None else self._get_cache()
        lookup = self._lookup
        pos = 0
        for t in tokens:
            text = t.text
            try:
                value = cache[text]
            except KeyError:
                value = lookup(text)
            if value is _STOP:
                if not t.removestops:  # Whoosh asks to keep stop words, flagged
                    t.stopped = True
                    yield t
                continue
            t.text = value
            if t.positions:
                t.pos = pos
                pos += 1
            yield t


class ArabicNormalizeFilter(_CachedFilter):
    """Orthographic normalization only (see ``normalize.py``), memoized."""

    def __init__(self, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.cache_size = cache_size

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = self._cache = _shared_cache(("normalize",), self.cache_size)
        for t in tokens:
            text = cache.get(t.text)
            if text is None:
                text = normalize_text(t.text).replace(" ", "")
                cache.put(t.text, text)
            if text:
                t.text = text
                yield t


class ArabicStopFilter(Filter):
    """Drops Arabic stop words; expects normalized tokens. Positions are renumbered.

    Matching normalized text is coarser than :class:`ArabicTermFilter`, which decides on the
    token as written (there آلية stays while إليه goes; here both read اليه and go).
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stops = stopword_set()
        pos = 0
        for t in tokens:
            if t.text in stops:
                if not t.removestops:
                    t.stopped = True
                    yield t
                continue
            if t.positions:
                t.pos = pos
                pos += 1
            yield t


class ArabicStemFilter(_CachedFilter):
    """Guarded light stemming of normalized tokens (see ``stemmer.py``), memoized."""

    def __init__(self, protected: tuple[str, ...] = (),
                 cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.protected = tuple(sorted({normalize_text(w) for w in protected}))
        self.cache_size = cache_size

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        cache = self.__dict__.get("_cache")
        if cache is None:
            cache = self._cache = _shared_cache(("stem", self.protected), self.cache_size)
        stemmer = self.__dict__.get("_stemmer")
        if stemmer is None:
            stemmer = self._stemmer = GuardedStemmer(load_lexicon(), function_words(),
                                                     self.protected)
        for t in tokens:
            text = cache.get(t.text)
            if text is None:
                text = stemmer.stem(t.text)
                cache.put(t.text, text)
            t.text = text
            yield t
