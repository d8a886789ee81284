"""Filters, facet counts, date ranges and sorting by date, on the embedded default index
(or on an index of your own with --index DIR).

    python examples/facets.py
    python examples/facets.py "وقف إطلاق النار" --index ~/news-index
"""
import argparse

import searchlib

FACETS = ["actor", "agreement", "year", "source"]


def show(title: str, results) -> None:
    print(f"\n== {title}: {results.total} hit(s)")
    for hit in results.hits:
        print(f"   {hit.date or '----------'}  {hit.title}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="?", default="قره باغ")
    parser.add_argument("--index", metavar="DIR", help="an index folder (default: the seeds)")
    args = parser.parse_args()
    index = searchlib.open_index(args.index) if args.index else searchlib.default_index()

    # 1. Facet counts: how the hits spread over actors, agreements, years and sources.
    results = index.search(args.query, limit=5, facets=FACETS)
    show(f"«{args.query}»", results)
    for name in FACETS:
        top = results.facets[name][:5]
        counts = ", ".join(f"{item['value']} ({item['count']})" for item in top)
        print(f"   {name:<9} {counts or '-'}")
    if not results.total:
        return 1

    # 2. Clicking a facet value is a filter: only the articles naming the top actor.
    if results.facets["actor"]:
        actor = results.facets["actor"][0]["value"]
        show(f"actor = {actor}", index.search(args.query, filters={"actor": actor}))

    # 3. The same for an agreement type or name, when the hits have any.
    if results.facets["agreement"]:
        agreement = results.facets["agreement"][0]["value"]
        show(f"agreement = {agreement}", index.search(args.query, filters={"agreement": agreement}))

    # 4. A date range: the most recent year among the hits, from 1 January to 31 December.
    years = sorted(item["value"] for item in results.facets["year"])
    if years:
        year = years[-1]
        show(f"{year}-01-01 .. {year}-12-31", index.search(
            args.query, filters={"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}))

    # 5. Sorted by date, newest first, instead of by relevance.
    show("sorted by date", index.search(args.query, sort="date"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
