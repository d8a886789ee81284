"""Known-item retrieval on SaudiNewsNet: find an article from its headline.

Bodies are indexed without their titles (a trailing footer that repeats the title is cut, see
``bench.common.strip_title_footer``); each sampled title is the query, in four variants:

* ``clean``       the title as written (query-syntax punctuation replaced by spaces),
* ``noise``       typing noise: hamza-less alef, ه for ة, ي/ى swapped, stray diacritics, tatweel,
                  Persian ی ک, Eastern digits (seeded, applied to a fraction of characters),
* ``clitics``     articles and proclitics changed (الاتفاق -> للاتفاق / اتفاق, روسيا -> وروسيا),
* ``three-words`` three random content words of the title.

Articles whose body is reprinted elsewhere (wire copies) are not used as queries (they stay in the
index). Every system gets the same query through ``OrGroup.factory(0.9)`` and BM25F defaults:
plain Whoosh (StandardAnalyzer), Whoosh's ISRI ``LanguageAnalyzer('ar')``, a naive chain (raw
Tashaphyne light_stem on every token) and searchlib, indexed through its public API
(``create_index`` + ``add_documents``) and queried through its own query parser.

    python bench/retrieval.py [--queries 2000] [--seed 7] [--limit N] [--procs 2]
"""
from __future__ import annotations

import argparse
import pickle
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whoosh import fields, index as whoosh_index  # noqa: E402

from bench.common import (DEFAULT_CORPUS, Article, baseline_analyzers, fold, load_articles,  # noqa: E402
                          log, or_parser, wire_copies)

VARIANTS = ("clean", "noise", "clitics", "three-words")
K = 10

# --- queries -------------------------------------------------------------------------------------

_SYNTAX = re.compile(r"[^\w\s\u0640\u064B-\u0652\u0670]")
_OPERATORS = re.compile(r"\b(AND|OR|NOT|ANDNOT|ANDMAYBE|TO)\b")
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A\u0671-\u06D3]+$")


def as_query(title: str) -> str:
    """A title typed into a search box: punctuation (query syntax for some parsers) as spaces."""
    text = _OPERATORS.sub(lambda m: m.group().lower(), _SYNTAX.sub(" ", title))
    return " ".join(text.split())


def _is_stop(word: str) -> bool:
    import arabicstopwords.arabicstopwords as stopwords
    return bool(stopwords.is_stop(word)) or bool(stopwords.is_stop(fold(word)))


def content_words(query: str) -> list[str]:
    """The query's Arabic content words: 3+ letters, not a stop word."""
    return [word for word in query.split()
            if _ARABIC_WORD.match(word) and len(word) >= 3 and not _is_stop(word)]


_DIACRITICS = "\u064E\u064F\u0650\u0651\u0652\u064B\u064C\u064D"
_NON_JOINING = set("اأإآءدذرزوؤةى")      # letters that do not join the next one (no tatweel after)
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def add_noise(query: str, rng: random.Random) -> str:
    """Realistic typing noise on a fraction of the characters (see the module docstring).

    Per query: a Persian keyboard (all ي/ى as ی, ك as ک) in 20% of queries, Eastern digits in
    half of the queries with digits. Per character: hamza dropped from 60% of أ/إ/آ, 50% of ة as
    ه, ى/ي swapped at 40% of word ends, a diacritic after 6% of letters, tatweel after 4% of
    joining letters inside a word.
    """
    persian = rng.random() < 0.2
    eastern = rng.random() < 0.5
    out: list[str] = []
    for position, char in enumerate(query):
        following = query[position + 1] if position + 1 < len(query) else " "
        word_end = not following.isalpha()
        if char in "أإآ" and rng.random() < 0.6:
            char = "ا"
        elif char == "ة" and rng.random() < 0.5:
            char = "ه"
        elif char == "ى" and rng.random() < 0.4:
            char = "ي"
        elif char == "ي" and word_end and rng.random() < 0.4:
            char = "ى"
        if persian and char in "يى":
            char = "ی"
        elif persian and char == "ك":
            char = "ک"
        if eastern and char.isdigit():
            char = char.translate(_EASTERN)
        out.append(char)
        if "\u0621" <= char <= "\u064A" or char in "یک":
            if rng.random() < 0.06:
                out.append(rng.choice(_DIACRITICS))
            elif (not word_end and char not in _NON_JOINING and rng.random() < 0.04):
                out.append("\u0640")
    return "".join(out)


_ARTICLE_FORMS = ("وال", "فال", "بال", "كال", "لل", "ال")
_NEW_ARTICLE_FORMS = ("ال", "وال", "بال", "لل", "فال", "")
_NEW_PROCLITICS = ("و", "ب", "ل")


def _split_article(word: str) -> tuple[str, str] | None:
    for form in _ARTICLE_FORMS:
        if word.startswith(form) and len(word) - len(form) >= 3:
            return form, word[len(form):]
    return None


def change_clitics(query: str, rng: random.Random, fraction: float = 0.5) -> str:
    """Articles and proclitics changed on ``fraction`` of the content words (at least one).

    A word with the article gets another form of it or loses it (الاتفاق -> للاتفاق, اتفاق); a
    word without one gets و, ب or ل (روسيا -> وروسيا).
    """
    words = query.split()
    eligible = [i for i, word in enumerate(words)
                if _ARABIC_WORD.match(word) and len(word) >= 3 and not _is_stop(word)]
    if not eligible:
        return query
    chosen = [i for i in eligible if rng.random() < fraction] or [rng.choice(eligible)]
    for i in chosen:
        word = words[i]
        split = _split_article(word)
        if split:
            form, stem = split
            new = rng.choice([f for f in _NEW_ARTICLE_FORMS if f != form])
            if new == "لل" and stem.startswith("ل"):
                new = "ل"               # ل + الليل is written لليل
            words[i] = new + stem
        else:
            words[i] = rng.choice(_NEW_PROCLITICS) + word
    return " ".join(words)


def three_words(query: str, rng: random.Random) -> str:
    """Three random content words of the query, in their order."""
    words = content_words(query)
    picked = sorted(rng.sample(range(len(words)), min(3, len(words))))
    return " ".join(words[i] for i in picked)


def make_variants(queries: Sequence[str], seed: int) -> dict[str, list[str]]:
    """The four variants of every query; each variant has its own seeded random generator."""
    out: dict[str, list[str]] = {"clean": list(queries)}
    makers: dict[str, Callable[[str, random.Random], str]] = {
        "noise": add_noise, "clitics": change_clitics, "three-words": three_words}
    for offset, (name, maker) in enumerate(makers.items(), 1):
        rng = random.Random(seed * 1000 + offset)
        out[name] = [maker(query, rng) for query in queries]
    return out


# --- corpus and query sample ---------------------------------------------------------------------

def prepare(corpus: Path, limit: int | None, cache: Path | None) -> tuple[list[Article], set[int]]:
    """Articles (footers cut) and the indexes of wire copies, cached in ``cache`` if given."""
    key = f"{Path(corpus).resolve()}|{limit}|v2"
    if cache and cache.exists():
        with cache.open("rb") as handle:
            saved_key, articles, copies = pickle.load(handle)
        if saved_key == key:
            return articles, copies
    started = time.perf_counter()
    articles = load_articles(corpus, limit)
    copies = wire_copies([article.body for article in articles])
    log(f"corpus: {len(articles)} articles, {len(copies)} wire copies "
        f"({time.perf_counter() - started:.0f} s)")
    if cache:
        with cache.open("wb") as handle:
            pickle.dump((key, articles, copies), handle)
    return articles, copies


def sample_targets(articles: Sequence[Article], copies: set[int], count: int,
                   seed: int) -> list[int]:
    """Indexes of the query articles: not a wire copy, a title with 3+ content words."""
    candidates = [i for i, article in enumerate(articles)
                  if i not in copies and len(content_words(as_query(article.title))) >= 3]
    rng = random.Random(seed)
    return sorted(rng.sample(candidates, min(count, len(candidates))))


# --- systems -------------------------------------------------------------------------------------

class PlainSystem:
    """A baseline: plain Whoosh, body only, the given analyzer."""

    def __init__(self, name: str, analyzer: Any, folder: Path) -> None:
        self.name = name
        self.schema = fields.Schema(id=fields.ID(stored=True, unique=True),
                                    body=fields.TEXT(analyzer=analyzer))
        self.folder = folder
        self.index = None

    def build(self, articles: Sequence[Article], procs: int) -> None:
        """Index every body."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.index = whoosh_index.create_in(str(self.folder), self.schema)
        options = {"limitmb": 256}
        if procs > 1:
            options.update(procs=procs, multisegment=True)
        writer = self.index.writer(**options)
        for article in articles:
            writer.add_document(id=article.id, body=article.body)
        writer.commit()

    def run(self, queries: Sequence[str]) -> list[list[str]]:
        """The top-10 ids of every query."""
        parser = or_parser("body", self.schema)
        out = []
        with self.index.searcher() as searcher:
            for query in queries:
                hits = searcher.search(parser.parse(query), limit=K)
                out.append([hit["id"] for hit in hits])
        return out


class SearchlibSystem:
    """searchlib through its public API: create_index + add_documents, its own query parser."""

    name = "searchlib"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.index = None

    def build(self, articles: Sequence[Article], procs: int) -> None:
        """Index every body with an explicit empty title, as any untitled text: the library
        shows the extractor's fallback title (the body's opening words) but does not index it
        as a title; a short first line it takes for a headline is indexed as the title."""
        import searchlib

        self.index = searchlib.create_index(self.folder, overwrite=True)
        report = self.index.add_documents(
            ({"id": article.id, "title": "", "text": article.body, "source": article.source,
              "date": article.date or None} for article in articles), procs=procs)
        if report.skipped:
            log(f"searchlib skipped {len(report.skipped)} documents, e.g. {report.skipped[0]}")

    def run(self, queries: Sequence[str]) -> list[list[str]]:
        """The top-10 ids of every query, ranked exactly as ``SearchIndex.search`` ranks them
        (highlights and facets left out: they do not change the ranking)."""
        from searchlib.search.parsing import parse_query

        searcher = self.index.searcher()
        out = []
        for query in queries:
            parsed = parse_query(query, self.index.schema, searcher.reader())
            out.append([hit["id"] for hit in searcher.search(parsed, limit=K)])
        return out


def score(rankings: Sequence[list[str]], targets: Sequence[str]) -> tuple[float, float]:
    """MRR@10 and success@10."""
    reciprocal = success = 0.0
    for ranking, target in zip(rankings, targets):
        if target in ranking[:K]:
            reciprocal += 1.0 / (ranking.index(target) + 1)
            success += 1
    return reciprocal / len(targets), success / len(targets)


# --- main ----------------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--queries", type=int, default=2000, help="queries per variant")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--limit", type=int, default=None, help="index only the first N articles")
    parser.add_argument("--procs", type=int, default=2, help="indexing processes")
    parser.add_argument("--systems", default="whoosh-standard,whoosh-isri,naive-tashaphyne,searchlib",
                        help="comma-separated; also searchlib-analyzer (diagnostic: searchlib's "
                             "analyzer on the plain body-only schema)")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the indexes go (default: a temporary folder, deleted)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the prepared corpus and wire copies, reused when present")
    parser.add_argument("--failures", type=int, default=0,
                        help="print this many searchlib misses per variant (for analysis)")
    args = parser.parse_args(argv)

    articles, copies = prepare(args.corpus, args.limit, args.cache)
    targets = sample_targets(articles, copies, args.queries, args.seed)
    if not targets:
        raise SystemExit("no query articles (corpus too small?)")
    queries = [as_query(articles[i].title) for i in targets]
    variants = make_variants(queries, args.seed)
    target_ids = [articles[i].id for i in targets]

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="searchlib-bench-"))
    wanted = [name.strip() for name in args.systems.split(",") if name.strip()]
    analyzers = baseline_analyzers()
    results: dict[str, dict[str, tuple[float, float]]] = {}
    rankings_by_system: dict[str, dict[str, list[list[str]]]] = {}
    try:
        for name in wanted:
            if name == "searchlib":
                system = SearchlibSystem(workdir / name)
            elif name == "searchlib-analyzer":     # diagnostic: its analyzer, plain body schema
                from searchlib.analyzers import build_analyzer
                system = PlainSystem(name, build_analyzer(), workdir / name)
            else:
                system = PlainSystem(name, analyzers[name], workdir / name)
            seconds = time.perf_counter()
            system.build(articles, args.procs)
            built = time.perf_counter() - seconds
            seconds = time.perf_counter()
            rankings_by_system[name] = {v: system.run(variants[v]) for v in VARIANTS}
            searched = time.perf_counter() - seconds
            results[name] = {v: score(rankings_by_system[name][v], target_ids) for v in VARIANTS}
            log(f"{name}: indexed in {built:.0f} s, {len(VARIANTS) * len(queries)} queries in "
                f"{searched:.0f} s; MRR " + ", ".join(f"{v} {results[name][v][0]:.3f}"
                                                       for v in VARIANTS))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"Known-item retrieval: {len(articles)} articles indexed (bodies only), "
          f"{len(copies)} wire copies not used as queries, "
          f"{sum(a.footer_stripped for a in articles)} title footers cut; "
          f"{len(queries)} queries per variant (seed {args.seed}).\n")
    print("| system | " + " | ".join(f"{v} MRR@10 / S@10" for v in VARIANTS) + " |")
    print("|---|" + "---|" * len(VARIANTS))
    for name in wanted:
        print(f"| {name} | " + " | ".join(f"{results[name][v][0]:.3f} / {results[name][v][1]:.3f}"
                                          for v in VARIANTS) + " |")
    print()
    baselines = [name for name in wanted if name in analyzers]
    for system in ("searchlib", "searchlib-analyzer"):
        if system not in results:
            continue
        mine = results[system]
        cost = mine["clean"][0] - mine["noise"][0]
        print(f"{system} noise cost (MRR clean - MRR noise): {cost:+.4f} "
              f"({'meets' if cost <= 0.01 else 'FAILS'} <= 0.01)")
        if not baselines:
            continue
        beaten = all(mine[v][0] > results[b][v][0] for b in baselines for v in VARIANTS)
        print(f"{system} beats every baseline on every variant (MRR@10): "
              f"{'yes' if beaten else 'NO'}")
        for b in baselines:
            for v in VARIANTS:
                if mine[v][0] <= results[b][v][0]:
                    print(f"  loses to {b} on {v}: {mine[v][0]:.3f} <= {results[b][v][0]:.3f}")
    if args.failures and "searchlib" in rankings_by_system:
        by_id = {article.id: article for article in articles}
        for v in VARIANTS:
            misses = [(q, t, r) for q, t, r in zip(variants[v], target_ids,
                                                    rankings_by_system["searchlib"][v])
                      if t not in r]
            print(f"\n{v}: {len(misses)} searchlib misses, first {args.failures}:")
            for query, target, ranking in misses[:args.failures]:
                top = by_id[ranking[0]].title if ranking else "-"
                print(f"  query {query!r} | wanted {target} | got first: {top!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
