"""The word lexicon the stemmer decides with: corpus frequencies and dictionary membership.

``data/lexicon.tsv.gz`` is built by ``tools/build_lexicon.py`` from word counts over the
SaudiNewsNet corpus (normalized forms, counts only; the corpus itself is not shipped) and the
Hunspell Arabic dictionary (hunspell-ar): each line is ``word<TAB>count<TAB>flags`` where flag
``d`` means Hunspell accepts the word, ``s`` that it is an entry (a stem) of the dictionary and
``h`` that its leading ال is mostly written أل/إل/آل in the corpus (part of the word: إلهام). Header lines ``#rate<TAB>prefix<TAB>value`` give, per clitic,
how often it is attached to a word relative to the bare word (used to tell وزير from و+زير).
Loaded lazily, once per process.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
from dataclasses import dataclass, field
from importlib import resources

__all__ = ["Lexicon", "load_lexicon", "data_files_digest"]

DATA_FILES = ("lexicon.tsv.gz", "stopword_keep.txt")


@dataclass
class Lexicon:
    """Word frequencies (normalized forms), dictionary words and clitic attachment rates."""

    freq: dict[str, int] = field(default_factory=dict)
    dictionary: frozenset[str] = frozenset()
    entries: frozenset[str] = frozenset()
    hamza_al: frozenset[str] = frozenset()
    rates: dict[str, float] = field(default_factory=dict)

    def count(self, word: str) -> int:
        """Corpus count of the normalized ``word`` (0 when unseen)."""
        return self.freq.get(word, 0)

    def in_dictionary(self, word: str) -> bool:
        """Whether Hunspell's Arabic dictionary accepts ``word``."""
        return word in self.dictionary

    def is_entry(self, word: str) -> bool:
        """Whether ``word`` is itself an entry of the dictionary (a lexeme, not an inflection)."""
        return word in self.entries

    def al_is_part_of_word(self, word: str) -> bool:
        """Whether the leading ال of ``word`` is written with hamza in the corpus (not the article)."""
        return word in self.hamza_al

    def rate(self, clitic: str, default: float = 0.1) -> float:
        """How often ``clitic`` attaches to a word, relative to the bare word's count."""
        return self.rates.get(clitic, default)


def _data_path(name: str):
    return resources.files("searchlib.analyzers").joinpath("data", name)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the packaged lexicon once (an empty lexicon when the data file is absent)."""
    path = _data_path("lexicon.tsv.gz")
    if not path.is_file():
        return Lexicon()
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    rates: dict[str, float] = {}
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        parts = line.split("\t")
        if parts[0] == "#rate" and len(parts) == 3:
            rates[parts[1]] = float(parts[2])
        elif line and not line.startswith("#"):
            if len(parts) != 3 or not parts[1].isdigit():
                raise ValueError(f"{path}:{lineno}: bad lexicon line {line!r}")
            rows.append(parts)
    # bulk comprehensions: this runs at the first analysis of every process
    return Lexicon(
        freq={word: int(count) for word, count, _ in rows if count != "0"},
        dictionary=frozenset(word for word, _, flags in rows if "d" in flags),
        entries=frozenset(word for word, _, flags in rows if "s" in flags),
        hamza_al=frozenset(word for word, _, flags in rows if "h" in flags),
        rates=rates)


@functools.lru_cache(maxsize=1)
def data_files_digest() -> str:
    """A short hash over the packaged data files (lexicon, kept stop words)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        path = _data_path(name)
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.is_file() else b"<absent>")
    return digest.hexdigest()[:12]
