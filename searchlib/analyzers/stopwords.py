"""Arabic stop words from the ``arabic-stopwords`` package, matched the way tokens are folded.

The package lists exact spellings (أن, إلى, وأن and their clitic forms), while people type ان,
الى, وان. Tokens and list are therefore compared after :func:`fold_for_stopwords` (diacritics,
tatweel, alef forms, presentation forms folded) but with ة/ه, ى/ي and the hamza carriers kept
apart: full normalization would make آلية ("mechanism") the stop word إليه, وفاة ("death") and
ولاية ("state") stop forms too.

``data/stopword_keep.txt`` lists content words the package includes (شمال, ساعة, ولي as in
ولي العهد, the name علي which the package takes for a misspelt على): they and every stop form
built on them are never stop words. Forms behind the interrogative hamza (أمن = أ + من) are left
out: they read as content words (أمن "security").
"""
from __future__ import annotations

import functools
from importlib import resources

from searchlib.analyzers.normalize import DIACRITICS_RE, fold_for_stopwords, normalize_text

__all__ = ["stopword_set", "stop_keys", "is_stopword", "kept_words", "function_words"]


def _data_lines(name: str) -> list[str]:
    path = resources.files("searchlib.analyzers").joinpath("data", name)
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def kept_words() -> frozenset[str]:
    """Words that are never stop words (``data/stopword_keep.txt``), folded for matching."""
    return frozenset(fold_for_stopwords(w) for w in _data_lines("stopword_keep.txt"))


@functools.lru_cache(maxsize=1)
def _package_stop_forms() -> frozenset[str]:
    """The package's stop forms, diacritics removed, minus kept words and interrogative forms."""
    from arabicstopwords.arabicstopwords import STOPWORDS

    keep = kept_words()
    forms = set()
    for form, readings in STOPWORDS.items():
        plain = DIACRITICS_RE.sub("", form)
        if fold_for_stopwords(plain) in keep or any(
                fold_for_stopwords(r.get("stem", "")) in keep for r in readings):
            continue
        if any(not r.get("procletic", "").startswith("أ") for r in readings):
            forms.add(plain)
    return frozenset(forms)


@functools.lru_cache(maxsize=1)
def stop_keys() -> frozenset[str]:
    """Stop words folded by :func:`fold_for_stopwords` (what :func:`is_stopword` matches)."""
    return frozenset(fold_for_stopwords(w) for w in _package_stop_forms())


@functools.lru_cache(maxsize=1)
def stopword_set() -> frozenset[str]:
    """Stop words in fully normalized form, for filters that see normalized tokens only."""
    return frozenset(normalize_text(w) for w in _package_stop_forms())


def is_stopword(raw: str) -> bool:
    """Whether the token ``raw`` (as written in the text) is a stop word."""
    return fold_for_stopwords(raw) in stop_keys()


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """Short normalized stop words (up to 3 letters: لي, له, من, ان): a clitic never comes off
    a word when only such a function word would remain (ولي is not و + لي, الله not ال + له).
    Longer stop forms are left out: after normalization some spell content words (ولايه)."""
    return frozenset(w for w in stopword_set() if len(w) <= 3)
