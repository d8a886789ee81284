"""Indexing speed: searchlib (full analysis and extraction, ``procs``) against plain Whoosh with
StandardAnalyzer in one process, same stored fields (title, body stored, id, date, source), in
the same run.

    python bench/index.py [--limit N] [--procs 2] [--workdir DIR]

Prints articles/s and seconds for both and the ratio searchlib / plain (the target: <= 1.0 with
procs=2). With ``--workdir`` the two indexes are kept (``plain/``, ``searchlib/``) for
``bench/query.py --workdir DIR``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whoosh import index as whoosh_index  # noqa: E402
from whoosh.analysis import StandardAnalyzer  # noqa: E402

from bench.common import DEFAULT_CORPUS, Article, load_articles, log, plain_schema, timed  # noqa: E402


def _date(article: Article) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(article.date, "%Y-%m-%d")
    except ValueError:
        return None


def build_plain(articles: Sequence[Article], folder: Path) -> None:
    """Plain Whoosh, StandardAnalyzer, one process, one commit."""
    folder.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(folder), plain_schema(StandardAnalyzer(), stored_body=True))
    writer = ix.writer(limitmb=256)
    for article in articles:
        fields = {"id": article.id, "title": article.title, "body": article.body,
                  "source": article.source}
        date = _date(article)
        if date is not None:
            fields["date"] = date
        writer.add_document(**fields)
    writer.commit()


def build_searchlib(articles: Sequence[Article], folder: Path, procs: int) -> int:
    """searchlib's public API: create_index + add_documents (extraction included)."""
    import searchlib

    index = searchlib.create_index(folder, overwrite=True)
    report = index.add_documents(
        ({"id": a.id, "title": a.title, "text": a.body, "source": a.source,
          "date": a.date or None} for a in articles), procs=procs)
    index.close()
    if report.skipped:
        log(f"searchlib skipped {len(report.skipped)}, e.g. {report.skipped[0]}")
    return report.indexed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--procs", type=int, default=2, help="searchlib indexing processes")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="keep the indexes here (default: a temporary folder, deleted)")
    args = parser.parse_args(argv)

    articles = load_articles(args.corpus, args.limit)   # read before timing: both get the same
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="searchlib-bench-"))
    try:
        for name in ("plain", "searchlib"):
            shutil.rmtree(workdir / name, ignore_errors=True)
        plain_s, _ = timed(lambda: build_plain(articles, workdir / "plain"))
        log(f"plain: {plain_s:.1f} s")
        mine_s, indexed = timed(lambda: build_searchlib(articles, workdir / "searchlib", args.procs))
        log(f"searchlib: {mine_s:.1f} s")
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)

    n = len(articles)
    print(f"Indexing {n} SaudiNewsNet articles (searchlib indexed {indexed}):\n")
    print("| system | seconds | articles/s |")
    print("|---|---|---|")
    print(f"| plain Whoosh, StandardAnalyzer, 1 process | {plain_s:.1f} | {n / plain_s:.0f} |")
    print(f"| searchlib, analysis + extraction, procs={args.procs} | {mine_s:.1f} | "
          f"{n / mine_s:.0f} |")
    ratio = mine_s / plain_s
    print(f"\nratio searchlib / plain: {ratio:.2f} "
          f"({'meets' if ratio <= 1.0 else 'FAILS'} the target <= 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
