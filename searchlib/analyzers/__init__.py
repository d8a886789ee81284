"""The Arabic analysis chain: Whoosh tokenizer and filters joined with ``|``.

The same analyzer runs at index time and at query time::

    ArabicTokenizer() | ArabicTermFilter(stem=..., stopwords=..., protected=...)

The tokenizer finds words in the original text (offsets kept for highlighting); the term filter
normalizes, drops stop words and applies guarded light stemming in one memoized lookup per token.
See ``docs/analyzer.md`` for each stage with examples.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from whoosh.analysis import Analyzer

from searchlib.analyzers.filters import (ArabicNormalizeFilter, ArabicStemFilter,
                                         ArabicStopFilter, ArabicTermFilter)
from searchlib.analyzers.lexicon import data_files_digest
from searchlib.analyzers.normalize import normalize_text
from searchlib.analyzers.tokenizer import ArabicTokenizer

__all__ = ["AnalyzerConfig", "build_analyzer", "analyze", "analyze_tokens", "normalize",
           "normalize_term", "strip_clitics", "ArabicTokenizer", "ArabicTermFilter", "ArabicNormalizeFilter",
           "ArabicStopFilter", "ArabicStemFilter", "CHAIN_VERSION"]

# Bump whenever a change to the code changes which terms a text produces.
CHAIN_VERSION = "2"


@dataclass(frozen=True)
class AnalyzerConfig:
    """Settings of the analysis chain; stored (as :meth:`signature`) in every index.

    :param stem: guarded light stemming on (clitics and common suffixes come off).
    :param stopwords: drop Arabic stop words.
    :param protected: extra words kept unstemmed (their clitics still come off), e.g. names.
    """

    stem: bool = True
    stopwords: bool = True
    protected: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # accept any iterable of words; keep a canonical, hashable tuple
        object.__setattr__(self, "protected", tuple(sorted(set(self.protected))))

    def signature(self) -> str:
        """Chain version, settings and data-file hashes: equal signatures mean equal terms."""
        protected = hashlib.sha256("\n".join(self.protected).encode()).hexdigest()[:12]
        try:
            stoplist = metadata.version("arabic-stopwords")
        except metadata.PackageNotFoundError:  # pragma: no cover - installed from source
            stoplist = "unknown"
        return (f"searchlib-arabic/{CHAIN_VERSION};stem={int(self.stem)};"
                f"stopwords={int(self.stopwords)};protected={protected};"
                f"data={data_files_digest()};arabic-stopwords={stoplist}")


def build_analyzer(config: AnalyzerConfig | None = None) -> Analyzer:
    """The analyzer for ``config`` (default settings when None), for index and query alike.

    Call it with ``chars=True, positions=True`` (Whoosh fields do) to get offsets into the
    original text and positions for phrase queries. Picklable.
    """
    config = config or AnalyzerConfig()
    return ArabicTokenizer() | ArabicTermFilter(stem=config.stem, stopwords=config.stopwords,
                                                protected=config.protected)


@functools.lru_cache(maxsize=32)
def _analyzer_for(config: AnalyzerConfig) -> Analyzer:
    return build_analyzer(config)


def _config_from(options: dict[str, Any]) -> AnalyzerConfig:
    config = options.pop("config", None)
    if config is not None and options:
        raise TypeError("pass either config= or individual settings, not both")
    return config or AnalyzerConfig(**options)


def analyze_tokens(text: str, **config: Any) -> list[dict]:
    """The index terms of ``text`` with their offsets into it: ``[{"term", "start", "end"}]``.

    Keyword arguments are :class:`AnalyzerConfig` fields (or ``config=AnalyzerConfig(...)``).
    """
    analyzer = _analyzer_for(_config_from(config))
    return [{"term": t.text, "start": t.startchar, "end": t.endchar}
            for t in analyzer(text, chars=True, positions=True)]


def analyze(text: str, **config: Any) -> list[str]:
    """The index terms of ``text``, in order (the chain the index uses)."""
    analyzer = _analyzer_for(_config_from(config))
    return [t.text for t in analyzer(text)]


def normalize(text: str) -> str:
    """``text`` with orthographic variants folded (no stemming, no stop-word removal)."""
    return normalize_text(text)


def normalize_term(text: str) -> str:
    """One query term normalized only, for wildcard, prefix and fuzzy queries.

    Wildcard characters (``*``, ``?``) pass through unchanged; no stemming is applied, since a
    stem would turn ``بوت*`` into a prefix search on a different string.
    """
    return normalize_text(text.strip())


@functools.lru_cache(maxsize=1)
def _default_term_filter() -> ArabicTermFilter:
    return ArabicTermFilter()


def strip_clitics(text: str) -> str:
    """One word normalized with its proclitics (و ف ب ل ك, ال, لل) taken off as the index takes
    them off, and no suffix stemming: the literal head of a prefix or fuzzy query, so that
    ``الاتفاق*`` searches the index's ``اتفاق…`` terms."""
    word = normalize_text(text.strip())
    if not word:
        return word
    return _default_term_filter()._get_stemmer().strip_clitics(word)
