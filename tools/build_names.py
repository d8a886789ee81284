"""Build searchlib/extraction/data/names.tsv: given names and family names, read off the corpus.

No maintained list of Arabic personal names covers news usage (Gulf family names, transliterated
foreign first names), so the list is learnt from where news writes names:

  * a *given name* is a word seen at least --min-contexts times right before or after بن / بنت
    (محمد بن نايف) or right after a personal title or calling (الأمير، الدكتور، اللواء، المدرب،
    الممثل … — the callings bring in transliterated foreign first names: ماوريسيو، ديفيد), in at
    least --given-ratio of all its occurrences (so كامل، قرار، عام stay out: they are mostly words;
    a word the packaged lexicon's dictionary rejects needs 2.5 times less);
  * a *family name* is an ال- word seen right after a given name at least --min-contexts times and
    in at least --family-ratio of its occurrences (القحطاني، الفيصل, not الدولي، الجديد).

Only the words and their counts are shipped, not the corpus. Deterministic output.

Usage: python tools/build_names.py [--corpus DIR] [--out searchlib/extraction/data/names.tsv]
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.common import iter_raw  # noqa: E402  (the one reader of the corpus zips)
from searchlib.extraction.text import fold, light  # noqa: E402

TITLES = frozenset(fold(w) for w in """الأمير الأميرة الشيخ الشيخة الدكتور الدكتورة المهندس المهندسة
الأستاذ الأستاذة السيد السيدة اللواء العقيد العميد المقدم الرائد النقيب الملازم المدرب اللاعب النجم
الممثل الممثلة المهاجم المدافع الحارس الفنان الفنانة المطرب المطربة المغني المخرج الكاتب الشاعر
الإعلامي""".split())
UNMARKED_TITLES = frozenset(fold(w) for w in "دكتور مهندس شيخ أمير سيد أستاذ".split())
TOKEN_RE = re.compile(r"\w+|[^\w\s]")


def main(argv: list[str] | None = None) -> int:
    """Count name contexts over the corpus and write the names file."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpora" / "saudinewsnet")
    ap.add_argument("--out", type=Path, default=REPO / "searchlib" / "extraction" / "data" / "names.tsv")
    ap.add_argument("--min-contexts", type=int, default=3)
    ap.add_argument("--given-ratio", type=float, default=0.05)
    ap.add_argument("--family-ratio", type=float, default=0.1)
    args = ap.parse_args(argv)
    from arabicstopwords.arabicstopwords import stopwords_list
    stop = {fold(light(w)) for w in stopwords_list()}

    docs: list[list[str]] = []
    count: collections.Counter = collections.Counter()
    contexts: collections.Counter = collections.Counter()
    in_chains: collections.Counter = collections.Counter()     # next to بن / بنت only
    for _origin, article in iter_raw(args.corpus):
        toks = TOKEN_RE.findall(fold(light(article.get("content") or "")))
        docs.append(toks)
        count.update(toks)
        for i, tok in enumerate(toks[:-1]):
            if tok in ("بن", "بنت") and i:
                contexts[toks[i - 1]] += 1
                contexts[toks[i + 1]] += 1
                in_chains[toks[i - 1]] += 1
                in_chains[toks[i + 1]] += 1
            elif tok in TITLES:
                contexts[toks[i + 1]] += 1

    def wordlike(w: str) -> bool:
        return len(w) >= 2 and w.isalpha() and w not in stop

    from searchlib.analyzers.lexicon import load_lexicon
    from searchlib.analyzers.normalize import normalize_text
    lexicon = load_lexicon()

    def ratio_needed(w: str) -> float:
        # a word the dictionary does not know (ديفيد، سيرجيو) needs less evidence
        return args.given_ratio if lexicon.in_dictionary(normalize_text(w)) else args.given_ratio / 2.5

    given = {w for w, n in contexts.items()
             if n >= args.min_contexts and n / count[w] >= ratio_needed(w) and wordlike(w)
             and not w.startswith("ال")}
    # a known person's family name written after a title (المدرب دونيس، الرئيس بوتين) is no given name
    from searchlib.extraction.gazetteer import gazetteer
    people = [e.name for e in gazetteer().entities if e.kind == "person"]
    surnames = {fold(light(n)).split()[-1] for n in people if len(n.split()) > 1} - \
        {fold(light(n)).split()[0] for n in people}
    given -= {w for w in surnames if in_chains[w] < args.min_contexts}   # بن مساعد keeps مساعد
    # و/ل/ب + a given name is the name with a clitic, not a name of its own; a preposition on a
    # commoner word is a phrase (بسيارته، للاعبي); a bare title is not a name (العقيد دكتور …)
    given = {w for w in given if not (w[0] in "ولبفك" and (w[1:] in given or count[w[1:]] > count[w]))
             and w not in UNMARKED_TITLES}
    after_given: collections.Counter = collections.Counter()
    for toks in docs:
        for prev, tok in zip(toks, toks[1:]):
            if prev in given and tok.startswith("ال") and len(tok) > 3:
                after_given[tok] += 1
    family = {w for w, n in after_given.items()
              if n >= args.min_contexts and n / count[w] >= args.family_ratio and wordlike(w)}

    rows = [(w, "given", contexts[w], count[w]) for w in given]
    rows += [(w, "family", after_given[w], count[w]) for w in family]
    rows.sort(key=lambda r: (r[1], r[0]))
    args.out.write_text(
        "# word\tkind\tcontexts\tcount (built by tools/build_names.py from SaudiNewsNet; folded forms)\n"
        + "".join(f"{w}\t{k}\t{n}\t{c}\n" for w, k, n, c in rows), encoding="utf-8")
    print(f"{len(given)} given names, {len(family)} family names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
