"""Query speed: searchlib top-10 with highlights and all four facets (actor, agreement, year,
source) against plain Whoosh top-10 with highlights and no facets, same OR query
(``OrGroup.factory(0.9)``), same articles, in the same run.

    python bench/query.py [--limit N] [--queries 300] [--seed 7] [--workdir DIR]

Queries are realistic: 1-4 consecutive words of sampled headlines (so names, places and topics
as users type them). Each system gets a warm-up pass over the whole query set first, then a
timed pass; p50/p95 in ms and the p95 ratio (target: <= 2.0). With ``--workdir`` from
``bench/index.py`` the indexes there are reused; otherwise both are built first (not timed here).
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.highlight import HtmlFormatter  # noqa: E402

from bench.common import DEFAULT_CORPUS, Article, load_articles, log, or_parser, percentile  # noqa: E402
from bench.index import build_plain, build_searchlib  # noqa: E402
from bench.retrieval import as_query  # noqa: E402

FACETS = ("actor", "agreement", "year", "source")


def make_queries(articles: Sequence[Article], count: int, seed: int) -> list[str]:
    """``count`` queries: a random run of 1-4 words from a random headline."""
    rng = random.Random(seed)
    titled = [a for a in articles if len(as_query(a.title).split()) >= 2]
    queries = []
    while len(queries) < count and titled:
        words = as_query(rng.choice(titled).title).split()
        size = min(len(words), rng.choice((1, 2, 2, 3, 3, 4)))
        start = rng.randrange(len(words) - size + 1)
        query = " ".join(words[start:start + size])
        if any(len(word) >= 3 for word in query.split()):
            queries.append(query)
    return queries


def time_queries(run: Callable[[str], Any], queries: Sequence[str]) -> list[float]:
    """Milliseconds per query, after a warm-up pass over all of them."""
    for query in queries:
        run(query)
    out = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--procs", type=int, default=2, help="searchlib indexing processes")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="indexes from bench/index.py --workdir (built here when missing)")
    args = parser.parse_args(argv)

    articles = load_articles(args.corpus, args.limit)
    queries = make_queries(articles, args.queries, args.seed)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="searchlib-bench-"))
    try:
        if not (workdir / "plain").exists():
            log("building the plain index")
            build_plain(articles, workdir / "plain")
        if not (workdir / "searchlib").exists():
            log("building the searchlib index")
            build_searchlib(articles, workdir / "searchlib", args.procs)

        import searchlib

        plain = whoosh_index.open_dir(str(workdir / "plain"))
        or_body = or_parser("body", plain.schema)
        with plain.searcher() as searcher:
            def plain_run(query: str) -> list[str]:
                results = searcher.search(or_body.parse(query), limit=10)
                results.formatter = HtmlFormatter()
                return [hit.highlights("body") for hit in results]
            plain_ms = time_queries(plain_run, queries)
            docs = searcher.doc_count()

        mine = searchlib.open_index(workdir / "searchlib")

        def mine_run(query: str) -> Any:
            results = mine.search(query, limit=10, facets=list(FACETS))
            return [hit.highlights for hit in results.hits], results.facets
        mine_ms = time_queries(mine_run, queries)
        mine.close()
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"Top-10 search on {docs} articles, {len(queries)} queries (1-4 headline words, "
          f"seed {args.seed}), warm-up pass first:\n")
    print("| system | p50 ms | p95 ms | mean ms |")
    print("|---|---|---|---|")
    for name, ms in (("plain Whoosh, highlights, no facets", plain_ms),
                     ("searchlib, highlights + 4 facets", mine_ms)):
        print(f"| {name} | {percentile(ms, 0.5):.1f} | {percentile(ms, 0.95):.1f} | "
              f"{sum(ms) / len(ms):.1f} |")
    ratio = percentile(mine_ms, 0.95) / percentile(plain_ms, 0.95)
    print(f"\np95 ratio searchlib / plain: {ratio:.2f} "
          f"({'meets' if ratio <= 2.0 else 'FAILS'} the target <= 2.0); p50 ratio "
          f"{percentile(mine_ms, 0.5) / percentile(plain_ms, 0.5):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
