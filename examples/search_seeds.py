"""The smallest useful searchlib program: search the embedded default index, print the hits.

    python examples/search_seeds.py            # searches for علييف
    python examples/search_seeds.py قره باغ

The default index holds the five seed articles bundled with the library; it is built on first use.
"""
import sys

import searchlib


def main(argv: list[str]) -> int:
    query = " ".join(argv) or "علييف"
    results = searchlib.default_index().search(query, limit=5)
    print(f"{results.total} hit(s) for {query}")
    for number, hit in enumerate(results.hits, start=1):
        print(f"{number}. {hit.title}  [{hit.date or 'no date'}, {hit.source or 'no source'}]")
        print(f"   {hit.highlights_text}")
    return 0 if results.total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
