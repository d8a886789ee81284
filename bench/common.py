"""Shared helpers for the bench scripts: the SaudiNewsNet corpus, wire copies, plain-Whoosh
baselines and timing.

Everything here is independent of searchlib, so the baselines stay plain Whoosh and the corpus
preparation (title footers, wire copies) is the same for every system under test.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from pyarabic import araby
from whoosh import fields, qparser
from whoosh.analysis import Filter, LanguageAnalyzer, RegexTokenizer, LowercaseFilter, \
    StandardAnalyzer

REPO = Path(__file__).resolve().parents[1]
#: Where the corpus lives next to the repository (read in place, never copied).
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "saudinewsnet"


@dataclass
class Article:
    """One SaudiNewsNet article, as the benches use it."""

    id: str
    source: str
    date: str            # YYYY-MM-DD (from date_extracted), may be ""
    title: str
    body: str            # content, with a trailing footer that repeats the title removed
    footer_stripped: bool = False


# --- the corpus ----------------------------------------------------------------------------------

def iter_raw(corpus: Path = DEFAULT_CORPUS) -> Iterator[tuple[str, dict]]:
    """``(origin, article object)`` for every article of every ``YYYY-MM-DD.zip``, in order."""
    zips = sorted(Path(corpus).glob("*.zip"))
    if not zips:
        raise SystemExit(f"{corpus}: no SaudiNewsNet zips found (use --corpus)")
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if not member.endswith(".json"):
                    continue
                try:
                    items = json.loads(archive.read(member).decode("utf-8-sig"))
                except ValueError as error:
                    raise SystemExit(f"{path}!{member}: not a JSON array: {error}") from None
                for number, item in enumerate(items):
                    yield f"{path.name}!{member}#{number}", item


def load_articles(corpus: Path = DEFAULT_CORPUS, limit: int | None = None) -> list[Article]:
    """The corpus' articles with non-empty content (the first ``limit`` if given)."""
    articles: list[Article] = []
    for origin, item in iter_raw(corpus):
        content = (item.get("content") or "").strip()
        if not content:
            continue
        title = " ".join((item.get("title") or "").split())
        body, stripped = strip_title_footer(content, title)
        articles.append(Article(id=origin, source=item.get("source") or "",
                                date=(item.get("date_extracted") or "")[:10], title=title,
                                body=body, footer_stripped=stripped))
        if limit is not None and len(articles) >= limit:
            break
    return articles


# --- normalization used only for comparing texts (fingerprints, footers) -------------------------

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ی": "ي",
                       "ک": "ك", **{chr(0x660 + d): str(d) for d in range(10)},
                       **{chr(0x6F0 + d): str(d) for d in range(10)}})
_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Text folded for comparison: no diacritics or tatweel, one alef/ya/ta-marbuta form."""
    return araby.strip_tatweel(araby.strip_tashkeel(text)).translate(_FOLD).lower()


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    # fold() deletes marks and maps the rest one to one: keep where each folded char came from
    chars: list[str] = []
    where: list[int] = []
    for number, char in enumerate(text):
        folded = fold(char)
        if folded:
            chars.append(folded)
            where.extend([number] * len(folded))
    return "".join(chars), where


_SENTENCE_END = re.compile(r"[.!?؟\n]")


def strip_title_footer(body: str, title: str, tail_words: int = 40,
                       lead_in_words: int = 8) -> tuple[str, bool]:
    """``body`` without a trailing footer that repeats the title (e.g. alweeam's
    "رابط الخبر بصحيفة الوئام: <title>"), and whether one was cut.

    General rule: the title's folded words occur as a run among the body's last ``tail_words``
    words; the cut starts at the sentence or line where the footer starts (at most
    ``lead_in_words`` words of lead-in before the title). Titles under 3 words are left alone
    (too likely to occur by chance).
    """
    title_words = fold_words(title)
    if len(title_words) < 3:
        return body, False
    # only the tail can hold a footer; folding char by char is slow, so check cheaply first
    offset = max(0, len(body) - 25 * (tail_words + len(title_words)))
    tail = body[offset:]
    if " ".join(title_words) not in " ".join(fold_words(tail)):
        return body, False
    folded, where = _folded_with_map(tail)
    where = [offset + position for position in where]
    spans = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    words = [word for _, _, word in spans]
    size = len(title_words)
    first_allowed = max(0, len(words) - tail_words)
    for begin in range(len(words) - size, first_allowed - 1, -1):
        if words[begin:begin + size] == title_words:
            break
    else:
        return body, False
    cut = where[spans[begin][0]]
    lead_start = where[spans[max(0, begin - lead_in_words)][0]]
    boundary = None
    for match in _SENTENCE_END.finditer(body, lead_start, cut):
        boundary = match.end()
    if boundary is not None:
        cut = boundary
    if cut == 0 or not body[:cut].strip():
        return body, False
    return body[:cut].rstrip(), True


# --- wire copies ---------------------------------------------------------------------------------

def wire_copies(bodies: Sequence[str], shingle: int = 6, sample: int = 4,
                containment: float = 0.5, common: int = 50) -> set[int]:
    """Indexes of the bodies reprinted (wholly or largely) in another body of the list.

    Word ``shingle``-grams of the folded text, hashed with CRC32; one in ``sample`` kept (the
    same ones in every text, so the sample is consistent). Two texts are copies when the shared
    shingles are at least ``containment`` of the smaller text's; shingles found in more than
    ``common`` texts (boilerplate) are ignored. Texts too short for shingles compare by their
    whole folded text.
    """
    postings: dict[int, list[int]] = defaultdict(list)
    sizes: list[int] = []
    exact: dict[str, list[int]] = defaultdict(list)
    for number, body in enumerate(bodies):
        words = fold_words(body)
        hashes = {zlib.crc32(" ".join(words[i:i + shingle]).encode())
                  for i in range(max(0, len(words) - shingle + 1))}
        kept = {h for h in hashes if h % sample == 0}
        sizes.append(len(kept))
        if len(kept) < 3:
            exact[" ".join(words)].append(number)
        for h in kept:
            postings[h].append(number)
    shared: Counter = Counter()
    for docs in postings.values():
        if 1 < len(docs) <= common:
            for i, a in enumerate(docs):
                for b in docs[i + 1:]:
                    shared[a, b] += 1
    copies: set[int] = set()
    for (a, b), count in shared.items():
        if count >= 2 and count >= containment * max(1, min(sizes[a], sizes[b])):
            copies.update((a, b))
    for docs in exact.values():
        if len(docs) > 1:
            copies.update(docs)
    return copies


# --- plain Whoosh baselines ----------------------------------------------------------------------

class TashaphyneStemFilter(Filter):
    """Raw Tashaphyne ``light_stem`` on every token: the naive Arabic chain (a baseline)."""

    def __init__(self) -> None:
        self._stemmer = None
        self._memo: dict[str, str] = {}

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        if self._stemmer is None:
            from tashaphyne.stemming import ArabicLightStemmer
            self._stemmer = ArabicLightStemmer()
        memo = self._memo
        for token in tokens:
            text = token.text
            stem = memo.get(text)
            if stem is None:
                stem = self._stemmer.light_stem(text) or text
                if len(memo) < 500_000:
                    memo[text] = stem
            token.text = stem
            yield token


def baseline_analyzers() -> dict[str, Any]:
    """The three plain-Whoosh baselines, by the name the tables use."""
    return {
        "whoosh-standard": StandardAnalyzer(),
        "whoosh-isri": LanguageAnalyzer("ar"),
        "naive-tashaphyne": RegexTokenizer() | LowercaseFilter() | TashaphyneStemFilter(),
    }


def plain_schema(analyzer: Any, *, stored_body: bool = False) -> fields.Schema:
    """A plain Whoosh schema: id, title, body with ``analyzer``, date, source."""
    return fields.Schema(id=fields.ID(stored=True, unique=True),
                         title=fields.TEXT(analyzer=analyzer, stored=True),
                         body=fields.TEXT(analyzer=analyzer, stored=stored_body),
                         date=fields.DATETIME(stored=True),
                         source=fields.ID(stored=True))


def or_parser(fieldname: str, schema: fields.Schema) -> qparser.QueryParser:
    """Free text as ``OrGroup.factory(0.9)`` over ``fieldname``, no query syntax."""
    return qparser.QueryParser(fieldname, schema, group=qparser.OrGroup.factory(0.9),
                               plugins=[qparser.WhitespacePlugin()])


# --- measuring -----------------------------------------------------------------------------------

def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    """``(seconds, result)`` of calling ``function``."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values) if values else float("nan")


def log(message: str) -> None:
    """Progress to stderr (stdout holds the report)."""
    print(message, file=sys.stderr, flush=True)
