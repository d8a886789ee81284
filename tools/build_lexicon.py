"""Build searchlib/analyzers/data/lexicon.tsv.gz (the stemmer's lexicon).

Sources (both read at build time only; neither is shipped):
  * word counts over the SaudiNewsNet corpus (default ../shared/corpora/saudinewsnet): counts of
    normalized word forms, kept from --min-count up;
  * the Hunspell Arabic dictionary (Debian package hunspell-ar): every corpus spelling is checked
    with the ``hunspell`` command (``hunspell -d ar -l`` lists the rejected ones), and the
    dictionary's own stems (ar.dic) are added with their corpus count (often 0).

Output lines: ``word<TAB>count<TAB>flags`` (flag ``d`` = Hunspell accepts a spelling of the word,
``s`` = the word is an entry (a stem) of ar.dic, ``h`` = its ال is mostly written أل/إل/آل, so
it is part of the word, not the article),
preceded by ``#rate<TAB>clitic<TAB>value`` lines: sum of count(clitic + x) / sum of count(x) over
frequent dictionary words x (how often the clitic attaches, on average). The output is
deterministic (gzip mtime 0): its hash is part of AnalyzerConfig.signature().
Licences: hunspell-ar is GPL/LGPL/MPL; only counts derived from SaudiNewsNet are shipped.

Usage: python tools/build_lexicon.py [--corpus DIR] [--dic /usr/share/hunspell/ar.dic]
                                     [--min-count 3] [--out searchlib/analyzers/data]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import io
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from searchlib.analyzers.normalize import DIACRITICS_RE, normalize_text  # noqa: E402
from searchlib.analyzers.stopwords import stopword_set  # noqa: E402
from searchlib.analyzers.tokenizer import _TOKEN_RE  # noqa: E402
from bench.common import iter_raw  # noqa: E402  (the one reader of the corpus zips)

CLITICS = ("و", "ف", "ب", "ك", "ل")


def count_raw_forms(corpus: Path) -> collections.Counter:
    """Counts of corpus word spellings with diacritics and tatweel removed."""
    counts: collections.Counter = collections.Counter()
    for _origin, article in iter_raw(corpus):
        for field in ("title", "content"):
            counts.update(_TOKEN_RE.findall(article.get(field) or ""))
    stripped: collections.Counter = collections.Counter()
    for word, n in counts.items():
        stripped[DIACRITICS_RE.sub("", word)] += n
    return stripped


def hunspell_rejects(words: list[str]) -> set[str]:
    """The words Hunspell's Arabic dictionary rejects (needs the hunspell command)."""
    result = subprocess.run(["hunspell", "-d", "ar", "-l"], input="\n".join(words),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def dictionary_stems(dic: Path) -> set[str]:
    """Normalized stems listed in a Hunspell .dic file."""
    stems = set()
    with dic.open(encoding="utf-8", errors="replace") as lines:
        next(lines)  # entry count
        for line in lines:
            word = line.split("/", 1)[0].split("\t", 1)[0].strip()
            if word and not word.startswith("#"):
                stems.add(normalize_text(word))
    return stems


def clitic_rates(freq: dict[str, int], dictionary: set[str]) -> dict[str, float]:
    """sum count(clitic + x) / sum count(x) over frequent dictionary words x."""
    stops = stopword_set()
    bases = [w for w, n in freq.items() if n >= 200 and w in dictionary and w not in stops
             and len(w) >= 3]
    rates = {}
    bare = [w for w in bases if not w.startswith("ال")]
    for clitic in CLITICS:
        # ratio of sums: most words are never seen with ف or ك, so a median would be 0
        rates[clitic] = (sum(freq.get(clitic + w, 0) for w in bare) / sum(freq[w] for w in bare))
    definite = [w for w in bases if w.startswith("ال")]
    rates["لل"] = sum(freq.get("ل" + w[1:], 0) for w in definite) / sum(freq[w] for w in definite)
    return rates


def hamza_alef_words(raw_counts: collections.Counter) -> set[str]:
    """Normalized words starting ال that are mostly written أل/إل/آل (إلهام, ألمانيا, آليات).

    The article is never written with a hamza, so their ال belongs to the word.
    """
    hamza: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    for raw, n in raw_counts.items():
        if raw[:2] in ("أل", "إل", "آل", "ال"):
            norm = normalize_text(raw)
            total[norm] += n
            if raw[0] != "ا":
                hamza[norm] += n
    return {w for w, n in hamza.items() if n >= 0.5 * total[w]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/corpora/saudinewsnet")
    parser.add_argument("--dic", type=Path, default=Path("/usr/share/hunspell/ar.dic"))
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--out", type=Path, default=REPO / "searchlib/analyzers/data")
    args = parser.parse_args()

    raw_counts = count_raw_forms(args.corpus)
    freq: collections.Counter = collections.Counter()
    for raw, n in raw_counts.items():
        freq[normalize_text(raw)] += n
    arabic_raw = [w for w, n in raw_counts.items() if n >= args.min_count and not w.isascii()]
    rejected = hunspell_rejects(arabic_raw)
    dictionary = {normalize_text(w) for w in arabic_raw if w not in rejected}
    stems = dictionary_stems(args.dic)
    dictionary |= stems
    rates = clitic_rates(freq, dictionary)
    hamza_al = hamza_alef_words(raw_counts)

    args.out.mkdir(parents=True, exist_ok=True)
    words = sorted({w for w, n in freq.items() if n >= args.min_count} | dictionary)
    # mtime=0: the same input gives a byte-identical file (its hash goes into the signature)
    with open(args.out / "lexicon.tsv.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as packed, \
            io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as out:
        out.write("# word\tcount\tflags (d: Hunspell ar accepts it, s: ar.dic entry, h: ال written with hamza); built by "
                  "tools/build_lexicon.py from SaudiNewsNet counts and hunspell-ar\n")
        for clitic, value in rates.items():
            out.write(f"#rate\t{clitic}\t{value:.5f}\n")
        for word in words:
            flags = ("d" if word in dictionary else "") + ("s" if word in stems else "") + (
                "h" if word in hamza_al else "")
            out.write(f"{word}\t{freq.get(word, 0)}\t{flags}\n")
    print(f"{len(words)} words ({sum(w in dictionary for w in words)} in the dictionary), "
          f"rates {rates}", file=sys.stderr)


if __name__ == "__main__":
    main()
