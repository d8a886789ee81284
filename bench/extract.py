"""Extraction throughput over the SaudiNewsNet corpus, on one core.

    python bench/extract.py [--limit N] [--corpus DIR]

Reads every article's ``content`` from the corpus zips (in place), times ``searchlib.extract``
on each, and prints articles/s, the slowest article, and a plain-Whoosh reference in the same
run (StandardAnalyzer tokenizing the same texts) so the figure can be compared across machines.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import DEFAULT_CORPUS, iter_raw  # noqa: E402


def iter_contents(corpus: Path, limit: int | None):
    """Article texts of the corpus, zip by zip, in file order."""
    for n, (_origin, article) in enumerate(iter_raw(corpus), 1):
        yield article.get("content") or ""
        if limit and n >= limit:
            return


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print figures to stdout."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="stop after N articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    from searchlib.extraction import extract
    from whoosh.analysis import StandardAnalyzer

    texts = list(iter_contents(args.corpus, args.limit))
    chars = sum(len(t) for t in texts)
    extract("warm up: الرئيس الروسي فلاديمير بوتين في 9 نوفمبر 2020")
    slowest = (0.0, -1)
    t0 = time.process_time()
    for i, text in enumerate(texts):
        s = time.process_time()
        extract(text)
        d = time.process_time() - s
        if d > slowest[0]:
            slowest = (d, i)
    elapsed = time.process_time() - t0
    analyzer = StandardAnalyzer()
    t1 = time.process_time()
    for text in texts:
        for _ in analyzer(text):
            pass
    whoosh_elapsed = time.process_time() - t1
    rate = len(texts) / elapsed
    print(f"articles: {len(texts)}  chars: {chars:,}")
    print(f"searchlib.extract: {elapsed:.1f} s  = {rate:,.0f} articles/s  "
          f"({elapsed / len(texts) * 1000:.2f} ms/article)")
    print(f"slowest article: #{slowest[1]} {slowest[0] * 1000:.1f} ms")
    print(f"plain Whoosh StandardAnalyzer tokenizing the same texts: {whoosh_elapsed:.1f} s "
          f"= {len(texts) / whoosh_elapsed:,.0f} articles/s; extract/tokenize time ratio "
          f"{elapsed / whoosh_elapsed:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
